package dev.telec.migrate.kit;

import dev.telec.migrate.internal.adapter.out.fs.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Crash-safe file replacement for Java steps: a reader sees the old content or the new, never a mix. */
public final class HomeFiles {

    /** The permissions of a file that did not exist before, on POSIX file systems. */
    public static final Set<PosixFilePermission> NEW_FILE = Set.copyOf(PosixFilePermissions.fromString("rw-r--r--"));

    private HomeFiles() {
    }

    /**
     * Replaces {@code file}'s content durably: a temporary sibling is written, forced to disk and renamed over
     * it, and the directory is synced. The file keeps its POSIX permissions ({@link #NEW_FILE} when new). The
     * parent directory must exist.
     */
    public static void replace(Path file, byte[] content) throws IOException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        Set<PosixFilePermission> permissions = posix && Files.exists(file) ? Files.getPosixFilePermissions(file) : NEW_FILE;
        AtomicFiles.write(file, content, permissions);
    }
}
