package dev.telec.migrate.adapter.out.fs;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
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
 */
public abstract class ForwardingFileSystem extends FileSystem {

    private final FileSystem delegate;
    private final String scheme;
    private final String name;
    private final Provider provider = new Provider();

    /**
     * @param scheme the provider's URI scheme
     * @param name what messages call this file system, e.g. in "not a path of this {@code name}"
     */
    protected ForwardingFileSystem(FileSystem delegate, String scheme, String name) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.name = Objects.requireNonNull(name, "name");
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

    private UnsupportedOperationException noWatchService() {
        return new UnsupportedOperationException(name + " does not support watch services");
    }

    // ---- provider operations, on this file system's paths ----------------------------------------------------

    private FileSystemProvider inner() {
        return delegate.provider();
    }

    protected SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        return inner().newByteChannel(unwrap(path), options, attrs);
    }

    protected FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
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
        inner().createDirectory(unwrap(dir), attrs);
    }

    /** {@code target}, relative or absolute, is a path of this file system too. */
    protected void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        inner().createSymbolicLink(unwrap(link), unwrap(target), attrs);
    }

    protected void createLink(Path link, Path existing) throws IOException {
        inner().createLink(unwrap(link), unwrap(existing));
    }

    protected Path readSymbolicLink(Path link) throws IOException {
        return wrap(inner().readSymbolicLink(unwrap(link)));
    }

    protected void delete(Path path) throws IOException {
        inner().delete(unwrap(path));
    }

    protected void copy(Path source, Path target, CopyOption... options) throws IOException {
        inner().copy(unwrap(source), unwrap(target), options);
    }

    protected void move(Path source, Path target, CopyOption... options) throws IOException {
        inner().move(unwrap(source), unwrap(target), options);
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
        return inner().getFileAttributeView(unwrap(path), type, options);
    }

    protected <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options) throws IOException {
        return inner().readAttributes(unwrap(path), type, options);
    }

    protected Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return inner().readAttributes(unwrap(path), attributes, options);
    }

    protected void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        inner().setAttribute(unwrap(path), attribute, value, options);
    }

    // ---- Path ---------------------------------------------------------------------------------------------

    private static final class ForwardingPath implements Path {
        final ForwardingFileSystem fs;
        final Path delegate;

        ForwardingPath(ForwardingFileSystem fs, Path delegate) {
            this.fs = fs;
            this.delegate = delegate;
        }

        private Path w(Path p) { return p == null ? null : new ForwardingPath(fs, p); }
        private Path u(Path p) { return fs.unwrap(p); }
        private boolean ours(Path p) { return p instanceof ForwardingPath fp && fp.fs == fs; }

        @Override public FileSystem getFileSystem() { return fs; }
        @Override public boolean isAbsolute() { return delegate.isAbsolute(); }
        @Override public Path getRoot() { return w(delegate.getRoot()); }
        @Override public Path getFileName() { return w(delegate.getFileName()); }
        @Override public Path getParent() { return w(delegate.getParent()); }
        @Override public int getNameCount() { return delegate.getNameCount(); }
        @Override public Path getName(int index) { return w(delegate.getName(index)); }
        @Override public Path subpath(int beginIndex, int endIndex) { return w(delegate.subpath(beginIndex, endIndex)); }
        @Override public boolean startsWith(Path other) { return ours(other) && delegate.startsWith(u(other)); }
        @Override public boolean startsWith(String other) { return delegate.startsWith(other); }
        @Override public boolean endsWith(Path other) { return ours(other) && delegate.endsWith(u(other)); }
        @Override public boolean endsWith(String other) { return delegate.endsWith(other); }
        @Override public Path normalize() { return w(delegate.normalize()); }
        @Override public Path resolve(Path other) { return w(delegate.resolve(u(other))); }
        @Override public Path resolve(String other) { return w(delegate.resolve(other)); }
        @Override public Path resolveSibling(Path other) { return w(delegate.resolveSibling(u(other))); }
        @Override public Path resolveSibling(String other) { return w(delegate.resolveSibling(other)); }
        @Override public Path relativize(Path other) { return w(delegate.relativize(u(other))); }
        @Override public URI toUri() { return delegate.toUri(); }
        @Override public Path toAbsolutePath() { return w(delegate.toAbsolutePath()); }
        @Override public Path toRealPath(LinkOption... options) throws IOException { return w(delegate.toRealPath(options)); }
        @Override public int compareTo(Path other) { return delegate.compareTo(u(other)); }
        @Override public boolean equals(Object o) { return o instanceof ForwardingPath fp && fp.fs == fs && delegate.equals(fp.delegate); }
        @Override public int hashCode() { return delegate.hashCode(); }
        @Override public String toString() { return delegate.toString(); }

        @Override
        public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
            throw fs.noWatchService();
        }
    }

    // ---- Provider: dispatches to the protected operations above ------------------------------------------------

    private final class Provider extends FileSystemProvider {
        private final ForwardingFileSystem fs = ForwardingFileSystem.this;

        @Override public String getScheme() { return scheme; }
        @Override public FileSystem newFileSystem(URI uri, Map<String, ?> env) { throw notFromUri(); }
        @Override public FileSystem getFileSystem(URI uri) { throw notFromUri(); }
        @Override public Path getPath(URI uri) { throw new UnsupportedOperationException(name + " does not support URIs"); }

        private UnsupportedOperationException notFromUri() {
            return new UnsupportedOperationException(name + " wraps a file system: it is not made from a URI");
        }

        @Override
        public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
            return fs.newByteChannel(path, options, attrs);
        }

        @Override
        public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
            return fs.newFileChannel(path, options, attrs);
        }

        @Override
        public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
            return fs.newDirectoryStream(dir, filter);
        }

        @Override public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException { fs.createDirectory(dir, attrs); }
        @Override public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException { fs.createSymbolicLink(link, target, attrs); }
        @Override public void createLink(Path link, Path existing) throws IOException { fs.createLink(link, existing); }
        @Override public Path readSymbolicLink(Path link) throws IOException { return fs.readSymbolicLink(link); }
        @Override public void delete(Path path) throws IOException { fs.delete(path); }
        @Override public void copy(Path source, Path target, CopyOption... options) throws IOException { fs.copy(source, target, options); }
        @Override public void move(Path source, Path target, CopyOption... options) throws IOException { fs.move(source, target, options); }
        @Override public boolean isSameFile(Path path, Path path2) throws IOException { return fs.isSameFile(path, path2); }
        @Override public boolean isHidden(Path path) throws IOException { return fs.isHidden(path); }
        @Override public FileStore getFileStore(Path path) throws IOException { return fs.getFileStore(path); }
        @Override public void checkAccess(Path path, AccessMode... modes) throws IOException { fs.checkAccess(path, modes); }

        @Override
        public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
            return fs.getFileAttributeView(path, type, options);
        }

        @Override
        public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options) throws IOException {
            return fs.readAttributes(path, type, options);
        }

        @Override
        public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
            return fs.readAttributes(path, attributes, options);
        }

        @Override
        public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
            fs.setAttribute(path, attribute, value, options);
        }
    }
}
