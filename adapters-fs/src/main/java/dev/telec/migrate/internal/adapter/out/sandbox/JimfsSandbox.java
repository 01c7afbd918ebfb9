package dev.telec.migrate.internal.adapter.out.sandbox;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.internal.adapter.out.fs.Causes;
import dev.telec.migrate.internal.application.port.out.Sandbox;
import dev.telec.migrate.domain.Change;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox in memory: the home is copied into a fresh Jimfs file system (Unix-like, at the same absolute
 * path, so that messages name the same files), through a {@link RecordingFileSystem} that notes what each
 * window touches. Copying reads the real home and never writes to it; it stops as soon as the files copied
 * exceed the limit. telec's own {@code .telec/} directory is not copied. Copied: directories, regular files with their last-modified times and POSIX permissions,
 * and symbolic links as links (their targets are not followed); other special files are left out.
 */
public final class JimfsSandbox implements Sandbox {

    /** telec's own directory in a home (its backups): not copied. */
    private static final String TELEC = ".telec";

    @Override
    public Copy copy(Path home, long limitBytes, Diffs diffs) throws Unavailable {
        FileSystem jimfs = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setAttributeViews("basic", "owner", "posix", "unix")
                .setWorkingDirectory(mirror(home.getFileSystem().getPath("").toAbsolutePath()))
                .build());
        boolean done = false;
        try {
            RecordingFileSystem fs = new RecordingFileSystem(jimfs);
            Path given = home.toAbsolutePath().normalize();
            Path target = jimfs.getPath(mirror(given));
            // The tree goes where the home really is, and the symbolic links on the way to it are made again,
            // so that the copy resolves links (and confines operations) exactly as the real home does.
            Path real = Files.exists(home) ? home.toRealPath() : given;
            Path realTarget = jimfs.getPath(mirror(real));
            Files.createDirectories(realTarget.getParent() == null ? realTarget : realTarget.getParent());
            copyTree(real, realTarget, limitBytes);
            if (!real.equals(given)) linksOnTheWay(given, jimfs);
            Path shown = home.isAbsolute() ? target : jimfs.getPath(home.toString().replace(home.getFileSystem().getSeparator(), "/"));
            Copy copy = new JimfsCopy(fs, fs.wrap(shown), new Changes(target, diffs));
            done = true;
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the in-memory copy: " + e.getMessage(), e);
        } finally {
            if (!done) closeQuietly(jimfs);
        }
    }

    /** Makes again, in the copy, each symbolic link that {@code absolute} passes through, with its target as written. */
    private static void linksOnTheWay(Path absolute, FileSystem jimfs) throws IOException {
        Path p = absolute.getRoot();
        for (Path name : absolute) {
            p = p.resolve(name);
            if (!Files.isSymbolicLink(p)) continue;
            Path link = jimfs.getPath(mirror(p));
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) continue;
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, jimfs.getPath(Files.readSymbolicLink(p).toString()));
        }
    }

    /** {@code /a/b} for an absolute path with names a, b, whatever the platform's root looks like. */
    static String mirror(Path absolute) {
        StringBuilder b = new StringBuilder();
        for (Path name : absolute) {
            b.append('/').append(name);
        }
        return b.length() == 0 ? "/" : b.toString();
    }

    static void copyTree(Path source, Path target, long limit) throws Unavailable, IOException {
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            return; // simulated from no home at all, as a real run would start
        }
        long[] total = {0};
        Unavailable[] refused = {null};
        try {
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (dir.getParent() != null && dir.getParent().equals(source) && dir.getFileName().toString().equals(TELEC)) {
                        return FileVisitResult.SKIP_SUBTREE; // telec's backups: never a step's to see
                    }
                    Path to = resolve(target, source.relativize(dir));
                    if (!Files.isDirectory(to)) Files.createDirectory(to);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Path to = resolve(target, source.relativize(file));
                    if (attrs.isSymbolicLink()) {
                        Files.createSymbolicLink(to, to.getFileSystem().getPath(Files.readSymbolicLink(file).toString()));
                    } else if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                        if (total[0] > limit) {
                            refused[0] = tooLarge(limit);
                            return FileVisitResult.TERMINATE;
                        }
                        copyFile(file, to, limit - (total[0] - attrs.size()));
                        Files.setLastModifiedTime(to, attrs.lastModifiedTime());
                        permissions(file, to);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) throw e;
                    Path to = resolve(target, source.relativize(dir));
                    Files.setLastModifiedTime(to, Files.getLastModifiedTime(dir));
                    permissions(dir, to);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (TooLargeWhileCopying e) {
            throw tooLarge(limit);
        } catch (AccessDeniedException e) {
            throw new Unavailable("cannot read " + e.getFile() + ": permission denied");
        } catch (NoSuchFileException e) {
            throw new Unavailable(e.getFile() + " disappeared while it was copied");
        } catch (FileSystemException e) {
            throw new Unavailable("cannot read " + e.getFile() + ": " + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()));
        }
        if (refused[0] != null) throw refused[0];
    }

    private static Unavailable tooLarge(long limit) {
        return new Unavailable("the home is larger than the simulation limit ("
                + Causes.describeSize(limit) + "; see --simulation-limit)");
    }

    /** A file that grew past the limit while it was being copied. */
    private static final class TooLargeWhileCopying extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static void copyFile(Path from, Path to, long room) throws IOException {
        try (InputStream in = Files.newInputStream(from); OutputStream out = Files.newOutputStream(to)) {
            byte[] buffer = new byte[64 * 1024];
            long copied = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                copied += n;
                if (copied > room) throw new TooLargeWhileCopying();
                out.write(buffer, 0, n);
            }
        }
    }

    private static void permissions(Path from, Path to) {
        try {
            PosixFileAttributes a = Files.readAttributes(from, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Files.getFileAttributeView(to, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setPermissions(a.permissions());
        } catch (IOException | UnsupportedOperationException e) {
            // a file system without POSIX permissions: the copy keeps Jimfs's defaults
        }
    }

    private static Path resolve(Path base, Path relative) {
        Path p = base;
        for (Path name : relative) {
            if (!name.toString().isEmpty()) p = p.resolve(name.toString());
        }
        return p;
    }

    private static void closeQuietly(FileSystem fs) {
        try {
            fs.close();
        } catch (IOException e) {
            // in memory: nothing to leak
        }
    }

    private static final class JimfsCopy implements Copy {
        private final RecordingFileSystem fs;
        private final Path home;
        private final Changes changes;

        JimfsCopy(RecordingFileSystem fs, Path home, Changes changes) {
            this.fs = fs;
            this.home = home;
            this.changes = changes;
        }

        @Override
        public Path home() {
            return home;
        }

        @Override
        public void begin() {
            fs.begin();
        }

        @Override
        public List<Change> changes() {
            return new ArrayList<>(changes.between(fs.touched()));
        }

        @Override
        public void close() {
            try {
                fs.close();
            } catch (IOException e) {
                // in memory: nothing to leak
            }
        }
    }
}
