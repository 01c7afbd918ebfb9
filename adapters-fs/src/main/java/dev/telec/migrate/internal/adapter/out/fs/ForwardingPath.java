package dev.telec.migrate.internal.adapter.out.fs;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

/** A path of a {@link ForwardingFileSystem}: the delegate's path, wrapped; its results are wrapped too. */
final class ForwardingPath implements Path {
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
