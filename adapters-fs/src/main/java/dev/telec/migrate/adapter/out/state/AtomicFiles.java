package dev.telec.migrate.adapter.out.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Crash-safe whole-file replacement on any {@link java.nio.file.FileSystem}: the content goes to a temporary
 * file in the target's directory ({@code .<name>.<random>.tmp}), is forced to storage, and is renamed over
 * the target atomically; then the directory is synced where that is possible. A reader, or a crash at any
 * point, sees the old content or the new, never a mix.
 */
public final class AtomicFiles {

    /** The permissions of the temporary file, and so of the result, on POSIX file systems: 0600. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final String TMP_SUFFIX = ".tmp";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /**
     * Replaces (or creates) {@code target} with {@code content}, owner-only (0600) on POSIX file systems.
     * The parent directory must exist.
     *
     * @throws IOException when a step fails; the temporary file is then removed and {@code target} is as it
     *     was, except when syncing the directory after the rename fails: {@code target} then holds the new
     *     content, but not durably
     */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, OWNER_ONLY);
    }

    /**
     * Like {@link #write(Path, byte[])} with the given POSIX permissions for the result (ignored where the
     * file system has no POSIX view), e.g. to keep a document's permissions.
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        Objects.requireNonNull(content, "content");
        Path dir = parentOf(target);
        Path tmp = dir.resolve(tempName(target));
        boolean created = false;
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    attributes(dir, permissions))) {
                created = true;
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (created && !moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException | RuntimeException e) {
                    // best effort: a leftover is removed by deleteLeftovers() before a later write
                }
            }
        }
        syncDirectory(dir);
    }

    /**
     * Deletes temporary files that an interrupted {@link #write} into {@code target} left behind. Best effort:
     * a file that cannot be deleted is skipped.
     *
     * @return how many were deleted
     * @throws IOException when the directory cannot be listed
     */
    public static int deleteLeftovers(Path target) throws IOException {
        Path dir = parentOf(target);
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (isTempFileOf(target, p)) {
                    leftovers.add(p);
                }
            }
        }
        int deleted = 0;
        for (Path p : leftovers) {
            try {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(p)) {
                    deleted++;
                }
            } catch (IOException e) {
                // skipped; tried again by a later instance
            }
        }
        return deleted;
    }

    /** True when {@code file} is a name {@link #write} uses for temporary files of {@code target}. */
    public static boolean isTempFileOf(Path target, Path file) {
        String name = file.getFileName().toString();
        String prefix = "." + target.getFileName() + ".";
        return name.startsWith(prefix) && name.endsWith(TMP_SUFFIX) && name.length() > prefix.length() + TMP_SUFFIX.length();
    }

    /**
     * Makes the entries created, renamed or deleted in {@code dir} so far durable. Where a directory cannot be
     * opened (Windows, Jimfs) or synced at all this does nothing. A sync that is attempted and fails throws:
     * what it was to make durable may be lost to a crash, so callers must not report it done.
     *
     * @throws IOException when the directory was opened but syncing it failed
     */
    public static void syncDirectory(Path dir) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            return; // directories cannot be opened here
        }
        try (ch) {
            ch.force(true);
        } catch (UnsupportedOperationException e) {
            // not supported here
        }
    }

    /**
     * Directory syncs deferred by {@link #syncDirectoryBeforeRecord}, per file system, as path strings: weak keys
     * and no {@code Path} values (a path holds its file system), so a closed file system's entry goes away.
     */
    private static final Map<FileSystem, Set<String>> DEFERRED = new WeakHashMap<>();

    /** A file system's deferred directories are synced at once when there are this many, so the set stays small. */
    static final int MAX_DEFERRED = 4096;

    /**
     * Like {@link #syncDirectory}, but the sync waits for the next {@link #syncDeferred(FileSystem)} on
     * {@code dir}'s file system, which the state store calls before it writes any journal record or snapshot
     * there: a step's record is never durable before the directory changes the step made, and a directory many
     * steps change (5,000 {@code mkdir}s in one parent) is synced once per group of records instead of once per
     * step. A crash before that loses the changes and their records together; the next run asks the steps'
     * {@code check()} again.
     *
     * @throws IOException when the deferred syncs had to be done at once (too many) and one failed
     */
    public static void syncDirectoryBeforeRecord(Path dir) throws IOException {
        FileSystem fs = dir.getFileSystem();
        boolean full;
        synchronized (DEFERRED) {
            Set<String> dirs = DEFERRED.computeIfAbsent(fs, k -> new LinkedHashSet<>());
            dirs.add(dir.toAbsolutePath().toString());
            full = dirs.size() >= MAX_DEFERRED;
        }
        if (full) syncDeferred(fs);
    }

    /**
     * Hands the directory syncs deferred on {@code from} (a file system that decorates {@code to}, whose
     * paths name the same files) to {@code to}, so that they are done by its next {@link #syncDeferred}.
     */
    public static void deferTo(FileSystem from, FileSystem to) {
        synchronized (DEFERRED) {
            Set<String> dirs = DEFERRED.remove(from);
            if (dirs != null && !dirs.isEmpty()) DEFERRED.computeIfAbsent(to, k -> new LinkedHashSet<>()).addAll(dirs);
        }
    }

    /**
     * Syncs every directory of {@code fs} whose sync {@link #syncDirectoryBeforeRecord} deferred.
     *
     * @throws IOException when one fails; it and the ones not yet synced stay deferred
     */
    public static void syncDeferred(FileSystem fs) throws IOException {
        List<String> dirs;
        synchronized (DEFERRED) {
            Set<String> deferred = DEFERRED.get(fs);
            if (deferred == null || deferred.isEmpty()) return;
            dirs = new ArrayList<>(deferred);
        }
        for (String dir : dirs) {
            syncDirectory(fs.getPath(dir));
            synchronized (DEFERRED) {
                DEFERRED.get(fs).remove(dir);
            }
        }
    }

    /**
     * Like {@link Files#createDirectories}, but durable: the parent of each directory it creates is synced
     * (see {@link #syncDirectory}), so that a crash cannot lose a directory, and what is later made durable
     * in it, once this has returned.
     *
     * @throws java.nio.file.FileAlreadyExistsException when {@code dir}, or a directory on its way, exists
     *     but is not a directory
     */
    public static void createDirectories(Path dir) throws IOException {
        java.util.ArrayDeque<Path> missing = new java.util.ArrayDeque<>();
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            missing.push(p);
            p = p.getParent();
        }
        if (p != null && !Files.isDirectory(p)) {
            throw new java.nio.file.FileAlreadyExistsException(p.toString(), null, "not a directory");
        }
        for (Path m : missing) {
            try {
                Files.createDirectory(m);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (!Files.isDirectory(m)) throw e;
            }
            syncDirectory(m.getParent());
        }
    }

    private static Path parentOf(Path target) {
        Path abs = target.getParent() != null ? target : target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || abs.getFileName() == null) {
            throw new IllegalArgumentException("not a file path: " + target);
        }
        return dir;
    }

    private static String tempName(Path target) {
        return "." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + TMP_SUFFIX;
    }

    private static FileAttribute<?>[] attributes(Path dir, Set<PosixFilePermission> permissions) {
        if (permissions != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
        }
        return new FileAttribute<?>[0];
    }
}
