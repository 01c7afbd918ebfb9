package dev.telec.migrate.api;

import java.nio.file.Path;

/**
 * Thrown when the home is held by another run and the lock could not be taken in the time allowed (exit
 * code 3 on the command line). The message says which process holds it and since when, when the holder
 * wrote that down. Nothing was run or written.
 */
public class LockedException extends TelecException {

    private final transient Path lockFile;

    public LockedException(Path lockFile, String message) {
        super(null, message, null);
        this.lockFile = lockFile;
    }

    /** The lock file another run holds. */
    public Path lockFile() {
        return lockFile;
    }
}
