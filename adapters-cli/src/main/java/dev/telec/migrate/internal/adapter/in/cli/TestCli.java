package dev.telec.migrate.internal.adapter.in.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Ansi.Style;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "test",
        description = {"Checks a manifest's steps against sample homes, whatever language they are written in. Each fixture is a "
                + "folder with before/ (a home), after/ (the home expected after the run) and optionally fixture.yaml "
                + "(from:, to:, expect: success | failure).",
            "For each fixture, on a private copy of before/: the real run gives exactly after/ (telec's own files left out; "
                    + "a unified diff of every difference otherwise); a second run applies nothing and changes no byte; the "
                    + "dry-run's predicted changes are the real run's; before/ itself is untouched."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every fixture passed", "1:a fixture failed, or the manifest or a fixture cannot be read",
            "2:usage error (no fixtures folder)"})
final class TestCli implements Callable<Integer>, JsonErrors {

    @Spec
    CommandSpec spec;

    @Option(names = "--migrations", paramLabel = "DIR", description = "The manifest tree to test (default: the bundled one).")
    Path migrations;

    @Option(names = "--fixtures", paramLabel = "DIR", description = "The folder of fixtures (default: DIR/fixtures).")
    Path fixtures;

    @Option(names = "--json", description = "Print exactly one JSON document on stdout: "
            + "{\"fixtures\": [{\"name\", \"passed\", \"failures\": [{\"message\", \"details\"}]}], \"passed\", \"failed\", \"error\"}.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print only the fixtures that fail.")
    boolean quiet;

    private final Provider<MigrateUseCase> migrator;

    @Inject
    TestCli(Provider<MigrateUseCase> migrator) {
        this.migrator = migrator;
    }

    @Override
    public Integer call() throws IOException {
        if (json && quiet) throw new ParameterException(spec.commandLine(), "--quiet means nothing with --json (which prints one document and nothing else)");
        Path root = fixtures != null ? fixtures : migrations != null ? migrations.resolve("fixtures") : null;
        if (root == null) throw new ParameterException(spec.commandLine(), "--fixtures DIR is needed when testing the bundled manifest");
        if (!Files.isDirectory(root)) {
            throw new ParameterException(spec.commandLine(), "no fixtures folder at " + root + (fixtures == null ? " (pass --fixtures DIR)" : ""));
        }
        List<Path> folders = Fixtures.list(root);
        if (folders.isEmpty()) throw new TelecException(root, "holds no fixtures (folders with before/ and after/)", null);

        Fixtures runner = new Fixtures(migrator.get(), migrations);
        List<Fixtures.Outcome> outcomes = new ArrayList<>();
        Path work = Files.createTempDirectory("telec-test");
        try {
            for (Path folder : folders) {
                Fixtures.Outcome outcome = runner.run(folder, work);
                outcomes.add(outcome);
                if (!json) print(outcome);
            }
        } finally {
            delete(work);
        }
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        if (json) {
            document(spec.commandLine().getOut(), outcomes, null);
        } else if (!quiet || failed > 0) {
            spec.commandLine().getOut().println(outcomes.size() + " fixture" + (outcomes.size() == 1 ? "" : "s") + ": "
                    + (outcomes.size() - failed) + " passed, " + failed + " failed");
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void print(Fixtures.Outcome outcome) {
        PrintWriter out = spec.commandLine().getOut();
        Ansi ansi = spec.commandLine().getColorScheme().ansi();
        if (outcome.passed()) {
            if (!quiet) out.println(paint(ansi, "ok  ", Style.fg_green) + "  " + outcome.name());
            return;
        }
        out.println(paint(ansi, "FAIL", Style.bold, Style.fg_red) + "  " + outcome.name() + ": "
                + String.join("; ", outcome.failures().stream().map(Fixtures.Failure::message).toList()));
        for (Fixtures.Failure failure : outcome.failures()) {
            failure.details().lines().forEach(line -> out.println("      " + diffLine(ansi, line)));
        }
        out.flush();
    }

    private static String diffLine(Ansi ansi, String line) {
        if (line.startsWith("+++") || line.startsWith("---")) return paint(ansi, line, Style.bold);
        if (line.startsWith("+")) return paint(ansi, line, Style.fg_green);
        if (line.startsWith("-")) return paint(ansi, line, Style.fg_red);
        if (line.startsWith("@@")) return paint(ansi, line, Style.fg_cyan);
        return line;
    }

    private static String paint(Ansi ansi, String text, Style... styles) {
        return ansi.enabled() ? ansi.apply(text, List.of(styles)).toString() : text;
    }

    @Override
    public void jsonError(PrintWriter out, String message) {
        document(out, List.of(), message);
    }

    private static void document(PrintWriter out, List<Fixtures.Outcome> outcomes, String error) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeArrayFieldStart("fixtures");
            for (Fixtures.Outcome o : outcomes) {
                g.writeStartObject();
                g.writeStringField("name", o.name());
                g.writeBooleanField("passed", o.passed());
                g.writeArrayFieldStart("failures");
                for (Fixtures.Failure f : o.failures()) {
                    g.writeStartObject();
                    g.writeStringField("message", f.message());
                    g.writeStringField("details", f.details());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("passed", outcomes.stream().filter(Fixtures.Outcome::passed).count());
            g.writeNumberField("failed", outcomes.stream().filter(o -> !o.passed()).count());
            g.writeStringField("error", error);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
