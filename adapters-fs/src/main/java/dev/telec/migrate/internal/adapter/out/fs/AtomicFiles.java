package dev.telec.migrate.internal.adapter.out.fs;

import dev.telec.migrate.internal.adapter.out.fs.Ownership;
import dev.telec.migrate.spi.DurabilityBarrier;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Crash-safe whole-file replacement on any {@link java.nio.file.FileSystem}: the content goes to a temporary
 * file in the target's directory ({@code .<name>.<random>.tmp}), is forced to storage, and is renamed over
 * the target atomically; then the directory is synced where that is possible. A reader, or a crash at any
 * point, sees the old content or the new, never a mix. The result keeps the owner and group of the file it
 * replaces, or takes its directory's ({@link Ownership}).
 */
public final class AtomicFiles {

    /** The permissions of the temporary file, and so of the result, on POSIX file systems: 0600. */
    public static final Set<PosixFilePermission> OWNER_ONLY = Set.copyOf(PosixFilePermissions.fromString("rw-------"));

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
        Ownership.Owners owners = Ownership.forEntry(target);
        boolean created = false;
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    attributes(dir, permissions))) {
                created = true;
                Ownership.apply(tmp, owners);
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } catch (FileSystemException e) {
            throw naming(target, tmp, e);
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
     * {@code e} about {@code target}, the file the user knows, when it is about our temporary file: a
     * directory the user cannot write to is reported as "cannot write config.json", not as a name they never saw.
     */
    private static FileSystemException naming(Path target, Path tmp, FileSystemException e) {
        String file = e.getFile();
        if (file == null || !file.equals(tmp.toString())) return e;
        String reason = "cannot replace it: its directory " + (tmp.getParent() == null ? "" : tmp.getParent() + " ") + "is not writable";
        FileSystemException named;
        // a reason given (telec refusing a write into .telec/, say) is the cause; without one, the directory is
        if (e instanceof AccessDeniedException) named = new AccessDeniedException(target.toString(), null, e.getReason() == null ? reason : e.getReason());
        else if (e instanceof NoSuchFileException) named = new NoSuchFileException(target.toString(), null, "its directory does not exist");
        else named = new FileSystemException(target.toString(), null, e.getReason() == null ? reason : e.getReason());
        named.initCause(e);
        return named;
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
        DurabilityBarrier.IMMEDIATE.syncBeforeRecord(dir);
    }

    /**
     * Makes everything written on the file system {@code path} is on durable ({@code syncfs}, through
     * {@code sync -f}): what a script step's process wrote, which telec cannot sync file by file.
     *
     * @throws IOException when {@code sync} cannot be run or fails
     */
    public static void syncFileSystem(Path path) throws IOException {
        Process sync = new ProcessBuilder("sync", "-f", path.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true).start();
        try {
            if (!sync.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)) {
                sync.destroyForcibly();
                throw new IOException("sync -f " + path + " did not finish within 10 minutes");
            }
            if (sync.exitValue() != 0) throw new IOException("sync -f " + path + " failed (exit " + sync.exitValue() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while syncing " + path);
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
                Ownership.inherit(m);
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
