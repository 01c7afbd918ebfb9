package dev.telec.migrate.internal.adapter.out.sandbox;

import dev.telec.migrate.internal.adapter.out.fs.diff.Entry;
import dev.telec.migrate.internal.application.port.out.Sandbox;
import dev.telec.migrate.domain.Change;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The sandbox on disk, for steps that are processes (they cannot see an in-memory file system): the home
 * is copied into a private directory (mode 0700) under the temp directory, with the same limit and the
 * same rules as {@link JimfsSandbox}, and removed when the copy is closed, or when telec is interrupted
 * first. Processes write to it behind telec's back, so what a window changed is found by looking: every
 * path's metadata (type, size, modification and change times, inode) is compared with what it was at the
 * window's start, and only the paths that differ are read and diffed against the content kept for them.
 */
public final class DiskSandbox implements Sandbox {

    private final Path temp;

    /** Copies under {@code java.io.tmpdir}. */
    public DiskSandbox() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    public DiskSandbox(Path temp) {
        this.temp = Objects.requireNonNull(temp, "temp");
    }

    @Override
    public Copy copy(Path home, long limitBytes, Diffs diffs) throws Unavailable {
        Path dir;
        try {
            dir = Files.createTempDirectory(temp, "telec-dry-run-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new Unavailable("cannot make a copy of the home on disk in " + temp + ": " + e.getMessage());
        }
        Thread cleanup = new Thread(() -> deleteTree(dir), "telec-dry-run-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        boolean done = false;
        try {
            Path name = home.toAbsolutePath().normalize().getFileName();
            Path target = dir.resolve(name == null ? "home" : name.toString());
            JimfsSandbox.copyTree(home, target, limitBytes);
            DiskCopy copy = new DiskCopy(dir, target, new Changes(target, diffs), cleanup);
            done = true;
            return copy;
        } catch (IOException e) {
            throw new Unavailable("cannot copy the home to " + dir + ": " + e.getMessage());
        } finally {
            if (!done) {
                deleteTree(dir);
                removeHook(cleanup);
            }
        }
    }

    /** What a path was at a moment, cheaply: enough to tell that it changed. */
    private record Stamp(boolean directory, boolean link, long size, Object modified, Object changed, Object inode) {
        static Stamp of(Path p) throws IOException {
            Map<String, Object> a = Files.readAttributes(p, "unix:isDirectory,isSymbolicLink,size,lastModifiedTime,ctime,ino",
                    LinkOption.NOFOLLOW_LINKS);
            return new Stamp((Boolean) a.get("isDirectory"), (Boolean) a.get("isSymbolicLink"), (Long) a.get("size"),
                    a.get("lastModifiedTime"), a.get("ctime"), a.get("ino"));
        }
    }

    private static final class DiskCopy implements Copy {
        private final Path dir;
        private final Path home;
        private final Changes changes;
        private final Thread cleanup;
        private Map<Path, Stamp> stamps = new HashMap<>();
        private final Map<Path, Entry> contents = new HashMap<>();
        private Map<Path, Entry> touched = new LinkedHashMap<>();

        DiskCopy(Path dir, Path home, Changes changes, Thread cleanup) throws IOException {
            this.dir = dir;
            this.home = home;
            this.changes = changes;
            this.cleanup = cleanup;
            look(); // every path's content, kept as the first window's "before"
        }

        @Override
        public boolean onDisk() {
            return true;
        }

        @Override
        public Path home() {
            return home;
        }

        @Override
        public void begin() {
            try {
                look(); // what telec wrote between steps (the state file) belongs to no step
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the simulation's copy in " + dir, e);
            }
            touched = new LinkedHashMap<>();
        }

        @Override
        public List<Change> changes() {
            try {
                touched.putAll(look());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the simulation's copy in " + dir, e);
            }
            return new ArrayList<>(changes.between(touched));
        }

        /**
         * Compares every path's stamp with the last look; for each one that differs (or came or went), notes
         * what it held before, and keeps what it holds now for the next window.
         */
        private Map<Path, Entry> look() throws IOException {
            Map<Path, Stamp> now = new HashMap<>();
            if (Files.exists(home, LinkOption.NOFOLLOW_LINKS)) {
                Files.walkFileTree(home, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                        now.put(d, Stamp.of(d));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                        now.put(f, Stamp.of(f));
                        return FileVisitResult.CONTINUE;
                    }
                });
            }
            Map<Path, Entry> before = new LinkedHashMap<>();
            Set<Path> all = new HashSet<>(stamps.keySet());
            all.addAll(now.keySet());
            for (Path p : all) {
                Stamp was = stamps.get(p);
                Stamp is = now.get(p);
                if (Objects.equals(was, is) && contents.containsKey(p)) continue;
                before.put(p, contents.getOrDefault(p, Entry.ABSENT));
                if (is == null) contents.remove(p);
                else contents.put(p, Entry.of(p));
            }
            stamps = now;
            return before;
        }

        @Override
        public void close() {
            deleteTree(dir);
            removeHook(cleanup);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook runs anyway
        }
    }

    /** Deletes {@code dir} and everything in it without following links; best effort. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    d.toFile().setWritable(true, true); // a step may have made a directory read-only
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // left in the temp directory; nothing else to do
        }
    }
}
