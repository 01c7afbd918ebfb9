package dev.telec.migrations.teleclaude;

import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * {@code 1.2.0/001_move_sessions}: 1.2.0 keeps sessions under {@code state/sessions/} instead of
 * {@code sessions/}.
 *
 * <ul>
 *   <li>{@link #check}: true when {@code sessions} is absent, whether or not {@code state/sessions} exists.</li>
 *   <li>{@link #migrate}: creates {@code state/} if needed and moves {@code sessions/} to
 *       {@code state/sessions/}. When both exist, or {@code sessions} is not a directory, it throws an
 *       {@link IllegalStateException} naming the paths and changes nothing. Within one file store the move is
 *       a rename; when the file system refuses to move a non-empty directory (different file stores) the tree
 *       is copied into a hidden sibling of the target, renamed into place, and only then is the source
 *       deleted, so the sessions exist complete in at least one place at every moment.</li>
 * </ul>
 */
public final class MoveSessions implements Migration {

    static final String SOURCE = "sessions";
    static final String STATE = "state";

    public MoveSessions() {}

    @Override
    public boolean check(MigrationContext context) {
        return !Files.exists(context.home().resolve(SOURCE), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public boolean migrate(MigrationContext context) throws IOException {
        Path home = context.home();
        Path source = home.resolve(SOURCE);
        Path target = home.resolve(STATE).resolve(SOURCE);
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) return true;
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException(source + " is not a directory; expected the sessions directory");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException("both " + source + " and " + target
                    + " exist; merge them by hand and remove " + source);
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(source, target);
        } catch (DirectoryNotEmptyException e) {
            copyTreeThenDelete(source, target);
        }
        return true;
    }

    /**
     * Moves the tree {@code source} to {@code target} (which must not exist) by copying: into a hidden
     * temporary sibling of {@code target} first, which is renamed to {@code target} once complete; then the
     * source tree is deleted. A failure while copying removes the partial copy and leaves the source as it
     * was. Symbolic links are copied as links, not followed.
     */
    static void copyTreeThenDelete(Path source, Path target) throws IOException {
        Path partial = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
        try {
            copyTree(source, partial);
            Files.move(partial, target);
        } catch (IOException | RuntimeException e) {
            try {
                if (Files.exists(partial, LinkOption.NOFOLLOW_LINKS)) deleteTree(partial);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        deleteTree(source);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectory(resolveIn(target, source.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, resolveIn(target, source.relativize(file)),
                        StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) throw failure;
                Files.setLastModifiedTime(resolveIn(target, source.relativize(dir)), Files.getLastModifiedTime(dir));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** {@code relative} (from any file system) resolved under {@code base}, name by name. */
    private static Path resolveIn(Path base, Path relative) {
        Path out = base;
        for (Path name : relative) {
            if (!name.toString().isEmpty()) out = out.resolve(name.toString());
        }
        return out;
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) throw failure;
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
