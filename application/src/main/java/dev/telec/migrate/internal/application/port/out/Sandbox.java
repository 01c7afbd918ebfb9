package dev.telec.migrate.internal.application.port.out;

import dev.telec.migrate.domain.Change;
import java.nio.file.Path;
import java.util.List;

/**
 * An isolated, throw-away copy of a home that steps can run in for real, and that tells what changed in it
 * between two points. The real home is only read.
 */
public interface Sandbox {

    /** How changes are described. */
    record Diffs(boolean enabled, boolean showSecrets, List<String> secretWords) {
        public Diffs {
            secretWords = List.copyOf(secretWords);
        }
    }

    /**
     * Copies {@code home} (which need not exist: the copy then has no home either).
     *
     * @throws Unavailable when the home is larger than {@code limitBytes} (found out while copying: the copy
     *     stops there) or cannot be read; the message says why
     */
    Copy copy(Path home, long limitBytes, Diffs diffs) throws Unavailable;

    /** A copy of a home. Closing it discards it. */
    interface Copy extends AutoCloseable {

        /** The home in the copy: a path of its own file system, to run steps on. */
        Path home();

        /** Whether the copy is on disk (a temporary directory) rather than in memory. */
        default boolean onDisk() {
            return false;
        }

        /** Starts a new window of changes: what happened before is forgotten. */
        void begin();

        /**
         * What changed in the copy since {@link #begin()}, in path order: created, deleted, modified and moved
         * files and directories, paths relative to the home.
         */
        List<Change> changes();

        @Override
        void close();
    }

    /** The home cannot be copied; the dry-run falls back to the check-only plan. */
    final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unavailable(String reason) {
            super(reason, null, false, false);
        }
    }
}
