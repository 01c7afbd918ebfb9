package dev.telec.migrate.adapter.in.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run the launcher uses to make a JDK 25+ AOT cache ({@code -XX:AOTCacheOutput}): it runs
 * the command line the way users do, in one JVM and on throw-away directories, so that the classes of
 * every common path are in the cache: help, a dry-run, applying bundled and declarative steps (state
 * journal and compaction included), and a run with nothing to do. Not a user command; prints nothing.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path example = Path.of(args[0]); // an example home to copy
        Path work = Files.createTempDirectory("telec-aot-training");
        try {
            Injector injector = Guice.createInjector(new TelecModule());
            StringWriter sink = new StringWriter();
            PrintWriter out = new PrintWriter(sink);
            Cli cli = new Cli(injector);
            Path home = work.resolve("home");
            copy(example, home);
            cli.run(out, out, "--help");
            cli.run(out, out, "migrate", "--help");
            cli.run(out, out, "migrate", "--dry-run", "--home", home.toString());
            cli.run(out, out, "migrate", "--home", home.toString());
            cli.run(out, out, "migrate", "--json", "--home", home.toString());

            Path manifest = work.resolve("manifest");
            for (int i = 1; i <= 3; i++) {
                Path entry = manifest.resolve("v1.0.0").resolve(String.format("%03d_step.yaml", i));
                Files.createDirectories(entry.getParent());
                Files.writeString(entry, "operations:\n  - op: mkdir\n    path: done/" + i + "\n");
            }
            Path declarative = work.resolve("declarative");
            String[] run = {"migrate", "-q", "--home", declarative.toString(), "--migrations", manifest.toString()};
            cli.run(out, out, "migrate", "--dry-run", "--home", declarative.toString(), "--migrations", manifest.toString());
            cli.run(out, out, run);
            cli.run(out, out, run);
            cli.run(out, out, "migrate", "-q", "--home", declarative.toString(), "--migrations", manifest.toString(),
                    "--from", "0.0.0", "--to", "1.0.0");
        } finally {
            delete(work);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
