package dev.telec.migrate.internal.adapter.in.cli;

import dev.telec.migrate.application.port.in.RepairCommand;
import dev.telec.migrate.application.port.in.RepairUseCase;
import dev.telec.migrate.application.port.in.FindAppProfile;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "repair",
        description = {
            "Brings a home's bookkeeping back to clean: compacts the journal into migration_state.json, removes leftover "
                    + "temporary files, re-records the checksums of drifted steps as they are now (outcome repaired) and, "
                    + "with --prune-missing, drops recorded ids that are no longer in the manifest. Runs no step."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:repaired, or nothing to repair",
            "1:a state or manifest error",
            "2:usage error",
            "3:another telec holds the home (see --wait)"})
final class RepairCli implements Callable<Integer>, JsonErrors {

    @Spec
    CommandSpec spec;

    @Option(names = "--prune-missing", description = "Also drop recorded ids that are no longer in the manifest.")
    boolean pruneMissing;

    @Option(names = "--dry-run", description = "Say what would be done; write nothing.")
    boolean dryRun;

    @Mixin
    HomeOptions options;

    @Mixin
    LockOptions lock;

    private final Provider<RepairUseCase> repairer;
    private final Provider<FindAppProfile> profiles;
    private final Environment environment;

    @Inject
    RepairCli(Provider<RepairUseCase> repairer, Provider<FindAppProfile> profiles, Environment environment) {
        this.repairer = repairer;
        this.profiles = profiles;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Path home = options.home(spec, profiles.get(), environment);
        RepairUseCase.Repaired r = repairer.get().repair(new RepairCommand(home, options.migrations(), pruneMissing, dryRun,
                options.allowInsecureMigrations, lock.lockWait()), LockOptions.waitingNotice(spec.commandLine().getErr()));
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            JsonDocument.write(out, g -> {
                g.writeStringField("home", home.toString());
                g.writeBooleanField("dryRun", r.dryRun());
                JsonDocument.strings(g, "leftovers", r.leftovers());
                JsonDocument.strings(g, "repaired", r.repaired());
                JsonDocument.strings(g, "pruned", r.pruned());
                JsonDocument.strings(g, "missing", r.missingKept());
                g.writeNullField("error");
            });
        } else {
            String would = r.dryRun() ? "would " : "";
            if (!r.changed()) out.println(home + ": nothing to repair");
            for (String l : r.leftovers()) out.println("  " + would + "tidy   " + l);
            for (String id : r.repaired()) out.println("  " + would + "re-record checksum " + id);
            for (String id : r.pruned()) out.println("  " + would + "prune  " + id + " (no longer in the manifest)");
            for (String id : r.missingKept()) {
                out.println("note: " + id + " is recorded but no longer in the manifest; --prune-missing drops it");
            }
        }
        return ExitCodes.OK;
    }

    @Override
    public void jsonError(PrintWriter out, String message) {
        JsonDocument.write(out, g -> {
            g.writeStringField("home", options == null || options.home == null ? null : options.home.toString());
            g.writeBooleanField("dryRun", dryRun);
            for (String f : new String[] {"leftovers", "repaired", "pruned", "missing"}) {
                g.writeArrayFieldStart(f);
                g.writeEndArray();
            }
            g.writeStringField("error", message);
        });
    }
}
