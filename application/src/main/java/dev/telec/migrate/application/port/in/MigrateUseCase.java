package dev.telec.migrate.application.port.in;

import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.domain.MigrationReport;

/**
 * Brings a home from one version to another by running the steps in between. This is the library API: an
 * app's updater calls it and gets the report as a value; it never prints or exits. What a run would do is
 * the {@link DryRunUseCase}'s.
 */
public interface MigrateUseCase {

    /**
     * Runs the steps of {@code command}'s range in (version, NNN) order, telling {@code listener} as each
     * starts and finishes. A failing step does not throw: the report names it and carries the cause
     * ({@link dev.telec.migrate.domain.MigrationReport#failure()}).
     *
     * <p>A command with the deprecated {@link MigrateCommand#dryRun()} flag set is a dry-run, as
     * {@link DryRunUseCase#dryRun} makes it.
     *
     * @throws TelecException when nothing can run: a bad manifest or state file, a range that goes
     *     backwards, or the home held by another run; nothing was written then
     */
    MigrationReport migrate(MigrateCommand command, StepListener listener);

    /** {@link #migrate(MigrateCommand, StepListener)} without a listener. */
    default MigrationReport migrate(MigrateCommand command) {
        return migrate(command, StepListener.NONE);
    }
}
