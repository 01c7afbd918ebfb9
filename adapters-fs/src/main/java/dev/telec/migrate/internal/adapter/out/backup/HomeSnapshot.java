package dev.telec.migrate.internal.adapter.out.backup;

import dev.telec.migrate.internal.adapter.out.lock.FileHomeLocks;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The home as a script step finds it, for the snapshot taken before the step (a script's writes are not seen
 * one by one): every path but telec's own — {@code .telec/}, the lock file, the state files and their
 * temporary files, which have their own backups. Links are not followed.
 */
final class HomeSnapshot {

    private HomeSnapshot() {
    }

    /** Whether the top-level name {@code first} is telec's own, never in a snapshot nor removed by one. */
    static boolean own(String first) {
        return first.equals(FileBackups.DIRECTORY) || first.equals(FileHomeLocks.FILE_NAME)
                || first.startsWith("migration_state.") || first.startsWith(".migration_state.");
    }

    /** Every path of the home but telec's own, relative and {@code /}-separated, parents before children; the home itself first. */
    static List<String> paths(Path home) throws IOException {
        List<String> paths = new ArrayList<>();
        walk(home, (relative, attrs) -> paths.add(relative));
        return paths;
    }

    /** The bytes the files of the home hold, telec's own not counted: what a snapshot of it copies. */
    static long size(Path home) throws IOException {
        long[] total = {0};
        walk(home, (relative, attrs) -> {
            if (attrs.isRegularFile()) total[0] += attrs.size();
        });
        return total[0];
    }

    /**
     * A pre-image of "nothing" for every path of the home now that none of {@code images} names: what a step
     * that was snapshotted created, to be removed when it is undone.
     */
    static List<HomeRestorer.Saved> created(Path home, Collection<HomeRestorer.Saved> images, Path log) throws IOException {
        Set<String> known = new HashSet<>();
        for (HomeRestorer.Saved s : images) known.add(s.image().path());
        List<HomeRestorer.Saved> created = new ArrayList<>();
        for (String p : paths(home)) {
            if (!known.contains(p)) created.add(new HomeRestorer.Saved(PreImage.absent(p), log));
        }
        return created;
    }

    private interface Visit {
        void path(String relative, BasicFileAttributes attrs);
    }

    private static void walk(Path home, Visit visit) throws IOException {
        if (!Files.isDirectory(home)) return;
        Files.walkFileTree(home, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String relative = relative(home, dir);
                if (!relative.isEmpty() && relative.indexOf('/') < 0 && own(relative)) return FileVisitResult.SKIP_SUBTREE;
                visit.path(relative, attrs);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String relative = relative(home, file);
                if (relative.indexOf('/') >= 0 || !own(relative)) visit.path(relative, attrs);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static String relative(Path home, Path p) {
        StringBuilder b = new StringBuilder();
        for (Path name : home.relativize(p)) {
            if (name.toString().isEmpty()) continue;
            if (b.length() > 0) b.append('/');
            b.append(name);
        }
        return b.toString();
    }
}
