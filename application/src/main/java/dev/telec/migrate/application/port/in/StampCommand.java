package dev.telec.migrate.application.port.in;

import dev.telec.migrate.domain.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Records a freshly laid out home as being at {@code version}: every step up to it in effect.
 *
 * @param force stamp even when the state already records steps (they are kept)
 * @param lockWait how long to wait for another run that holds the home; zero: not at all
 */
public record StampCommand(Path home, Optional<Path> migrations, Version version, boolean force,
                           boolean allowInsecureMigrations, Duration lockWait) {
    public StampCommand {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(migrations, "migrations");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(lockWait, "lockWait");
        if (lockWait.isNegative()) throw new IllegalArgumentException("the lock wait must not be negative: " + lockWait);
    }

    public static StampCommand of(Path home, Version version) {
        return new StampCommand(home, Optional.empty(), version, false, false, Duration.ZERO);
    }

    public StampCommand migrations(Path manifestDirectory) {
        return new StampCommand(home, Optional.of(manifestDirectory), version, force, allowInsecureMigrations, lockWait);
    }

    public StampCommand force(boolean value) {
        return new StampCommand(home, migrations, version, value, allowInsecureMigrations, lockWait);
    }
}
