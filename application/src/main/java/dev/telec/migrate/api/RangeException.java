package dev.telec.migrate.api;

import java.nio.file.Path;

/**
 * Thrown when a range of versions cannot be run: its start is after its end, or after the newest step
 * version. Nothing was run or written.
 */
public class RangeException extends TelecException {

    public RangeException(String message) {
        super(message);
    }

    public RangeException(Path file, String message) {
        super(file, message, null);
    }
}
