package dev.telec.migrate;

import com.google.inject.Guice;
import dev.telec.migrate.adapter.in.cli.TelecModule;
import com.google.inject.Injector;
import dev.telec.migrate.application.port.in.MarkUseCase;
import dev.telec.migrate.application.port.in.DryRunUseCase;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.application.port.in.RepairUseCase;
import dev.telec.migrate.application.port.in.StampUseCase;
import dev.telec.migrate.application.port.in.StatusUseCase;
import dev.telec.migrate.application.port.in.ValidateUseCase;

/**
 * The library entry point for an app's updater:
 *
 * <pre>{@code
 * MigrationReport report = Telec.migrator().migrate(MigrateCommand.of(home));
 * if (!report.succeeded()) log.error("migration halted: {}", report.error().get());
 * }</pre>
 *
 * The migrator reads the bundled manifest (or {@code MigrateCommand.migrations(dir)}) and keeps its state
 * in {@code <home>/migration_state.json}. It never prints or exits; a failing step is in the report, and a
 * condition that stops everything before a step runs is a {@link dev.telec.migrate.application.TelecException}.
 */
public final class Telec {

    private Telec() {
    }

    /** A migrator wired with the filesystem adapters. Build it once and reuse it. */
    public static MigrateUseCase migrator() {
        return Guice.createInjector(new TelecModule()).getInstance(MigrateUseCase.class);
    }

    /**
     * The operator verbs (status, validate, stamp, mark, repair) wired with the filesystem adapters, sharing
     * one state store and lock with each other. Build it once and reuse it.
     */
    public static Operations operations() {
        Injector injector = Guice.createInjector(new TelecModule());
        return new Operations(injector.getInstance(StatusUseCase.class), injector.getInstance(ValidateUseCase.class),
                injector.getInstance(StampUseCase.class), injector.getInstance(MarkUseCase.class),
                injector.getInstance(RepairUseCase.class));
    }

    /** The operator verbs' use cases: see docs/operations.md. */
    public record Operations(StatusUseCase status, ValidateUseCase validate, StampUseCase stamp, MarkUseCase mark,
                             RepairUseCase repair) {
    }

    /**
     * The dry-run use case wired the same way: what a run would do, simulated on an in-memory copy of the
     * home. Build it once and reuse it.
     */
    public static DryRunUseCase dryRunner() {
        return Guice.createInjector(new TelecModule()).getInstance(DryRunUseCase.class);
    }
}
