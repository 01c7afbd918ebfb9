package dev.telec.migrate.internal.adapter.out.fs;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttributeView;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Works out which paths of the delegate an operation of a {@link ForwardingFileSystem} is about to change, and
 * tells its {@link ForwardingFileSystem#beforeChange} hook, each path absolute and normalized.
 */
final class ChangeNotes {

    /** Told one path of the delegate that is about to change. */
    @FunctionalInterface
    interface Hook {
        void before(Path delegatePath) throws IOException;
    }

    private final Hook hook;

    /**
     * The real path of each directory a note has resolved (a {@code readlink} per name from the root each
     * time): most notes of a run are in a few directories. What can change a directory's real path (a delete,
     * a move, a copy, a new link) goes through {@link #forgetRealPaths} when it has happened, and so does a
     * change made beside the file system (a script step, a roll-back).
     */
    private final Map<Path, Path> realParents = new HashMap<>();

    ChangeNotes(Hook hook) {
        this.hook = hook;
    }

    /** {@code p}, and where it really is when a link on its way (its parent) leads elsewhere. */
    void path(Path p) throws IOException {
        Path key = p.toAbsolutePath().normalize();
        hook.before(key);
        Path parent = key.getParent();
        if (parent == null || key.getFileName() == null) return;
        Path real = realParents.get(parent);
        if (real == null) {
            try {
                real = parent.toRealPath();
            } catch (NoSuchFileException e) {
                return; // the operation fails on its own
            }
            realParents.put(parent, real);
        }
        if (!real.equals(parent)) hook.before(real.resolve(key.getFileName().toString()));
    }

    /** Forgets the real paths resolved so far: a directory may have moved, gone, or been replaced by a link. */
    void forgetRealPaths() {
        realParents.clear();
    }

    /** A write through an existing symbolic link changes what it points to: that is noted too. */
    void write(Path p, Set<? extends OpenOption> options) throws IOException {
        path(p);
        if (!options.contains(LinkOption.NOFOLLOW_LINKS) && Files.isSymbolicLink(p) && Files.exists(p)) {
            path(p.toRealPath());
        }
    }

    /** {@code root} and everything under it, and where each of those would be under {@code mirror} (a move's target). */
    void tree(Path root, Path mirror) throws IOException {
        path(root);
        if (mirror != null) path(mirror);
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Iterator<Path> it = walk.iterator(); it.hasNext(); ) {
                Path p = it.next();
                path(p);
                if (mirror != null) path(mirror.resolve(root.relativize(p).toString()));
            }
        }
    }

    /** {@code view} of {@code p}, whose setters ({@code setPermissions}, {@code setOwner}, {@code setTimes}, ...) note it first. */
    <V extends FileAttributeView> V view(Path p, Class<V> type, V view) {
        if (view == null || !type.isInterface()) return view;
        Object proxy = Proxy.newProxyInstance(ChangeNotes.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getName().startsWith("set")) path(p);
            try {
                return method.invoke(view, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return type.cast(proxy);
    }
}
