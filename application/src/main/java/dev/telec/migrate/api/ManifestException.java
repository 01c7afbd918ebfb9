package dev.telec.migrate.api;

import java.nio.file.Path;

/**
 * Thrown when a manifest entry or tree is malformed (a bad {@code v{semver}/NNN_description} name, a duplicate
 * step number, an unreadable or invalid YAML entry, a profile file that cannot be parsed), or names a class
 * that cannot be loaded or used as a step. Nothing has run when it is thrown.
 */
public class ManifestException extends TelecException {

    public ManifestException(Path file, String message) {
        super(file, message, null);
    }

    public ManifestException(Path file, String message, Throwable cause) {
        super(file, message, cause);
    }
}
