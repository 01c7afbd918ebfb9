package dev.telec.migrate.adapter.in.cli;

import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.application.port.in.DryRunCommand;
import dev.telec.migrate.application.port.in.DryRunOptions;
import dev.telec.migrate.application.port.in.DryRunUseCase;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.ValidateCommand;
import dev.telec.migrate.application.port.in.ValidateUseCase;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.StepResult;
import dev.telec.migrate.domain.Validation;
import dev.telec.migrate.application.port.in.FindAppProfile;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate",
        description = {
            "Resolves every entry of the manifest (documents parse, classes load and are steps, declarative operations "
                    + "are valid) and, with --home, reports the home's drifted, missing and ignored steps.",
            "With --home it also dry-runs the pending steps on an in-memory copy of the home (as telec migrate --dry-run) "
                    + "and warns of what they note, such as a path that names no file; warnings do not make it invalid.",
            "Without --home it checks the manifest alone: the CI gate for step authors. Writes nothing."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:valid (warnings, if any, on stderr)",
            "1:one line per problem, or a state or manifest tree error",
            "2:usage error"})
final class ValidateCli implements Callable<Integer>, JsonErrors {

    private static final Map<Validation.Kind, String> HINTS = Map.of(
            Validation.Kind.DRIFTED, " (if the change is intended: telec repair)",
            Validation.Kind.MISSING, " (telec repair --prune-missing drops it)",
            Validation.Kind.IGNORED, " (telec migrate --out-of-order runs it; telec mark ID --applied records it)",
            Validation.Kind.UNRESOLVABLE, "");

    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions options;

    private final Provider<ValidateUseCase> validator;
    private final Provider<DryRunUseCase> dryRuns;
    private final Provider<FindAppProfile> profiles;
    private final Environment environment;

    /** Said, not failed: {@code id} null when it is about the whole home. */
    private record Warning(String id, String kind, String message) {
    }

    @Inject
    ValidateCli(Provider<ValidateUseCase> validator, Provider<DryRunUseCase> dryRuns, Provider<FindAppProfile> profiles,
                Environment environment) {
        this.validator = validator;
        this.dryRuns = dryRuns;
        this.profiles = profiles;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Optional<Path> home = options.namedHome(profiles.get(), environment);
        Validation validation = validator.get().validate(
                new ValidateCommand(home, options.migrations(), options.allowInsecureMigrations));
        List<Warning> warnings = home.map(h -> warnings(h, validation)).orElse(List.of());
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            JsonDocument.write(out, g -> {
                g.writeBooleanField("valid", validation.valid());
                g.writeArrayFieldStart("problems");
                for (Validation.Problem p : validation.problems()) {
                    g.writeStartObject();
                    g.writeStringField("id", p.id());
                    g.writeStringField("kind", p.kind().wireName());
                    g.writeStringField("message", p.message());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("warnings");
                for (Warning w : warnings) {
                    g.writeStartObject();
                    g.writeStringField("id", w.id());
                    g.writeStringField("kind", w.kind());
                    g.writeStringField("message", w.message());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeNullField("error");
            });
        } else {
            PrintWriter err = spec.commandLine().getErr();
            for (Validation.Problem p : validation.problems()) {
                err.println("telec: " + p.kind().wireName() + ": " + p.id() + ": " + p.message() + HINTS.get(p.kind()));
            }
            for (Warning w : warnings) {
                err.println("telec: warning: " + (w.id() == null ? "" : w.id() + ": ") + w.message());
            }
            err.flush(); // before the verdict on stdout, which a terminal shows after them
            if (validation.valid()) {
                out.println("valid: " + (home.isPresent() ? "the manifest, and " + home.get() + " against it" : "the manifest"));
            }
        }
        return validation.valid() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /**
     * What a dry-run of the home's pending steps says that is not a problem of the manifest: each step's notes (a
     * declarative operation whose literal path names no file, which would be recorded as done), and a step that would
     * fail (the dry-run stops there). None when an entry does not resolve: the problems say so already.
     */
    private List<Warning> warnings(Path home, Validation validation) {
        if (validation.problems().stream().anyMatch(p -> p.kind() == Validation.Kind.UNRESOLVABLE)) return List.of();
        MigrateCommand run = MigrateCommand.of(home, options.steps()).allowInsecureMigrations(options.allowInsecureMigrations)
                .allowDowngrade(true);
        MigrationReport report;
        try {
            report = dryRuns.get().dryRun(new DryRunCommand(run, DryRunOptions.DEFAULT.diffs(false)));
        } catch (TelecException e) {
            return List.of(new Warning(null, "not_checked", "the pending steps could not be dry-run, so what they would note "
                    + "is not known: " + TelecException.oneLine(e.getMessage())));
        }
        List<Warning> warnings = new ArrayList<>();
        for (StepResult step : report.steps()) {
            String id = step.id().toString();
            step.notes().forEach(note -> warnings.add(new Warning(id, "note", note)));
            if (step.outcome() == StepOutcome.FAILED) {
                warnings.add(new Warning(id, "would_fail", "would fail in a run: " + step.error().orElse("(no message)")
                        + "; the steps after it were not dry-run (telec migrate --dry-run shows the run)"));
            }
        }
        return warnings;
    }

    @Override
    public void jsonError(PrintWriter out, String message) {
        JsonDocument.write(out, g -> {
            g.writeBooleanField("valid", false);
            g.writeArrayFieldStart("problems");
            g.writeEndArray();
            g.writeArrayFieldStart("warnings");
            g.writeEndArray();
            g.writeStringField("error", message);
        });
    }
}
