package dev.telec.migrate.application;

import java.nio.file.Path;

/**
 * The exceptions telec throws, and their kinds (the nested classes), which the command line maps to exit
 * codes. Library callers catch the public {@link dev.telec.migrate.api.TelecException}, which every one of
 * these is; this class keeps its name and package so that code written against it still compiles and still
 * catches everything.
 */
public class TelecException extends dev.telec.migrate.api.TelecException {

    public TelecException(String message) {
        this(null, message, null);
    }

    public TelecException(Path file, String message, Throwable cause) {
        super(file, message, cause);
    }

    /** A manifest entry or tree that is malformed, or names a class that cannot be used. */
    public static class ManifestException extends TelecException {
        public ManifestException(Path file, String message) {
            super(file, message, null);
        }

        public ManifestException(Path file, String message, Throwable cause) {
            super(file, message, cause);
        }
    }

    /** A state file that cannot be read, parsed or written. */
    public static class StateException extends TelecException {
        public StateException(Path file, String message, Throwable cause) {
            super(file, message, cause);
        }
    }

    /** A range that cannot be run: from after to. */
    public static class RangeException extends TelecException {
        public RangeException(String message) {
            super(message);
        }

        public RangeException(Path file, String message) {
            super(file, message, null);
        }
    }

    /**
     * A request that cannot mean anything given the manifest, such as a version above its newest step
     * (exit code 2 on the command line, like a malformed option). Nothing was written.
     */
    public static class UsageException extends TelecException {
        public UsageException(String message) {
            super(message);
        }
    }

    /**
     * The home is held by another run (exit code 3 on the command line). The message says which process
     * holds it and since when, when the holder wrote that down.
     */
    public static class LockedException extends TelecException {
        public LockedException(Path lockFile, String message) {
            super(null, message, null);
            this.lockFile = lockFile;
        }

        private final transient Path lockFile;

        /** The lock file another run holds. */
        public Path lockFile() {
            return lockFile;
        }
    }

    /** The home's state names another app than the manifest's steps are for: nothing is run or written. */
    public static class ForeignHomeException extends TelecException {
        public ForeignHomeException(Path home, Object homeApp, Object stepsApp) {
            super(null, home + " belongs to app '" + homeApp + "', these steps are for '" + stepsApp + "'", null);
        }
    }

    /** A home that cannot be used as it is: missing (and not to be created). */
    public static class HomeException extends TelecException {
        public HomeException(Path home, String message) {
            super(home, message, null);
        }
    }

    /**
     * The home records a version newer than any step this telec knows: an older telec on a newer home.
     * Refused unless the command allows downgrades.
     */
    public static class DowngradeException extends RangeException {
        public DowngradeException(Path home, String message) {
            super(home, message);
        }
    }
}
