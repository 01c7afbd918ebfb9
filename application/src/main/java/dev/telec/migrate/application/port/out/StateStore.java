package dev.telec.migrate.application.port.out;

import dev.telec.migrate.application.TelecException.StateException;
import dev.telec.migrate.domain.MigrationState;
import java.nio.file.Path;

/** Where a home keeps its migration state. */
public interface StateStore {

    /**
     * The home's state; {@link MigrationState#EMPTY} when the home or its state file does not exist.
     *
     * @throws StateException naming the file when it exists but cannot be read or is not a state; the file
     *     is left as it was
     */
    MigrationState load(Path home);

    /**
     * Makes {@code state} the home's state, durably and atomically: a crash leaves the old state or the new
     * one, never a mix. Creates the home when it does not exist.
     *
     * @throws StateException naming the file when it cannot be written; the previous state is then intact
     */
    void save(Path home, MigrationState state);
}
