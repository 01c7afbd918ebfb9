package dev.telec.migrate.internal.adapter.in.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The command line run in this JVM, as the command-line tests run it: the real module, with the environment
 * (variables and user home) of the test, and what it printed.
 */
final class CliRun {

    private CliRun() {
    }

    /** What a run printed on stdout and stderr, and its exit code. */
    record Result(int code, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    /** {@code telec ARGS...} with {@code env} as the environment and {@code user} as the user's home. */
    static Result telec(Map<String, String> env, Path user, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(Guice.createInjector(Modules.override(new TelecModule())
                .with(binder -> binder.bind(Environment.class).toInstance(Environment.of(env, user)))));
        int code = cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Writes a manifest entry (or any file), creating its directories. */
    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
