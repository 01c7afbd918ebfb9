package dev.telec.migrate.application.port.in;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What to restore: the home, and the run to put it back to before (empty: the most recent run); runs after
 * that one are undone too, newest first.
 *
 * @param dryRun only say what would change, with diffs, as a dry-run of a run does
 * @param lockWait how long to wait for a run that holds the home; zero: not at all
 * @param dryRunOptions with {@code dryRun}: whether changes carry diffs, and how secrets are masked in them
 *     (its simulation settings play no part: nothing is simulated)
 */
public record RestoreCommand(Path home, Optional<String> runId, boolean dryRun, Duration lockWait, DryRunOptions dryRunOptions) {

    public RestoreCommand {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(lockWait, "lockWait");
        Objects.requireNonNull(dryRunOptions, "dryRunOptions");
        if (runId.isPresent() && !runId.get().matches("[0-9A-Za-z._-]+")) {
            throw new IllegalArgumentException("not a run id: '" + runId.get() + "'");
        }
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("the lock wait must not be negative: " + lockWait.toSeconds() + " s");
        }
    }

    /** With the default dry-run options: diffs, secrets masked. */
    public RestoreCommand(Path home, Optional<String> runId, boolean dryRun, Duration lockWait) {
        this(home, runId, dryRun, lockWait, DryRunOptions.DEFAULT);
    }

    /** The most recent run of {@code home}, for real, without waiting. */
    public static RestoreCommand of(Path home) {
        return new RestoreCommand(home, Optional.empty(), false, Duration.ZERO);
    }

    public RestoreCommand dryRun(boolean value) {
        return new RestoreCommand(home, runId, value, lockWait, dryRunOptions);
    }

    public RestoreCommand dryRunOptions(DryRunOptions value) {
        return new RestoreCommand(home, runId, dryRun, lockWait, value);
    }
}
