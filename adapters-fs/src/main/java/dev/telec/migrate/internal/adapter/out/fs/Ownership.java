package dev.telec.migrate.internal.adapter.out.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;

/**
 * Who owns what telec writes in a home (docs/homes.md): a file it replaces keeps the owner and group of the
 * file it replaces, and a new file or directory takes those of the directory it is created in. Run as root on
 * a home that belongs to the app's user, nothing telec writes becomes root's, so the app can still write its
 * own files and the next run as that user can read the state.
 *
 * <p>The one place that decides this: every writer of home files ({@code AtomicFiles}, the declarative file
 * operations, the state journal, the lock) calls it. Only root may give a file away; for any other user the
 * owner telec wants is normally its own already, and a change the system refuses leaves the entry as the system
 * made it (as before). File systems without POSIX owners (Jimfs without the view, Windows) are left alone.
 */
public final class Ownership {

    /** The owner and group an entry should have. */
    public record Owners(UserPrincipal owner, GroupPrincipal group) {
    }

    private Ownership() {
    }

    /**
     * The owners a file written at {@code target} should have: those of {@code target} when it exists (the file
     * it replaces, a link itself rather than what it points to), else those of the directory it goes in.
     *
     * @return null where the file system has no POSIX owners, or the owners cannot be read
     */
    public static Owners forEntry(Path target) {
        Owners own = of(target);
        if (own != null) return own;
        Path parent = target.toAbsolutePath().getParent();
        return parent == null ? null : of(parent);
    }

    /** Gives the new entry {@code created} the owner and group of the directory it was created in. */
    public static void inherit(Path created) {
        Path parent = created.toAbsolutePath().getParent();
        if (parent != null && !sameIds(created, parent)) apply(created, of(parent));
    }

    /**
     * Whether two entries have the same numeric owner and group: the usual case, settled without the owners'
     * names (each name is a passwd and a group lookup, several per step of a run). False when the file system
     * has no numeric ids, or they cannot be read: the names then decide.
     */
    private static boolean sameIds(Path a, Path b) {
        try {
            Map<String, Object> x = Files.readAttributes(a, "unix:uid,gid", LinkOption.NOFOLLOW_LINKS);
            Map<String, Object> y = Files.readAttributes(b, "unix:uid,gid", LinkOption.NOFOLLOW_LINKS);
            return x.get("uid") != null && x.get("gid") != null && x.equals(y);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return false;
        }
    }

    /**
     * Gives {@code path} (itself, not what a link points to) {@code owners}, where they differ from its own.
     * Best effort: a change the process may not make is left out (see the class comment).
     */
    public static void apply(Path path, Owners owners) {
        if (owners == null) return;
        PosixFileAttributeView view = view(path);
        if (view == null) return;
        try {
            PosixFileAttributes now = view.readAttributes();
            if (!now.owner().equals(owners.owner())) view.setOwner(owners.owner());
            if (!now.group().equals(owners.group())) view.setGroup(owners.group());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not ours to give away (not root, or a file system that refuses it): the entry stays the writer's
        }
    }

    private static Owners of(Path path) {
        PosixFileAttributeView view = view(path);
        if (view == null) return null;
        try {
            PosixFileAttributes a = view.readAttributes();
            return new Owners(a.owner(), a.group());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    private static PosixFileAttributeView view(Path path) {
        try {
            return Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }
}
