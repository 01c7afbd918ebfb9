package dev.telec.migrate.application.port.in;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings a home's bookkeeping back to clean.
 *
 * @param pruneMissing also drop recorded ids that are no longer in the manifest
 * @param dryRun only say what would be done
 */
public record RepairCommand(Path home, Optional<Path> migrations, boolean pruneMissing, boolean dryRun,
                            boolean allowInsecureMigrations, Duration lockWait) {
    public RepairCommand {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(migrations, "migrations");
        Objects.requireNonNull(lockWait, "lockWait");
        if (lockWait.isNegative()) throw new IllegalArgumentException("the lock wait must not be negative: " + lockWait);
    }

    public static RepairCommand of(Path home) {
        return new RepairCommand(home, Optional.empty(), false, false, false, Duration.ZERO);
    }

    public RepairCommand migrations(Path manifestDirectory) {
        return new RepairCommand(home, Optional.of(manifestDirectory), pruneMissing, dryRun, allowInsecureMigrations, lockWait);
    }

    public RepairCommand pruneMissing(boolean value) {
        return new RepairCommand(home, migrations, value, dryRun, allowInsecureMigrations, lockWait);
    }

    public RepairCommand dryRun(boolean value) {
        return new RepairCommand(home, migrations, pruneMissing, value, allowInsecureMigrations, lockWait);
    }
}
