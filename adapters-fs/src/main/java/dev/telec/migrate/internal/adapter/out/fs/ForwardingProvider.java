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
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.Map;
import java.util.Set;

/** The provider of a {@link ForwardingFileSystem}: every operation goes to the file system's protected method of the same name. */
final class ForwardingProvider extends FileSystemProvider {
    private final ForwardingFileSystem fs;
    private final String scheme;
    private final String name;

    ForwardingProvider(ForwardingFileSystem fs, String scheme, String name) {
        this.fs = fs;
        this.scheme = scheme;
        this.name = name;
    }

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

    // JDK 20 and later ask these (Files.exists, isDirectory, isRegularFile); on JDK 17 they are not called.
    // Not marked @Override: the JDK 17 API telec is compiled against does not have them.

    public <A extends BasicFileAttributes> A readAttributesIfExists(Path path, Class<A> type, LinkOption... options) throws IOException {
        return fs.readAttributesIfExists(path, type, options);
    }

    public boolean exists(Path path, LinkOption... options) {
        return fs.exists(path, options);
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
