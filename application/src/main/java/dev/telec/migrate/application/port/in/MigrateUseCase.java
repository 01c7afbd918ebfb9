package dev.telec.migrate.application.port.in;

import dev.telec.migrate.application.TelecException;
import dev.telec.migrate.domain.MigrationReport;

/**
 * Brings a home from one version to another by running the steps in between, or reports what that would
 * do. This is the library API: an app's updater calls it and gets the report as a value; it never prints
 * or exits.
 */
public interface MigrateUseCase {

    /**
     * Runs (or, with {@code dryRun}, plans) the steps of {@code command}'s range in (version, NNN) order.
     * A failing step does not throw: the report names it and carries the cause.
     *
     * @throws TelecException when nothing can run: a bad manifest or state file, a range that goes
     *     backwards, or the home held by another run; nothing was written then
     */
    MigrationReport migrate(MigrateCommand command);
}
