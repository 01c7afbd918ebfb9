package dev.telec.migrate.internal.adapter.in.cli;

import dev.telec.migrate.application.port.in.ValidateCommand;
import dev.telec.migrate.application.port.in.ValidateUseCase;
import dev.telec.migrate.domain.Validation;
import dev.telec.migrate.application.port.in.FindAppProfile;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
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

    /** What the command line adds to a warning's message: the verb that shows more. */
    private static final Map<Validation.WarningKind, String> WARNING_HINTS = Map.of(
            Validation.WarningKind.NOTE, "",
            Validation.WarningKind.WOULD_FAIL, " (telec migrate --dry-run shows the run)",
            Validation.WarningKind.NOT_CHECKED, "");

    private final Provider<ValidateUseCase> validator;
    private final Provider<FindAppProfile> profiles;
    private final Environment environment;

    @Inject
    ValidateCli(Provider<ValidateUseCase> validator, Provider<FindAppProfile> profiles, Environment environment) {
        this.validator = validator;
        this.profiles = profiles;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Optional<Path> home = options.namedHome(profiles.get(), environment);
        Validation validation = validator.get().validate(
                new ValidateCommand(home, options.migrations(), options.allowInsecureMigrations));
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
                for (Validation.Warning w : validation.warnings()) {
                    g.writeStartObject();
                    g.writeStringField("id", w.id().orElse(null));
                    g.writeStringField("kind", w.kind().wireName());
                    g.writeStringField("message", w.message() + WARNING_HINTS.get(w.kind()));
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
            for (Validation.Warning w : validation.warnings()) {
                err.println("telec: warning: " + w.id().map(id -> id + ": ").orElse("") + w.message() + WARNING_HINTS.get(w.kind()));
            }
            err.flush(); // before the verdict on stdout, which a terminal shows after them
            if (validation.valid()) {
                out.println("valid: " + (home.isPresent() ? "the manifest, and " + home.get() + " against it" : "the manifest"));
            }
        }
        return validation.valid() ? ExitCodes.OK : ExitCodes.FAILED;
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
