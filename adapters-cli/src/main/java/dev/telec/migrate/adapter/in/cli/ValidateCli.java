package dev.telec.migrate.adapter.in.cli;

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
            "Without --home it checks the manifest alone: the CI gate for step authors. Runs no step, writes nothing."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:valid",
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
                g.writeNullField("error");
            });
        } else {
            PrintWriter err = spec.commandLine().getErr();
            for (Validation.Problem p : validation.problems()) {
                err.println("telec: " + p.kind().wireName() + ": " + p.id() + ": " + p.message() + HINTS.get(p.kind()));
            }
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
            g.writeStringField("error", message);
        });
    }
}
