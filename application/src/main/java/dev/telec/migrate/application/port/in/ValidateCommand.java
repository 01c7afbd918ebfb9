package dev.telec.migrate.application.port.in;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to validate: a manifest (empty: the bundled one) and, optionally, a home against it.
 *
 * @param home empty: the manifest alone (the step author's CI gate)
 */
public record ValidateCommand(Optional<Path> home, Optional<Path> migrations, boolean allowInsecureMigrations) {
    public ValidateCommand {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(migrations, "migrations");
    }
}
