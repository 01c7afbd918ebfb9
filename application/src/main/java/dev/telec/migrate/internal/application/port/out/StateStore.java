package dev.telec.migrate.internal.application.port.out;

import dev.telec.migrate.api.StateException;
import dev.telec.migrate.domain.HistoryEntry;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.spi.DurabilityBarrier;
import java.nio.file.Path;
import java.util.List;

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

    /**
     * Records one step of a run as in effect: the entry's id joins the applied ids and the entry is
     * appended to the history of the state last loaded or saved for {@code home}. Called after the step's
     * {@code migrate()} and confirming {@code check()} returned, so a store may make records durable in
     * groups (a crash then loses only the last records, and the next run asks those steps' {@code check()}
     * again), but never before the step's effects are (see
     * {@link #record(Path, HistoryEntry, DurabilityBarrier)}). A run that recorded ends with {@link #save} or {@link #commit}.
     *
     * <p>The default saves the whole state each time, which costs time linear in its size.
     *
     * @throws StateException naming the file when the record cannot be written
     */
    default void record(Path home, HistoryEntry entry) {
        save(home, load(home).with(entry));
    }

    /**
     * Like {@link #record(Path, HistoryEntry)}, and {@link DurabilityBarrier#flush() flushes} {@code barrier}
     * before any write that makes this record durable: the step's own directory changes are then durable
     * before its record is. The default flushes it at once.
     *
     * @throws StateException naming the file when the barrier or the record cannot be written
     */
    default void record(Path home, HistoryEntry entry, DurabilityBarrier barrier) {
        try {
            barrier.flush();
        } catch (java.io.IOException e) {
            throw new StateException(home, "cannot sync the directories the steps changed: "
                    + dev.telec.migrate.api.TelecException.oneLine(e.getMessage()), e);
        }
        record(home, entry);
    }

    /**
     * A new durability barrier for one run on this store's homes (see {@link DurabilityBarrier}); the runner
     * gives it to the steps and back to {@link #record(Path, HistoryEntry, DurabilityBarrier)}. The default
     * syncs nothing: right for stores that keep nothing on disk.
     */
    default DurabilityBarrier newBarrier() {
        return DurabilityBarrier.NONE;
    }

    /**
     * Ends a run that recorded steps but does not {@link #save} a new version: makes every record durable.
     * {@code state} is the state the records add up to, which a store may write as its new snapshot.
     *
     * @throws StateException naming the file when the records cannot be made durable
     */
    default void commit(Path home, MigrationState state) {
    }

    /**
     * What a clean home would not have beside its state file: the journal of records not yet compacted into
     * the snapshot, temporary files an interrupted write left behind; each as a short description naming
     * the file. Reads only.
     */
    default List<String> leftovers(Path home) {
        return List.of();
    }

    /**
     * Brings the bookkeeping back to clean: writes {@code state} as the snapshot (compacting the journal
     * into it) and removes leftover temporary files.
     *
     * @throws StateException naming the file when it cannot be written
     */
    default void tidy(Path home, MigrationState state) {
        save(home, state);
    }
}
