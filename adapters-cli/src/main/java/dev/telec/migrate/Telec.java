package dev.telec.migrate;

import com.google.inject.Guice;
import dev.telec.migrate.adapter.in.cli.TelecModule;
import dev.telec.migrate.application.port.in.DryRunUseCase;
import dev.telec.migrate.application.port.in.MigrateUseCase;

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
     * The dry-run use case wired the same way: what a run would do, simulated on an in-memory copy of the
     * home. Build it once and reuse it.
     */
    public static DryRunUseCase dryRunner() {
        return Guice.createInjector(new TelecModule()).getInstance(DryRunUseCase.class);
    }
}
