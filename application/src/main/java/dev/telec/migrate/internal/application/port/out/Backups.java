package dev.telec.migrate.internal.application.port.out;

import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.domain.BackupSummary;
import dev.telec.migrate.domain.Change;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.spi.DurabilityBarrier;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Where a home keeps the backups of its runs: for each run that writes, what the state files held before
 * it, and for each step, the pre-image (content, mode, owner, or "nothing") of every path the step changed,
 * saved durably before the change. A failed step is rolled back from them; a run is restored from them.
 *
 * <p>Every method that writes is called with the home's lock held.
 */
public interface Backups {

    /** No backups: steps run on the home itself, and nothing can be rolled back or restored. */
    Backups NONE = new Backups() {
        @Override
        public List<MigrationId> recover(Path home, MigrationState state) {
            return List.of();
        }

        @Override
        public Run start(Path home, Version from, Version to, OptionalLong snapshotLimit) {
            return Run.NONE;
        }

        @Override
        public List<BackupSummary> list(Path home) {
            return List.of();
        }

        @Override
        public List<Change> preview(Path home, List<String> runIds, Sandbox.Diffs diffs) {
            throw new TelecException("this telec keeps no backups");
        }

        @Override
        public List<Change> restore(Path home, List<String> runIds, Consumer<List<MigrationId>> undone) {
            throw new TelecException("this telec keeps no backups");
        }

        @Override
        public Optional<List<String>> interrupted(Path home) {
            return Optional.empty();
        }

        @Override
        public void prune(Path home, int keep) {
        }
    };

    /**
     * Puts back what a run that was killed left half-done: every step of its backup that {@code state} does
     * not record is rolled back, newest first (their changes were made but never recorded, so the next run
     * asks their check() again). Called with the lock held, before any step.
     *
     * @return the steps rolled back, oldest first
     * @throws TelecException when a restore of the home was interrupted: it must be finished first
     */
    List<MigrationId> recover(Path home, MigrationState state);

    /**
     * Starts the backup of a run that writes, saving what the state files hold now.
     *
     * @param snapshotLimit present when a script step may run: the largest home (in bytes) it may snapshot
     *     before one; a larger home refuses the run here, before anything is written
     * @throws TelecException naming the path when the backup cannot be written (a full disk), or the home is
     *     larger than {@code snapshotLimit}: nothing was changed
     */
    Run start(Path home, Version from, Version to, OptionalLong snapshotLimit);

    /** The runs whose backups are kept, newest first. */
    List<BackupSummary> list(Path home);

    /**
     * What {@link #restore} of the runs {@code runIds} would change, described as a dry-run describes a step's
     * changes: from what each path holds now to what it held before them, with diffs as {@code diffs} asks
     * (content, and mode and owner changes). A path the runs created shows as deleted, one they deleted as created.
     * Reads only: nothing in the home, its state or its backups is written, and no lock is taken.
     *
     * @return what would change, in path order
     */
    List<Change> preview(Path home, List<String> runIds, Sandbox.Diffs diffs);

    /**
     * Puts the home and its state back to before the runs {@code runIds} (newest first, as {@link #list} gives
     * them). Resumable: a restore that was killed is finished by the next one, and until then {@link #recover}
     * refuses. The restored runs' backups are dropped. Once the home and its state are back, and before the
     * restore is marked done, {@code undone} is told the steps the restored runs had applied, oldest first (again
     * when an interrupted restore is finished: it must be idempotent).
     *
     * @return what was changed, in path order, without diffs
     */
    List<Change> restore(Path home, List<String> runIds, Consumer<List<MigrationId>> undone);

    /** The runs (newest first) an interrupted restore was putting back, when one was interrupted. */
    Optional<List<String>> interrupted(Path home);

    /** Deletes all but the newest {@code keep} runs' backups. */
    void prune(Path home, int keep);

    /** The backup of one run. */
    interface Run extends AutoCloseable {

        /** Steps run on the home itself; nothing is saved. */
        Run NONE = new Run() {
            @Override
            public Path begin(MigrationId step, Path home) {
                return home;
            }

            @Override
            public void kept(MigrationId step) {
            }

            @Override
            public boolean rollBack(MigrationId step) {
                return false;
            }

            @Override
            public void close(Optional<Version> to) {
            }
        };

        /**
         * Starts step {@code step}'s window and gives the home it must run on: every path it changes through
         * that home has its pre-image saved first. A pre-image that cannot be saved fails the change.
         */
        Path begin(MigrationId step, Path home);

        /**
         * Starts the window of {@code step}, a script step (a process whose writes telec cannot see): saves a
         * snapshot of the whole home first, and gives the home it runs on ({@code home} itself).
         *
         * @throws TelecException naming the home when the snapshot cannot be saved: the step must not run
         */
        default Path beginScript(MigrationId step, Path home) {
            return home;
        }

        /**
         * The run's durability barrier, made to force first what this backup deferred: a pre-image is durable
         * before the state store writes the record of the step it belongs to. The runner gives the steps and
         * the store this barrier instead of {@code run}.
         */
        default DurabilityBarrier barrier(DurabilityBarrier run) {
            return run;
        }

        /**
         * The step succeeded: its pre-images are kept for {@code restore}, and what it changed is made as
         * durable as the state store needs before it records the step.
         */
        void kept(MigrationId step);

        /**
         * Puts every path the step changed back as it was before the step, durably.
         *
         * @return true when it was rolled back (false: this run keeps no backup)
         * @throws TelecException when it could not be, naming the path
         */
        boolean rollBack(MigrationId step);

        /** The run ended; {@code to} is the version the state now records, if any. */
        void close(Optional<Version> to);

        @Override
        default void close() {
            close(Optional.empty());
        }
    }
}
