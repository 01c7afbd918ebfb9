package dev.telec.migrate.internal.adapter.out.fs;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardOpenOption;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link FileSystem} decorator that forwards everything to a delegate file system, for subclasses that
 * watch or alter some operations. Its paths belong to it (so {@code Files.*} dispatches to its provider);
 * they are unwrapped on the way to the delegate and results (paths, directory entries) are wrapped on the
 * way back. Mixing in a path of another file system throws {@link ProviderMismatchException}.
 *
 * <p>Every provider operation goes through the protected method of the same name here, which takes this
 * file system's paths and by default forwards to the delegate's provider; a subclass overrides the ones it
 * cares about and calls {@code super} (or {@link #delegate()}{@code .provider()} with {@link #unwrap}ped
 * paths) to do the work. Not supported: watch services, URIs (toUri() gives the delegate's URI).
 *
 * <p>A subclass made with {@code watchChanges} is told, by {@link #beforeChange}, every path of the delegate
 * an operation is about to change, before it changes it: opening a file for writing (and the file a link
 * leads to), creating a directory or link, delete, copy (the target), move (source and target, with every
 * path under them for a directory), setting an attribute, directly or through an attribute view's setters.
 * A path reached through a link on its way is told at its real place too.
 */
public abstract class ForwardingFileSystem extends FileSystem {

    private final FileSystem delegate;
    private final String name;
    private final FileSystemProvider provider;
    private final ChangeNotes changes; // null: nothing is told

    /**
     * @param scheme the provider's URI scheme
     * @param name what messages call this file system, e.g. in "not a path of this {@code name}"
     */
    protected ForwardingFileSystem(FileSystem delegate, String scheme, String name) {
        this(delegate, scheme, name, false);
    }

    /** @param watchChanges whether {@link #beforeChange} is told the paths each operation is about to change */
    protected ForwardingFileSystem(FileSystem delegate, String scheme, String name, boolean watchChanges) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.name = Objects.requireNonNull(name, "name");
        this.provider = new ForwardingProvider(this, Objects.requireNonNull(scheme, "scheme"), name);
        this.changes = watchChanges ? new ChangeNotes(this::beforeChange) : null;
    }

    /**
     * Told, when this file system watches changes, that {@code delegatePath} (absolute, normalized) is about to
     * change; the operation happens only when this returns, and fails with what it throws.
     */
    protected void beforeChange(Path delegatePath) throws IOException {
    }

    private void changing(Path path) throws IOException {
        if (changes != null) changes.path(unwrap(path));
    }

    /**
     * Forgets the real paths of directories the change notes remember: for a subclass whose delegate was
     * changed beside this file system (a directory there may have moved, gone or become a link). The
     * operations here that can do that (delete, move, copy, links) call it themselves.
     */
    protected final void forgetRealPaths() {
        if (changes != null) changes.forgetRealPaths();
    }

    /** The file system this one decorates. */
    public final FileSystem delegate() {
        return delegate;
    }

    /** {@code path} of the delegate as a path of this file system. */
    public final Path wrap(Path path) {
        if (path == null) return null;
        if (path instanceof ForwardingPath fp && fp.fs == this) return fp;
        if (path.getFileSystem() != delegate && path instanceof ForwardingPath fp && fp.fs.getClass() == getClass()) {
            throw new ProviderMismatchException("a path of another " + name + ": " + path);
        }
        if (path.getFileSystem() != delegate) {
            throw new ProviderMismatchException("not a path of the wrapped file system: " + path);
        }
        return new ForwardingPath(this, path);
    }

    /** The delegate's path behind {@code path}, a path of this file system. */
    public final Path unwrap(Path path) {
        if (path instanceof ForwardingPath fp && fp.fs == this) {
            return fp.delegate;
        }
        throw new ProviderMismatchException("not a path of this " + name + ": " + path);
    }

    /** Whether opening with {@code options} opens for writing (WRITE or APPEND). */
    protected static boolean writing(Set<? extends OpenOption> options) {
        return options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
    }

    // ---- FileSystem -----------------------------------------------------------------------------------------

    @Override public final FileSystemProvider provider() { return provider; }
    @Override public void close() throws IOException { delegate.close(); }
    @Override public boolean isOpen() { return delegate.isOpen(); }
    @Override public boolean isReadOnly() { return delegate.isReadOnly(); }
    @Override public String getSeparator() { return delegate.getSeparator(); }
    @Override public Iterable<FileStore> getFileStores() { return delegate.getFileStores(); }
    @Override public Set<String> supportedFileAttributeViews() { return delegate.supportedFileAttributeViews(); }
    @Override public Path getPath(String first, String... more) { return wrap(delegate.getPath(first, more)); }
    @Override public UserPrincipalLookupService getUserPrincipalLookupService() { return delegate.getUserPrincipalLookupService(); }
    @Override public WatchService newWatchService() { throw noWatchService(); }

    @Override
    public Iterable<Path> getRootDirectories() {
        List<Path> roots = new ArrayList<>();
        for (Path r : delegate.getRootDirectories()) roots.add(wrap(r));
        return roots;
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher m = delegate.getPathMatcher(syntaxAndPattern);
        return p -> m.matches(unwrap(p));
    }

    UnsupportedOperationException noWatchService() {
        return new UnsupportedOperationException(name + " does not support watch services");
    }

    // ---- provider operations, on this file system's paths ----------------------------------------------------

    private FileSystemProvider inner() {
        return delegate.provider();
    }

    protected SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        if (changes != null && writing(options)) changes.write(unwrap(path), options);
        return inner().newByteChannel(unwrap(path), options, attrs);
    }

    protected FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        if (changes != null && writing(options)) changes.write(unwrap(path), options);
        return inner().newFileChannel(unwrap(path), options, attrs);
    }

    protected DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        DirectoryStream<Path> inner = inner().newDirectoryStream(unwrap(dir), p -> filter.accept(wrap(p)));
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                Iterator<Path> it = inner.iterator();
                return new Iterator<>() {
                    @Override public boolean hasNext() { return it.hasNext(); }
                    @Override public Path next() { return wrap(it.next()); }
                };
            }

            @Override
            public void close() throws IOException {
                inner.close();
            }
        };
    }

    protected void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        changing(dir);
        inner().createDirectory(unwrap(dir), attrs);
    }

    /** {@code target}, relative or absolute, is a path of this file system too. */
    protected void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        changing(link);
        try {
            inner().createSymbolicLink(unwrap(link), unwrap(target), attrs);
        } finally {
            forgetRealPaths();
        }
    }

    protected void createLink(Path link, Path existing) throws IOException {
        changing(link);
        try {
            inner().createLink(unwrap(link), unwrap(existing));
        } finally {
            forgetRealPaths();
        }
    }

    protected Path readSymbolicLink(Path link) throws IOException {
        return wrap(inner().readSymbolicLink(unwrap(link)));
    }

    protected void delete(Path path) throws IOException {
        changing(path);
        try {
            inner().delete(unwrap(path));
        } finally {
            forgetRealPaths();
        }
    }

    protected void copy(Path source, Path target, CopyOption... options) throws IOException {
        if (changes != null) changes.tree(unwrap(target), null); // a directory replaced must be empty; still, it is told
        try {
            inner().copy(unwrap(source), unwrap(target), options);
        } finally {
            forgetRealPaths();
        }
    }

    protected void move(Path source, Path target, CopyOption... options) throws IOException {
        if (changes != null) {
            changes.tree(unwrap(target), null);
            changes.tree(unwrap(source), unwrap(target));
        }
        try {
            inner().move(unwrap(source), unwrap(target), options);
        } finally {
            forgetRealPaths();
        }
    }

    protected boolean isSameFile(Path path, Path path2) throws IOException {
        return inner().isSameFile(unwrap(path), unwrap(path2));
    }

    protected boolean isHidden(Path path) throws IOException {
        return inner().isHidden(unwrap(path));
    }

    protected FileStore getFileStore(Path path) throws IOException {
        return inner().getFileStore(unwrap(path));
    }

    protected void checkAccess(Path path, AccessMode... modes) throws IOException {
        inner().checkAccess(unwrap(path), modes);
    }

    protected <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        V view = inner().getFileAttributeView(unwrap(path), type, options);
        return changes == null ? view : changes.view(unwrap(path), type, view);
    }

    protected <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options) throws IOException {
        return inner().readAttributes(unwrap(path), type, options);
    }

    /**
     * {@link #readAttributes}, or null when nothing is there: what {@code Files.isDirectory}, {@code isRegularFile}
     * and {@code exists} ask on JDK 20 and later, answered by the delegate without an exception where it can.
     */
    protected <A extends BasicFileAttributes> A readAttributesIfExists(Path path, Class<A> type, LinkOption... options) throws IOException {
        return Attributes.ifExists(unwrap(path), type, options);
    }

    /** Whether something is at {@code path}: {@code Files.exists} on JDK 20 and later. */
    protected boolean exists(Path path, LinkOption... options) {
        return Files.exists(unwrap(path), options);
    }

    protected Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return inner().readAttributes(unwrap(path), attributes, options);
    }

    protected void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        changing(path);
        inner().setAttribute(unwrap(path), attribute, value, options);
    }
}
