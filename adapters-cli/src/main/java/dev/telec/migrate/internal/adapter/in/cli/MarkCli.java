package dev.telec.migrate.internal.adapter.in.cli;

import dev.telec.migrate.application.port.in.MarkCommand;
import dev.telec.migrate.application.port.in.MarkUseCase;
import dev.telec.migrate.application.port.in.FindAppProfile;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "mark",
        description = {
            "Records steps as in effect without running them (--applied, outcome marked), or takes them out of the "
                    + "applied set so that the next run asks their check() again (--pending).",
            "A step at or below the recorded version that is pending is ignored by a plain run: telec migrate --out-of-order reaches it."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:marked (or already as asked)",
            "1:an id that is not a step of the manifest, or a state or manifest error; nothing written",
            "2:usage error",
            "3:another telec holds the home (see --wait)"})
final class MarkCli implements Callable<Integer>, JsonErrors {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Step ids, like 1.1.0/001_rename_feature_toggle.")
    List<String> ids;

    static final class As {
        @Option(names = "--applied", required = true, description = "Record them as in effect.")
        boolean applied;

        @Option(names = "--pending", required = true, description = "Take them out of the applied set.")
        boolean pending;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    As as;

    @Mixin
    HomeOptions options;

    @Mixin
    LockOptions lock;

    private final Provider<MarkUseCase> marker;
    private final Provider<FindAppProfile> profiles;
    private final Environment environment;

    @Inject
    MarkCli(Provider<MarkUseCase> marker, Provider<FindAppProfile> profiles, Environment environment) {
        this.marker = marker;
        this.profiles = profiles;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Path home = options.home(spec, profiles.get(), environment);
        MarkCommand command;
        try {
            command = new MarkCommand(home, options.migrations(), MarkCommand.parseIds(ids),
                    as.applied ? MarkCommand.As.APPLIED : MarkCommand.As.PENDING, options.allowInsecureMigrations, lock.lockWait());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        MarkUseCase.Marked marked = marker.get().mark(command, LockOptions.waitingNotice(spec.commandLine().getErr()));
        PrintWriter out = spec.commandLine().getOut();
        String became = as.applied ? "applied" : "pending";
        if (options.json) {
            JsonDocument.write(out, g -> {
                g.writeStringField("home", home.toString());
                g.writeStringField("as", became);
                JsonDocument.strings(g, "changed", marked.changed());
                JsonDocument.strings(g, "unchanged", marked.unchanged());
                JsonDocument.strings(g, "ignored", marked.ignored());
                g.writeNullField("error");
            });
        } else {
            for (String id : marked.changed()) out.println("  marked " + became + "  " + id);
            for (String id : marked.unchanged()) out.println("  already " + became + " " + id);
            for (String id : marked.ignored()) {
                out.println("note: " + id + " is at or below the recorded version: only telec migrate --out-of-order runs it");
            }
        }
        return ExitCodes.OK;
    }

    @Override
    public void jsonError(PrintWriter out, String message) {
        JsonDocument.write(out, g -> {
            g.writeStringField("home", options == null || options.home == null ? null : options.home.toString());
            g.writeStringField("as", as == null ? null : as.applied ? "applied" : "pending");
            for (String f : new String[] {"changed", "unchanged", "ignored"}) {
                g.writeArrayFieldStart(f);
                g.writeEndArray();
            }
            g.writeStringField("error", message);
        });
    }
}
