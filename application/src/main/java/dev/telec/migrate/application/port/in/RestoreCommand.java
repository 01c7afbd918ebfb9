package dev.telec.migrate.application.port.in;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What to restore: the home, and the run to put it back to before (empty: the most recent run); runs after
 * that one are undone too, newest first.
 *
 * @param dryRun only say what would change
 * @param lockWait how long to wait for a run that holds the home; zero: not at all
 */
public record RestoreCommand(Path home, Optional<String> runId, boolean dryRun, Duration lockWait) {

    public RestoreCommand {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(lockWait, "lockWait");
        if (runId.isPresent() && !runId.get().matches("[0-9A-Za-z._-]+")) {
            throw new IllegalArgumentException("not a run id: '" + runId.get() + "'");
        }
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("the lock wait must not be negative: " + lockWait.toSeconds() + " s");
        }
    }

    /** The most recent run of {@code home}, for real, without waiting. */
    public static RestoreCommand of(Path home) {
        return new RestoreCommand(home, Optional.empty(), false, Duration.ZERO);
    }
}
