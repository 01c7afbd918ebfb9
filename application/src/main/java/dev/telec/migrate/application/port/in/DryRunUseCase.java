package dev.telec.migrate.application.port.in;

import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.domain.MigrationReport;

/**
 * Reports what a run would do, without changing the home: by default the steps run for real on an in-memory
 * copy of it, and the report gives each step's outcome ({@code would_apply}, ...) and changes; when the home
 * cannot be copied, or the options ask for it, the report is the check-only plan
 * ({@link MigrationReport.Mode#CHECK_ONLY_DRY_RUN}).
 */
public interface DryRunUseCase {

    /**
     * A step that would fail is in the report, with its cause, as in a real run.
     *
     * @throws TelecException when nothing could run: a bad manifest or state file, a range that goes backwards
     */
    default MigrationReport dryRun(DryRunCommand command) {
        return dryRun(command, StepListener.NONE);
    }

    /**
     * {@link #dryRun(DryRunCommand)}, telling {@code listener} as each step is checked and (on the copy) run, as a
     * real run tells it, e.g. for a progress display; a dry-run takes no lock, so it is never told of a wait.
     */
    MigrationReport dryRun(DryRunCommand command, StepListener listener);
}
