package dev.telec.migrate.internal.adapter.in.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * The training run that makes a JDK 25+ AOT cache ({@code -XX:AOTCacheOutput}). A JVM started with the cache
 * loads every class the training loaded, before {@code main}, whether the run needs it or not; so it trains
 * only what users run most: {@code --version}, a run with nothing to do (also with {@code --json}), applying
 * bundled and declarative steps (state journal and compaction included) and {@code status} where this telec
 * has it. Help, dry-runs and diffs (Jimfs, the diff library) are left out: they load from the jars when
 * asked for. Not a user command; prints nothing.
 *
 * <p>Usage: {@code AotTraining EXAMPLE_HOME}. The launcher and the distribution's build run it with the
 * JVM options the cache is for and {@code -XX:AOTCacheOutput=FILE}.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path example = Path.of(args[0]); // an example home to copy
        Path work = Files.createTempDirectory("telec-aot-training");
        // the entry point users start: loaded here so that it is in the cache (calling it would exit)
        Class<?> entryPoint = Main.class;
        if (entryPoint.getName().isEmpty()) throw new IllegalStateException();
        try {
            Preload.startFor("migrate"); // as main starts them
            StringWriter sink = new StringWriter();
            PrintWriter out = new PrintWriter(sink);
            Cli cli = Cli.creatingInjectorBeside(new TelecModule());
            cli.run(out, out, "--version");

            Path home = work.resolve("home");
            copy(example, home);
            cli.run(out, out, "migrate", "--home", home.toString());
            cli.run(out, out, "migrate", "--home", home.toString());
            cli.run(out, out, "migrate", "-q", "--home", home.toString());
            cli.run(out, out, "migrate", "--json", "--home", home.toString());
            status(cli, out, "--home", home.toString());

            Path manifest = work.resolve("manifest");
            for (int i = 1; i <= 3; i++) {
                Path entry = manifest.resolve("v1.0.0").resolve("00" + i + "_step.yaml");
                Files.createDirectories(entry.getParent());
                Files.writeString(entry, "operations:\n  - op: mkdir\n    path: done/" + i + "\n");
            }
            String declarative = Files.createDirectories(work.resolve("declarative")).toString(); // telec refuses a missing home
            String[] run = {"migrate", "-q", "--home", declarative, "--migrations", manifest.toString(), "--from", "0.0.0", "--to", "1.0.0"};
            cli.run(out, out, run);
            cli.run(out, out, run);
            status(cli, out, "--home", declarative, "--migrations", manifest.toString());
        } finally {
            delete(work);
        }
    }

    /** {@code status} and {@code status --json}, when this telec has the verb. */
    private static void status(Cli cli, PrintWriter out, String... options) {
        for (Class<?> verb : TelecCommand.VERBS) {
            Command command = verb.getAnnotation(Command.class);
            if (command != null && command.name().equals("status")) {
                String[] args = new String[options.length + 1];
                args[0] = "status";
                System.arraycopy(options, 0, args, 1, options.length);
                cli.run(out, out, args);
                String[] json = new String[args.length + 1];
                System.arraycopy(args, 0, json, 0, args.length);
                json[args.length] = "--json";
                cli.run(out, out, json);
            }
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
