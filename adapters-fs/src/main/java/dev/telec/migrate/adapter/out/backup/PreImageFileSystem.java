package dev.telec.migrate.adapter.out.backup;

import dev.telec.migrate.adapter.out.fs.ForwardingFileSystem;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.CopyOption;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The file system a step's home lives on while it runs: before each operation that changes a path (opening it
 * for writing, creating a directory or link, delete, copy and move, setting an attribute, directly or through
 * an attribute view) it tells {@link Notes} which paths of the delegate are about to change, and the change
 * happens only when that returned: a pre-image that cannot be saved fails the operation before it changes
 * anything. A directory that is moved is noted with everything under it, at its old place and its new one.
 */
final class PreImageFileSystem extends ForwardingFileSystem {

    /** Told, before a change, which path of the delegate (absolute, normalized) is about to change. */
    interface Notes {
        void before(Path path) throws IOException;

        /** Told before {@code path} of the delegate is opened to read: a directory is opened so to sync it. */
        void beforeReading(Path path) throws IOException;
    }

    private final Notes notes;

    PreImageFileSystem(FileSystem delegate, Notes notes) {
        super(delegate, "telec-backup", "backed-up file system");
        this.notes = notes;
    }

    private void note(Path delegatePath) throws IOException {
        notes.before(delegatePath.toAbsolutePath().normalize());
    }

    /** A write through an existing symbolic link changes what it points to: that is noted too. */
    private void noteForWrite(Path path, Set<? extends OpenOption> options) throws IOException {
        Path p = unwrap(path);
        if (!writing(options)) {
            notes.beforeReading(p);
            return;
        }
        note(p);
        if (!options.contains(LinkOption.NOFOLLOW_LINKS) && Files.isSymbolicLink(p) && Files.exists(p)) {
            note(p.toRealPath());
        }
    }

    private void noteTree(Path root, Path mirror) throws IOException {
        note(root);
        if (mirror != null) note(mirror);
        if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Iterator<Path> it = walk.iterator(); it.hasNext(); ) {
                    Path p = it.next();
                    note(p);
                    if (mirror != null) note(mirror.resolve(root.relativize(p).toString()));
                }
            }
        }
    }

    @Override
    protected SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        noteForWrite(path, options);
        return super.newByteChannel(path, options, attrs);
    }

    @Override
    protected FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        noteForWrite(path, options);
        return super.newFileChannel(path, options, attrs);
    }

    @Override
    protected void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        note(unwrap(dir));
        super.createDirectory(dir, attrs);
    }

    @Override
    protected void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        note(unwrap(link));
        super.createSymbolicLink(link, target, attrs);
    }

    @Override
    protected void createLink(Path link, Path existing) throws IOException {
        note(unwrap(link));
        super.createLink(link, existing);
    }

    @Override
    protected void delete(Path path) throws IOException {
        note(unwrap(path));
        super.delete(path);
    }

    @Override
    protected void copy(Path source, Path target, CopyOption... options) throws IOException {
        noteTree(unwrap(target), null);
        super.copy(source, target, options);
    }

    @Override
    protected void move(Path source, Path target, CopyOption... options) throws IOException {
        Path s = unwrap(source);
        Path t = unwrap(target);
        noteTree(t, null);
        noteTree(s, t);
        super.move(source, target, options);
    }

    @Override
    protected void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        note(unwrap(path));
        super.setAttribute(path, attribute, value, options);
    }

    /** A view whose setters ({@code setPermissions}, {@code setOwner}, {@code setTimes}, ...) note the path first. */
    @Override
    protected <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        V view = super.getFileAttributeView(path, type, options);
        if (view == null || !type.isInterface()) return view;
        Path p = unwrap(path);
        Object proxy = Proxy.newProxyInstance(PreImageFileSystem.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getName().startsWith("set")) note(p);
            try {
                return method.invoke(view, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return type.cast(proxy);
    }
}
