package dev.telec.migrate.adapter.out.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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
