package dev.telec.migrate.application.port.in;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which home to report on, against which manifest (empty: the bundled one).
 *
 * @param allowInsecureMigrations read a {@code --migrations} tree even when others may write to it
 */
public record StatusCommand(Path home, Optional<Path> migrations, boolean allowInsecureMigrations) {
    public StatusCommand {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(migrations, "migrations");
    }

    public static StatusCommand of(Path home) {
        return new StatusCommand(home, Optional.empty(), false);
    }

    public StatusCommand migrations(Path manifestDirectory) {
        return new StatusCommand(home, Optional.of(manifestDirectory), allowInsecureMigrations);
    }
}
