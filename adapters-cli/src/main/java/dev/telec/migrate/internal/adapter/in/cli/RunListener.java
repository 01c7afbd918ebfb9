package dev.telec.migrate.internal.adapter.in.cli;

import dev.telec.migrate.application.port.in.StepListener;
import dev.telec.migrate.domain.MigrationId;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * How {@code telec migrate} follows a run or a dry-run on stderr: the progress line (when one is shown), the
 * wait for another holder's lock said once (unless {@code -q}), and, in a real run, a signal asking it to stop
 * between steps.
 */
final class RunListener implements StepListener {

    private final Consumer<String> waitingNotice;
    private final Progress progress;
    private final boolean quiet;
    private final Interruption interruption;

    /**
     * @param progress the progress line, or null when none is shown
     * @param interruption the real run's signals, or null for a dry-run (which writes nothing: a signal just ends it)
     */
    RunListener(PrintWriter err, Progress progress, boolean quiet, Interruption interruption) {
        this.waitingNotice = LockOptions.waitingNotice(err);
        this.progress = progress;
        this.quiet = quiet;
        this.interruption = interruption;
    }

    @Override
    public void planned(int steps) {
        if (interruption != null) interruption.stepsStarted();
        if (progress != null) progress.planned(steps);
    }

    @Override
    public void started(MigrationId id) {
        if (progress != null) progress.started(id);
    }

    @Override
    public void waiting(String message) {
        if (!quiet) waitingNotice.accept(message);
    }

    @Override
    public boolean stopRequested() {
        return interruption != null && interruption.requested();
    }
}
