package dev.telec.migrate.api;

import java.nio.file.Path;

/**
 * Thrown when the home records a version newer than any step this telec knows (an older telec on a newer
 * home, or a range that ends below the home's version) and the command does not allow a downgrade. Nothing
 * was run or written; allowing the downgrade leaves the home as it is instead.
 */
public class DowngradeException extends RangeException {

    public DowngradeException(Path home, String message) {
        super(home, message);
    }
}
