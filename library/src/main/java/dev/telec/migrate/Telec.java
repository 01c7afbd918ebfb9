package dev.telec.migrate;

import dev.telec.migrate.internal.adapter.out.lock.FileHomeLocks;
import dev.telec.migrate.internal.adapter.out.manifest.FileManifests;
import dev.telec.migrate.internal.adapter.out.sandbox.JimfsSandbox;
import dev.telec.migrate.internal.adapter.out.state.JsonStateStore;
import dev.telec.migrate.internal.application.MarkService;
import dev.telec.migrate.internal.application.MigrationRunner;
import dev.telec.migrate.internal.application.Migrator;
import dev.telec.migrate.internal.application.RepairService;
import dev.telec.migrate.internal.application.SimulatingMigrator;
import dev.telec.migrate.internal.application.StampService;
import dev.telec.migrate.internal.application.StatusService;
import dev.telec.migrate.internal.application.ValidateService;
import dev.telec.migrate.application.port.in.DryRunUseCase;
import dev.telec.migrate.application.port.in.MarkUseCase;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.application.port.in.RepairUseCase;
import dev.telec.migrate.application.port.in.StampUseCase;
import dev.telec.migrate.application.port.in.StatusUseCase;
import dev.telec.migrate.application.port.in.ValidateUseCase;
import dev.telec.migrate.internal.application.port.out.HomeLocks;
import dev.telec.migrate.internal.application.port.out.Manifests;
import dev.telec.migrate.internal.application.port.out.StateStore;
import java.time.Clock;

/**
 * The library entry point for an app's updater (artifact {@code dev.telec:telec}, see docs/library.md):
 *
 * <pre>{@code
 * MigrateUseCase migrator = Telec.migrator();
 * MigrationReport report = migrator.migrate(MigrateCommand.of(home, StepSource.classPath("myapp/migrations/")));
 * if (!report.succeeded()) log.error("migration halted: {}", report.error().get());
 * }</pre>
 *
 * The migrator reads only the {@link dev.telec.migrate.application.port.in.StepSource} a command names and keeps
 * its state in {@code <home>/migration_state.json}. It never prints or exits; a failing step is in the report,
 * and a condition that stops everything before a step runs is a {@link dev.telec.migrate.api.TelecException}.
 */
public final class Telec {

    private Telec() {
    }

    /**
     * A migrator wired with the filesystem adapters (state, lock, manifests, the dry-run's in-memory sandbox) and
     * the system clock, by hand: no injector, so nothing of Guice or its Guava reaches the caller's JVM. Build it
     * once and reuse it.
     */
    public static MigrateUseCase migrator() {
        MigrationRunner runner = runner();
        return new Migrator(runner, new SimulatingMigrator(runner, new JimfsSandbox()));
    }

    /**
     * The dry-run use case wired the same way: what a run would do, simulated on an in-memory copy of the
     * home. Build it once and reuse it.
     */
    public static DryRunUseCase dryRunner() {
        return new SimulatingMigrator(runner(), new JimfsSandbox());
    }

    /**
     * The operator verbs (status, validate, stamp, mark, repair) wired the same way, sharing one state store
     * and lock with each other. Build it once and reuse it; see docs/operations.md.
     */
    public static Operations operations() {
        Clock clock = Clock.systemUTC();
        Manifests manifests = new FileManifests();
        StateStore state = new JsonStateStore();
        HomeLocks locks = new FileHomeLocks(clock);
        DryRunUseCase dryRuns = new SimulatingMigrator(new MigrationRunner(manifests, state, clock, locks), new JimfsSandbox());
        return new Operations(new StatusService(manifests, state), new ValidateService(manifests, state, dryRuns),
                new StampService(manifests, state, clock, locks), new MarkService(manifests, state, clock, locks),
                new RepairService(manifests, state, clock, locks));
    }

    /** The operator verbs' use cases. */
    public record Operations(StatusUseCase status, ValidateUseCase validate, StampUseCase stamp, MarkUseCase mark,
                             RepairUseCase repair) {
    }

    private static MigrationRunner runner() {
        Clock clock = Clock.systemUTC();
        return new MigrationRunner(new FileManifests(), new JsonStateStore(), clock, new FileHomeLocks(clock));
    }
}
