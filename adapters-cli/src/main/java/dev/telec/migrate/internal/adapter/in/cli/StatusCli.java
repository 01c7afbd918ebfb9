package dev.telec.migrate.internal.adapter.in.cli;

import dev.telec.migrate.application.port.in.StatusCommand;
import dev.telec.migrate.application.port.in.StatusUseCase;
import dev.telec.migrate.domain.AppName;
import dev.telec.migrate.domain.HomeStatus;
import dev.telec.migrate.domain.StepStatus;
import dev.telec.migrate.domain.StepStatus.State;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.application.port.in.FindAppProfile;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status",
        description = {
            "Shows what is applied, pending, ignored (at or below the recorded version but never recorded) and missing "
                    + "(recorded, no longer in the manifest) on a home, and which applied steps drifted (changed since recorded).",
            "Reads only: takes no lock, runs no step's check() or migrate()."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (with --check: up to date)",
            "1:a state or manifest error",
            "2:usage error",
            "4:with --check: a step is pending or ignored"})
final class StatusCli implements Callable<Integer>, JsonErrors {

    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions options;

    @Option(names = "--check", description = "Exit 4 when a step is pending or ignored, 0 when the home is up to date.")
    boolean check;

    private final Provider<StatusUseCase> status;
    private final Provider<FindAppProfile> profiles;
    private final Environment environment;

    @Inject
    StatusCli(Provider<StatusUseCase> status, Provider<FindAppProfile> profiles, Environment environment) {
        this.status = status;
        this.profiles = profiles;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Path home = options.home(spec, profiles.get(), environment);
        HomeStatus report = status.get().status(
                new StatusCommand(home, options.migrations(), options.allowInsecureMigrations));
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            json(out, home, report);
        } else {
            human(out, home, report);
        }
        return check && !report.upToDate() ? ExitCodes.NOT_UP_TO_DATE : ExitCodes.OK;
    }

    private static void human(PrintWriter out, Path home, HomeStatus report) {
        out.println("app:     " + report.app().map(AppName::value).orElse("none recorded"));
        out.println("home:    " + home);
        out.println("version: " + report.version().map(Version::toString).orElse("none recorded"));
        out.println("newest:  " + report.newest().map(Version::toString).orElse("none (the manifest has no steps)"));
        int width = report.steps().stream().mapToInt(s -> s.id().length()).max().orElse(0);
        for (StepStatus step : report.steps()) {
            StringBuilder line = new StringBuilder("  ").append(pad(step.state().wireName(), 8)).append(pad(step.id(), width));
            step.at().ifPresent(at -> line.append("  ").append(DateTimeFormatter.ISO_INSTANT.format(at)));
            step.outcome().ifPresent(o -> line.append(' ').append(o.wireName()));
            if (step.drifted()) line.append("  DRIFTED (changed since recorded)");
            out.println(line.toString().stripTrailing());
        }
        out.println(report.count(State.APPLIED) + " applied, " + report.count(State.PENDING) + " pending, "
                + report.count(State.IGNORED) + " ignored, " + report.count(State.MISSING) + " missing, "
                + report.drifted() + " drifted");
        if (report.count(State.IGNORED) > 0) {
            out.println("note: ignored steps never run by a plain telec migrate: run telec migrate --out-of-order, "
                    + "or telec mark ID --applied if they are in effect");
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(1, width - s.length() + 1));
    }

    private static void json(PrintWriter out, Path home, HomeStatus report) {
        JsonDocument.write(out, g -> {
            g.writeStringField("app", report.app().map(AppName::value).orElse(null));
            g.writeStringField("home", home.toString());
            g.writeStringField("version", report.version().map(Version::toString).orElse(null));
            g.writeStringField("newest", report.newest().map(Version::toString).orElse(null));
            g.writeArrayFieldStart("steps");
            for (StepStatus step : report.steps()) {
                g.writeStartObject();
                g.writeStringField("id", step.id());
                g.writeStringField("state", step.state().wireName());
                g.writeStringField("at", step.at().map(DateTimeFormatter.ISO_INSTANT::format).orElse(null));
                g.writeStringField("outcome", step.outcome().map(o -> o.wireName()).orElse(null));
                g.writeBooleanField("drifted", step.drifted());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("applied", report.count(State.APPLIED));
            g.writeNumberField("pending", report.count(State.PENDING));
            g.writeNumberField("ignored", report.count(State.IGNORED));
            g.writeNumberField("missing", report.count(State.MISSING));
            g.writeNumberField("drifted", report.drifted());
            g.writeNullField("error");
        });
    }

    @Override
    public void jsonError(PrintWriter out, String message) {
        JsonDocument.write(out, g -> {
            g.writeNullField("app");
            g.writeStringField("home", options == null || options.home == null ? null : options.home.toString());
            g.writeNullField("version");
            g.writeNullField("newest");
            g.writeArrayFieldStart("steps");
            g.writeEndArray();
            for (String n : new String[] {"applied", "pending", "ignored", "missing", "drifted"}) g.writeNumberField(n, 0);
            g.writeStringField("error", message);
        });
    }
}
