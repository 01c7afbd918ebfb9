package dev.telec.migrate.internal.adapter.out.operations;

import dev.telec.migrate.internal.adapter.out.fs.FileTrees;
import dev.telec.migrate.internal.adapter.out.fs.Ownership;
import dev.telec.migrate.spi.DurabilityBarrier;
import dev.telec.migrate.internal.adapter.out.fs.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The file operations: mkdir, move, copy, delete, write. Their effects are durable before the step's journal
 * record is: copied and written files are forced when the operation returns, and the directories whose
 * entries it changed (created, renamed or deleted in) are synced before the state store writes the next
 * record (the run's {@link DurabilityBarrier}), once per directory and group of records.
 */
final class FileOperations {

    private FileOperations() {}

    private static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** {@code mkdir {path}}: satisfied when the directory exists; a file in its place is a conflict. */
    record Mkdir(HomePattern path) implements Operation.PassingOver {
        @Override
        public boolean satisfied(Path home) throws IOException {
            for (HomePattern.Match m : path.matches(home)) {
                if (!Files.isDirectory(m.path())) return false;
            }
            return true;
        }

        @Override
        public void apply(Path home, DurabilityBarrier durability) throws IOException {
            for (HomePattern.Match m : path.matches(home)) {
                Path dir = m.path();
                if (Files.isDirectory(dir)) continue;
                // links followed (one stat, no exception when absent on JDK 20+): matches() has just confined
                // dir, so a link there leads to something inside the home, and a dangling one was refused
                if (Files.exists(dir)) throw new OperationFailure(dir + " exists and is not a directory");
                createParentsOfConfined(dir, durability);
                Files.createDirectory(dir);
                Ownership.inherit(dir);
                sync(durability, dir.getParent());
            }
        }
    }

    private static OperationFailure bothExist(Path source, Path target) {
        return new OperationFailure("both " + source + " and " + target + " exist; merge them by hand and remove " + source);
    }

    /**
     * {@code move {from, to}}: satisfied when {@code from} is absent (moved, or nothing to move); {@code to}
     * existing too is a conflict.
     */
    record Move(HomePattern from, HomePattern to) implements Operation.PassingOver {
        @Override
        public List<HomePattern> sources() {
            return List.of(from);
        }

        @Override
        public boolean satisfied(Path home) throws IOException {
            return noneExists(from, home);
        }

        @Override
        public void apply(Path home, DurabilityBarrier durability) throws IOException {
            // every conflict is found before anything moves, so that a glob is not left half-moved
            for (HomePattern.Match m : from.matches(home)) {
                Path target = to.resolve(home, m.captures());
                if (exists(m.path()) && exists(target)) throw bothExist(m.path(), target);
            }
            for (HomePattern.Match m : from.matches(home)) {
                Path source = m.path();
                if (!exists(source)) continue;
                Path target = to.resolve(home, m.captures());
                if (exists(target)) throw bothExist(source, target); // two sources moved to one target
                if (target.startsWith(source)) throw new OperationFailure("cannot move " + source + " into itself (" + target + ")");
                createParentsOfConfined(target, durability); // resolve() has just confined it
                try {
                    Files.move(source, target);
                    sync(durability, source.getParent());
                    if (!target.getParent().equals(source.getParent())) sync(durability, target.getParent());
                } catch (DirectoryNotEmptyException e) {
                    // another file store: copy completely beside the target, rename into place, then delete
                    copyTreeWhole(source, target, durability);
                    FileTrees.delete(source);
                    sync(durability, source.getParent());
                }
            }
        }
    }

    /** {@code copy {from, to}}: satisfied when {@code to} exists for every existing {@code from}. */
    record Copy(HomePattern from, HomePattern to) implements Operation.PassingOver {
        @Override
        public List<HomePattern> sources() {
            return List.of(from);
        }

        @Override
        public boolean satisfied(Path home) throws IOException {
            for (HomePattern.Match m : from.matches(home)) {
                if (exists(m.path()) && !exists(to.resolve(home, m.captures()))) return false;
            }
            return true;
        }

        @Override
        public void apply(Path home, DurabilityBarrier durability) throws IOException {
            for (HomePattern.Match m : from.matches(home)) {
                Path source = m.path();
                Path target = to.resolve(home, m.captures());
                if (!exists(source) || exists(target)) continue;
                if (target.startsWith(source)) throw new OperationFailure("cannot copy " + source + " into itself (" + target + ")");
                createParentsOfConfined(target, durability); // resolve() has just confined it
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    copyTreeWhole(source, target, durability);
                } else {
                    AtomicFiles.write(target, Files.readAllBytes(source), permissionsOf(source));
                }
            }
        }
    }

    /** {@code delete {path}}: satisfied when the path is absent; a directory is deleted with its contents. */
    record Delete(HomePattern path) implements Operation.PassingOver {
        @Override
        public List<HomePattern> sources() {
            return List.of(path);
        }

        @Override
        public boolean satisfied(Path home) throws IOException {
            return noneExists(path, home);
        }

        @Override
        public void apply(Path home, DurabilityBarrier durability) throws IOException {
            for (HomePattern.Match m : path.matches(home)) {
                if (exists(m.path())) {
                    FileTrees.delete(m.path());
                    sync(durability, m.path().getParent());
                }
            }
        }
    }

    /** {@code write {path, content}}: satisfied when the file holds exactly {@code content} (UTF-8). */
    record Write(HomePattern path, String content) implements Operation.PassingOver {
        @Override
        public boolean satisfied(Path home) throws IOException {
            byte[] want = content.getBytes(StandardCharsets.UTF_8);
            for (HomePattern.Match m : path.matches(home)) {
                Path file = m.path();
                if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), want)) return false;
            }
            return true;
        }

        @Override
        public void apply(Path home, DurabilityBarrier durability) throws IOException {
            byte[] want = content.getBytes(StandardCharsets.UTF_8);
            for (HomePattern.Match m : path.matches(home)) {
                Path file = m.path();
                if (Files.isDirectory(file)) throw new OperationFailure(file + " is a directory; cannot write it as a file");
                if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), want)) continue;
                createParents(home, file, durability);
                AtomicFiles.write(file, want, exists(file) ? permissionsOf(file) : DEFAULT_FILE);
            }
        }
    }

    /** Permissions of a new file on POSIX systems: rw-r--r--, like a file made by an editor. */
    static final java.util.Set<java.nio.file.attribute.PosixFilePermission> DEFAULT_FILE =
            java.util.Set.copyOf(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

    static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissionsOf(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) return null;
        return Files.getPosixFilePermissions(file);
    }

    /** Whether nothing {@code pattern} names exists: what {@code move}, {@code delete} and {@code convert} leave behind. */
    static boolean noneExists(HomePattern pattern, Path home) throws IOException {
        for (HomePattern.Match m : pattern.matches(home)) {
            if (exists(m.path())) return false;
        }
        return true;
    }

    /** Creates the missing parents of {@code target}, refusing when one of them would leave the home. */
    static void createParents(Path home, Path target, DurabilityBarrier durability) throws IOException {
        Confinement.check(home, target);
        createParentsOfConfined(target, durability);
    }

    /**
     * {@link #createParents} for a {@code target} that {@link HomePattern} resolved (and so {@link Confinement}
     * checked) just before, with nothing changed in the home since: the check is not made twice.
     */
    static void createParentsOfConfined(Path target, DurabilityBarrier durability) throws IOException {
        Path parent = target.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            if (exists(parent)) throw new OperationFailure(parent + " exists and is not a directory");
            Path existing = parent;
            while (existing.getParent() != null && !Files.isDirectory(existing.getParent())) existing = existing.getParent();
            Files.createDirectories(parent);
            // each created directory's entry is in its parent: sync from the one that existed down
            java.util.ArrayDeque<Path> created = new java.util.ArrayDeque<>();
            for (Path d = parent; d != null && !d.equals(existing.getParent()); d = d.getParent()) {
                if (d.getParent() != null) sync(durability, d.getParent());
                created.push(d);
            }
            for (Path d : created) Ownership.inherit(d); // outermost first: each takes its parent's owners

        }
    }

    /** Makes changed entries of {@code dir} durable before the step's record is. */
    static void sync(DurabilityBarrier durability, Path dir) throws IOException {
        if (dir != null) durability.syncBeforeRecord(dir);
    }

    /**
     * Copies the tree at {@code source} to {@code target} whole or not at all: into a hidden sibling first, renamed
     * into place once complete; a failure removes the sibling.
     */
    private static void copyTreeWhole(Path source, Path target, DurabilityBarrier durability) throws IOException {
        Path partial = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
        try {
            copyTree(source, partial, durability);
            Files.move(partial, target);
            sync(durability, target.getParent());
        } catch (IOException | RuntimeException failure) {
            if (exists(partial)) FileTrees.delete(partial);
            throw failure;
        }
    }

    static void copyTree(Path source, Path target, DurabilityBarrier durability) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path copy = resolveIn(target, source.relativize(dir));
                Files.createDirectory(copy);
                Ownership.inherit(copy);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path copy = resolveIn(target, source.relativize(file));
                Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                Ownership.inherit(copy);
                if (attrs.isRegularFile()) force(copy);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) throw failure;
                sync(durability, resolveIn(target, source.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Forces a copied file's content to storage, where the file system can. */
    private static void force(Path file) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (UnsupportedOperationException e) {
            // not supported here
        }
    }

    private static Path resolveIn(Path base, Path relative) {
        Path out = base;
        for (Path name : relative) {
            if (!name.toString().isEmpty()) out = out.resolve(name.toString());
        }
        return out;
    }
}
