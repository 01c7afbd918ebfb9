package dev.telec.migrate.adapter.out.sandbox;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A {@link FileSystem} decorator that notes, before each mutating operation, what the paths it is about to
 * change held ({@link Entry}), once per path per window. The window's changes are then found by comparing
 * only those paths with what they hold now: the cost follows what a step touches, not the size of the home.
 *
 * <p>Noted: opening a file for writing (and so every write), creating a directory or link, delete, copy
 * (the target), move (source and target, with every path under them for a directory). Not noted, because
 * they do not change content or presence: attribute changes (times, permissions). Paths are noted by the
 * delegate's absolute, normalized path.
 */
final class RecordingFileSystem extends FileSystem {

    private final FileSystem delegate;
    private final Provider provider = new Provider();
    /** what each path touched in this window held before it was first touched; guarded by "this" */
    private Map<Path, Entry> before = new LinkedHashMap<>();

    RecordingFileSystem(FileSystem delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Forgets what was noted: a new window starts. */
    synchronized void begin() {
        before = new LinkedHashMap<>();
    }

    /** The paths (of the delegate) touched since {@link #begin()}, with what they held before. */
    synchronized Map<Path, Entry> touched() {
        return new LinkedHashMap<>(before);
    }

    private synchronized void note(Path delegatePath) throws IOException {
        Path key = delegatePath.toAbsolutePath().normalize();
        if (!before.containsKey(key)) {
            before.put(key, Entry.of(key));
        }
    }

    /** Notes {@code root} and everything under it, and where each of those would be under {@code mirror}. */
    private synchronized void noteTree(Path root, Path mirror) throws IOException {
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

    Path wrap(Path path) {
        if (path == null) return null;
        if (path instanceof RecordingPath rp) {
            if (rp.fs == this) return rp;
            throw new ProviderMismatchException("a path of another file system: " + path);
        }
        if (path.getFileSystem() != delegate) {
            throw new ProviderMismatchException("not a path of the wrapped file system: " + path);
        }
        return new RecordingPath(this, path);
    }

    Path unwrap(Path path) {
        if (path instanceof RecordingPath rp && rp.fs == this) {
            return rp.delegate;
        }
        throw new ProviderMismatchException("not a path of the simulation's file system: " + path);
    }

    // ---- FileSystem -----------------------------------------------------------------------------------------

    @Override public FileSystemProvider provider() { return provider; }
    @Override public void close() throws IOException { delegate.close(); }
    @Override public boolean isOpen() { return delegate.isOpen(); }
    @Override public boolean isReadOnly() { return delegate.isReadOnly(); }
    @Override public String getSeparator() { return delegate.getSeparator(); }
    @Override public Iterable<FileStore> getFileStores() { return delegate.getFileStores(); }
    @Override public Set<String> supportedFileAttributeViews() { return delegate.supportedFileAttributeViews(); }
    @Override public Path getPath(String first, String... more) { return wrap(delegate.getPath(first, more)); }
    @Override public UserPrincipalLookupService getUserPrincipalLookupService() { return delegate.getUserPrincipalLookupService(); }
    @Override public WatchService newWatchService() { throw new UnsupportedOperationException("no watch services in a simulation"); }

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

    // ---- Path ---------------------------------------------------------------------------------------------

    private static final class RecordingPath implements Path {
        final RecordingFileSystem fs;
        final Path delegate;

        RecordingPath(RecordingFileSystem fs, Path delegate) {
            this.fs = fs;
            this.delegate = delegate;
        }

        private Path w(Path p) { return p == null ? null : new RecordingPath(fs, p); }
        private Path u(Path p) { return fs.unwrap(p); }

        @Override public FileSystem getFileSystem() { return fs; }
        @Override public boolean isAbsolute() { return delegate.isAbsolute(); }
        @Override public Path getRoot() { return w(delegate.getRoot()); }
        @Override public Path getFileName() { return w(delegate.getFileName()); }
        @Override public Path getParent() { return w(delegate.getParent()); }
        @Override public int getNameCount() { return delegate.getNameCount(); }
        @Override public Path getName(int index) { return w(delegate.getName(index)); }
        @Override public Path subpath(int beginIndex, int endIndex) { return w(delegate.subpath(beginIndex, endIndex)); }
        @Override public boolean startsWith(Path other) { return other instanceof RecordingPath rp && rp.fs == fs && delegate.startsWith(rp.delegate); }
        @Override public boolean startsWith(String other) { return delegate.startsWith(other); }
        @Override public boolean endsWith(Path other) { return other instanceof RecordingPath rp && rp.fs == fs && delegate.endsWith(rp.delegate); }
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
        @Override public boolean equals(Object o) { return o instanceof RecordingPath rp && rp.fs == fs && delegate.equals(rp.delegate); }
        @Override public int hashCode() { return delegate.hashCode(); }
        @Override public String toString() { return delegate.toString(); }

        @Override
        public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
            throw new UnsupportedOperationException("no watch services in a simulation");
        }
    }

    // ---- Provider -----------------------------------------------------------------------------------------

    private final class Provider extends FileSystemProvider {

        private FileSystemProvider inner() {
            return delegate.provider();
        }

        @Override public String getScheme() { return "telec-simulation"; }
        @Override public FileSystem newFileSystem(URI uri, Map<String, ?> env) { throw new UnsupportedOperationException(); }
        @Override public FileSystem getFileSystem(URI uri) { throw new UnsupportedOperationException(); }
        @Override public Path getPath(URI uri) { throw new UnsupportedOperationException("no URIs in a simulation"); }

        private void noteIfWriting(Path d, Set<? extends OpenOption> options) throws IOException {
            if (options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)) {
                note(d);
            }
        }

        @Override
        public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
            Path d = unwrap(path);
            noteIfWriting(d, options);
            return inner().newByteChannel(d, options, attrs);
        }

        @Override
        public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
            Path d = unwrap(path);
            noteIfWriting(d, options);
            return inner().newFileChannel(d, options, attrs);
        }

        @Override
        public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
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

        @Override
        public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
            Path d = unwrap(dir);
            note(d);
            inner().createDirectory(d, attrs);
        }

        @Override
        public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
            Path d = unwrap(link);
            note(d);
            inner().createSymbolicLink(d, unwrap(target), attrs);
        }

        @Override
        public void createLink(Path link, Path existing) throws IOException {
            Path d = unwrap(link);
            note(d);
            inner().createLink(d, unwrap(existing));
        }

        @Override
        public Path readSymbolicLink(Path link) throws IOException {
            return wrap(inner().readSymbolicLink(unwrap(link)));
        }

        @Override
        public void delete(Path path) throws IOException {
            Path d = unwrap(path);
            note(d);
            inner().delete(d);
        }

        @Override
        public void copy(Path source, Path target, CopyOption... options) throws IOException {
            Path t = unwrap(target);
            noteTree(t, null); // a directory target that is replaced must be empty; still, note what it held
            inner().copy(unwrap(source), t, options);
        }

        @Override
        public void move(Path source, Path target, CopyOption... options) throws IOException {
            Path s = unwrap(source);
            Path t = unwrap(target);
            noteTree(t, null);
            noteTree(s, t);
            inner().move(s, t, options);
        }

        @Override public boolean isSameFile(Path path, Path path2) throws IOException { return inner().isSameFile(unwrap(path), unwrap(path2)); }
        @Override public boolean isHidden(Path path) throws IOException { return inner().isHidden(unwrap(path)); }
        @Override public FileStore getFileStore(Path path) throws IOException { return inner().getFileStore(unwrap(path)); }
        @Override public void checkAccess(Path path, AccessMode... modes) throws IOException { inner().checkAccess(unwrap(path), modes); }

        @Override
        public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
            return inner().getFileAttributeView(unwrap(path), type, options);
        }

        @Override
        public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options) throws IOException {
            return inner().readAttributes(unwrap(path), type, options);
        }

        @Override
        public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
            return inner().readAttributes(unwrap(path), attributes, options);
        }

        @Override
        public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
            inner().setAttribute(unwrap(path), attribute, value, options);
        }
    }
}
