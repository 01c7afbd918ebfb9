package dev.telec.migrate.application.port.in;

import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.domain.BackupSummary;
import dev.telec.migrate.domain.Change;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Puts a home and its state back to before one of its runs, from the backups its runs kept; lists them.
 */
public interface RestoreUseCase {

    /**
     * What a restore did (or, in a dry-run, would do).
     *
     * @param runs the runs undone, newest first
     * @param changes what changed in the home (the state files included), in path order
     * @param resumed true when it finished a restore that had been interrupted, instead of starting one
     */
    record Report(List<String> runs, List<Change> changes, boolean dryRun, boolean resumed) {
        public Report {
            runs = List.copyOf(runs);
            changes = List.copyOf(changes);
        }
    }

    /**
     * @throws TelecException when there is no such backup, the home is held by another run, or the restore
     *     failed (it is then finished by the next restore, and migrate refuses until it is)
     */
    default Report restore(RestoreCommand command) {
        return restore(command, message -> { });
    }

    /**
     * {@link #restore(RestoreCommand)}, telling {@code waiting} once when another run holds the home and this
     * one waits for it (with {@code lockWait}).
     */
    Report restore(RestoreCommand command, Consumer<String> waiting);

    /** The runs whose backups are kept, newest first. */
    List<BackupSummary> list(Path home);
}
