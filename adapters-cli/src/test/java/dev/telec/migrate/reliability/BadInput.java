package dev.telec.migrate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import dev.telec.migrate.internal.adapter.in.cli.Cli;
import dev.telec.migrate.internal.adapter.in.cli.TelecModule;
import dev.telec.migrate.steps.MarkerStep;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A home, a manifest and the command line, for bad-input tests: what a run printed and whether it wrote. */
final class BadInput {

    record Result(int code, String out, String err) {
    }

    /** One wiring for all runs, as one process would have: the production module. */
    private static final com.google.inject.Injector INJECTOR = Guice.createInjector(new TelecModule());

    final Path home;
    final Path manifest;

    BadInput(Path dir) throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        manifest = dir.resolve("manifest");
        entry("v1.1.0/001_first.yaml", "class: " + MarkerStep.class.getName() + "\n");
        entry("v1.2.0/001_second.yaml", "class: " + MarkerStep.class.getName() + "\n");
    }

    void entry(String name, String text) throws IOException {
        Path file = manifest.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    Result migrate(String... extra) {
        return telec(Stream.concat(Stream.of("migrate", "--home", home.toString(), "--migrations", manifest.toString()),
                Stream.of(extra)).toArray(String[]::new));
    }

    static Result telec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(INJECTOR).run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Every file and directory of the home with its content: equal before and after means nothing was written. */
    Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String name = home.relativize(p).toString();
                files.put(name, Files.isRegularFile(p)
                        ? Files.size(p) + " " + Files.getLastModifiedTime(p) + " " + HexFormat.of().formatHex(
                                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))
                        : "dir");
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    /** One line on stderr, naming {@code file}, no stack trace, exit 1, nothing on stdout. */
    static void assertOneLineError(Result r, Path file, String cause) {
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("telec: ").contains(file.toString()).contains(cause).doesNotContain("\tat ");
    }
}
