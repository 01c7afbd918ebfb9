package dev.telec.migrate.internal.adapter.out.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Keeps operations inside the home at run time: the names are already free of {@code ..} (checked when the
 * manifest is read), so the only way out is a symbolic link. A path is refused when its deepest existing
 * ancestor (itself, if it exists) resolves, links followed, to somewhere outside the home's real path.
 */
final class Confinement {

    private Confinement() {}

    static Path resolve(Path home, List<String> names) throws IOException {
        Path path = home;
        for (String name : names) path = path.resolve(name);
        check(home, path);
        return path;
    }

    static void check(Path home, Path path) throws IOException {
        if (!withoutLinks(home, path)) checkByRealPaths(home, path);
    }

    /**
     * Whether no existing name of {@code path} below {@code home} is a symbolic link: then {@code path} is
     * inside the home, wherever the home itself leads. One {@code lstat} per existing name, instead of two
     * {@code realpath}s (a {@code readlink} for every name from the root): most paths of most steps are
     * plain. False when it cannot tell; {@link #checkByRealPaths} decides then.
     */
    private static boolean withoutLinks(Path home, Path path) {
        if (!path.startsWith(home)) return false;
        // links followed: on JDK 20+ one stat without an exception (Files.isDirectory reads attributes "if exists")
        if (!Files.isDirectory(home)) return false;
        Path current = home;
        for (Path name : home.relativize(path)) {
            String text = name.toString();
            if (text.isEmpty() || text.equals(".") || text.equals("..")) return false;
            current = current.resolve(text);
            try {
                if (Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isSymbolicLink()) return false;
            } catch (NoSuchFileException e) {
                return true; // nothing below exists: there is no link left to follow
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** The deepest existing ancestor of {@code path} (itself, if it exists), links followed, is inside the home's real path. */
    static void checkByRealPaths(Path home, Path path) throws IOException {
        Path realHome = home.toRealPath();
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
        if (existing == null) return;
        Path real;
        if (Files.isSymbolicLink(existing) && !Files.exists(existing)) {
            throw new OperationFailure(path + " passes through a dangling symbolic link; refusing to follow it");
        }
        real = existing.toRealPath();
        if (!real.startsWith(realHome)) {
            throw new OperationFailure(path + " leads outside the home (to " + real + ") through a symbolic link; refused");
        }
    }
}
