package dev.telec.migrate.testing;

import dev.telec.migrate.internal.adapter.out.fs.ForwardingFileSystem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link FileSystem} decorator for tests that counts mutating operations, fails a chosen one, and models a
 * crash. Wrap Jimfs (or the default file system) with {@link #wrap(FileSystem)} and use {@link #wrap(Path)}
 * or {@link #getPath}: its paths belong to this file system, so {@code Files.*} dispatches here; they are
 * unwrapped on the way to the delegate and results (paths, directory entries, channels) are wrapped on the
 * way back.
 *
 * <h2>Counted operations</h2>
 * Each of these is one operation ({@link Op}): opening a channel for writing ({@code newByteChannel},
 * {@code newFileChannel}, and so {@code newOutputStream}, with WRITE or APPEND); each {@code write}
 * ({@code truncate}, {@code transferFrom}) call on such a channel; each {@code force}; {@code move};
 * {@code delete} (and {@code deleteIfExists}); {@code createDirectory}; plus {@code copy}, link creation and
 * {@code setAttribute}. Reads, attribute reads and listings are not counted. {@link #arm(int)} makes the k-th
 * counted operation after arming (counting from 1) throw {@code FileSystemException(path, null, "No space
 * left on device")} instead of happening; the operation is counted, the fault is one-shot.
 *
 * <h2>Crash model</h2>
 * Like LevelDB's FaultInjectionTestEnv (including its "delete files created after the last directory sync"):
 * <ul>
 * <li><b>Data.</b> File data that was not forced is lost. For every file written through this file system
 * the content as of its last successful {@code force} is remembered (a file that existed before it was
 * first opened for writing is taken to be durable as it was; a newly created one as empty), and follows it
 * across renames. Close does not persist.
 * <li><b>Metadata</b> ({@link Crash#METADATA_TOO}, the default). A <em>directory sync</em> is {@code force}
 * on a channel opened on a directory ({@code FileChannel.open(dir, READ)}); where the delegate cannot open a
 * directory (Jimfs) this file system returns a channel that reads nothing, so the sync is seen all the
 * same; it is a counted {@link Op#FORCE}. Each metadata operation belongs to one directory: creating a file
 * or link (an open for writing that created it, a copy or link to a new name) and {@code createDirectory}
 * to the new entry's parent; {@code delete} to the parent of what it deleted; a {@code move} to the
 * <em>target's</em> parent. An operation is durable when that directory was synced after it. {@link
 * #crash()} undoes, newest first, every operation that is not: a created file or link is deleted; a created
 * directory is deleted with everything under it, synced or not (its own entry is gone); a deleted file,
 * link or (empty) directory comes back, a file with its durable content; a move is moved back and what it
 * replaced comes back with its durable content. A move is atomic in this model: when its target's
 * directory was synced it is durable whole, the source entry gone too, even if the source directory was
 * never synced (as on journaling file systems, where one transaction holds both entries); otherwise both
 * entries are as before. An undo whose path is gone (an enclosing directory's creation was undone) does
 * nothing. Directories are identified by path: a sync of a directory under its new name after it was
 * itself moved does not cover operations done under its old name.
 * <li>{@link Crash#DATA_ONLY}: metadata operations are durable as soon as they return.
 * </ul>
 * {@link #crash()} also closes every open channel. Not modelled: torn (partial) writes within a force,
 * reordering between files (a forced file is durable even if an earlier file's data was not forced),
 * directory syncs making other directories' entries durable (ext4 journal commits do, POSIX does not
 * promise it), memory-mapped writes (read-write mappings are refused), writes through {@link
 * FileAttributeView}s, and other processes. {@link #crashAt(int)} makes the k-th operation and everything
 * after it fail, as if the process died there, until {@link #crash()}.
 *
 * <p>{@link #denyReading} makes opening a file for reading fail with {@code AccessDeniedException}.
 *
 * <p>Not supported: watch services, URIs (toUri() gives the delegate's URI), asynchronous channels.
 */
public final class FaultyFileSystem extends ForwardingFileSystem {

    /** What {@link #crash()} undoes. */
    public enum Crash {
        /** Unforced file data is lost; creates, renames and deletes are durable as soon as they return. */
        DATA_ONLY,
        /**
         * Also undoes every create, mkdir, rename and delete that no later sync of the directory it changed
         * covers (see the class comment). The default.
         */
        METADATA_TOO
    }

    /** Kinds of counted operations. */
    public enum Op {
        /** opening a channel for writing, which may create the file */
        OPEN_FOR_WRITE,
        /** one write, truncate or transferFrom call on a channel */
        WRITE,
        FORCE,
        MOVE,
        DELETE,
        CREATE_DIRECTORY,
        COPY,
        LINK,
        SET_ATTRIBUTE
    }

    // all mutable state is guarded by "this"
    private int operations;
    private int armedAt; // 0: disarmed
    private int armedSeen;
    private Set<Op> armedKinds = EnumSet.allOf(Op.class);
    private Function<Path, IOException> fault = p -> new FileSystemException(p.toString(), null, "No space left on device");
    private boolean crashing;
    private boolean dead;
    /** durable content of files written since their last force, keyed by the delegate's absolute path */
    private final Map<Path, byte[]> durable = new HashMap<>();
    private final List<Channel> open = new ArrayList<>();
    private final Set<Path> unreadable = new java.util.HashSet<>();
    private Crash crashModel = Crash.METADATA_TOO;
    /** orders metadata operations and directory syncs */
    private long clock;
    /** metadata operations since tracking began, oldest first (only under {@link Crash#METADATA_TOO}) */
    private final List<MetaOp> metaOps = new ArrayList<>();
    /** the clock at each directory's last sync, keyed by the delegate's absolute path */
    private final Map<Path, Long> lastSync = new HashMap<>();

    private FaultyFileSystem(FileSystem delegate) {
        super(delegate, "faulty", "FaultyFileSystem");
    }

    public static FaultyFileSystem wrap(FileSystem delegate) {
        return new FaultyFileSystem(delegate);
    }

    // ---- control ------------------------------------------------------------------------------------------

    /** Chooses what {@link #crash()} undoes; {@link Crash#METADATA_TOO} unless set. */
    public synchronized FaultyFileSystem crashModel(Crash model) {
        this.crashModel = Objects.requireNonNull(model, "model");
        return this;
    }

    /** Counted operations so far, of every kind. */
    public synchronized int operationCount() {
        return operations;
    }

    /** The k-th counted operation from now (k >= 1) fails. */
    public synchronized void arm(int k) {
        arm(k, Op.values());
    }

    /** The k-th counted operation of one of {@code kinds} from now (k >= 1) fails. */
    public synchronized void arm(int k, Op... kinds) {
        if (k < 1) throw new IllegalArgumentException("k counts from 1: " + k);
        armedAt = k;
        armedSeen = 0;
        armedKinds = kinds.length == 0 ? EnumSet.allOf(Op.class) : EnumSet.of(kinds[0], kinds);
        crashing = false;
    }

    /** Like {@link #arm(int)}, but what fails is the process: that operation and every later one, until {@link #crash()}. */
    public synchronized void crashAt(int k) {
        arm(k);
        crashing = true;
    }

    /** Sets the exception an armed operation throws, given the (wrapped) path it was about. */
    public synchronized void failWith(Function<Path, IOException> fault) {
        this.fault = Objects.requireNonNull(fault, "fault");
    }

    public synchronized void disarm() {
        armedAt = 0;
        armedSeen = 0;
        crashing = false;
    }

    /**
     * Models a power loss: closes every channel opened through this file system and restores every file
     * written since its last force to its last forced content (see the class comment). Disarms, and makes the
     * file system usable again after {@link #crashAt}.
     */
    public synchronized void crash() throws IOException {
        for (Channel c : new ArrayList<>(open)) {
            c.inner.close();
        }
        open.clear();
        for (int i = metaOps.size() - 1; i >= 0; i--) {
            MetaOp op = metaOps.get(i);
            if (lastSync.getOrDefault(op.dir, -1L) > op.at) continue; // made durable by a later sync
            try {
                op.undo();
            } catch (NoSuchFileException e) {
                // what it changed is gone with an undone (or durable) operation on an enclosing directory
            }
        }
        metaOps.clear();
        lastSync.clear();
        for (Map.Entry<Path, byte[]> e : durable.entrySet()) {
            if (Files.exists(e.getKey(), LinkOption.NOFOLLOW_LINKS)) {
                Files.write(e.getKey(), e.getValue());
            }
        }
        durable.clear();
        dead = false;
        disarm();
    }

    /**
     * Opening {@code path} (a path of this file system) for reading fails with {@link
     * java.nio.file.AccessDeniedException} from now on, as for a file without read permission (which
     * Jimfs does not enforce, and root ignores).
     */
    public synchronized void denyReading(Path path) {
        unreadable.add(key(unwrap(path)));
    }

    private synchronized boolean readable(Path delegatePath) {
        return !unreadable.contains(key(delegatePath));
    }

    private synchronized void count(Op op, Path path) throws IOException {
        if (dead) {
            throw new FileSystemException(path.toString(), null, "the process has crashed (call crash())");
        }
        operations++;
        if (armedAt > 0 && armedKinds.contains(op) && ++armedSeen == armedAt) {
            armedAt = 0;
            if (crashing) {
                crashing = false;
                dead = true;
                throw new FileSystemException(path.toString(), null, "the process has crashed (call crash())");
            }
            throw fault.apply(path);
        }
    }

    private synchronized void checkAlive(Path path) throws IOException {
        if (dead) {
            throw new FileSystemException(path.toString(), null, "the process has crashed (call crash())");
        }
    }

    // ---- crash-model bookkeeping (delegate paths) ---------------------------------------------------------------

    private static Path key(Path delegatePath) {
        return delegatePath.toAbsolutePath().normalize();
    }

    /** A file was opened for writing: unless already tracked, what it held before is what is durable. */
    private synchronized void tracked(Path delegatePath, byte[] before) {
        durable.putIfAbsent(key(delegatePath), before);
    }

    private synchronized void forced(Path delegatePath) throws IOException {
        durable.put(key(delegatePath), Files.readAllBytes(delegatePath)); // its current content is durable
    }

    /**
     * What a name held before a delete or a replacing rename, as the crash model sees it durable: a file's
     * durable content, an (empty) directory, or a link's target.
     */
    private record Saved(byte[] content, boolean directory, Path linkTarget) {
    }

    private synchronized Saved saved(Path delegatePath) throws IOException {
        if (Files.isSymbolicLink(delegatePath)) return new Saved(null, false, Files.readSymbolicLink(delegatePath));
        if (Files.isDirectory(delegatePath, LinkOption.NOFOLLOW_LINKS)) return new Saved(null, true, null);
        if (!Files.exists(delegatePath, LinkOption.NOFOLLOW_LINKS)) return null;
        byte[] d = durable.get(key(delegatePath));
        return new Saved(d != null ? d : Files.readAllBytes(delegatePath), false, null);
    }

    private void restore(Path delegatePath, Saved saved) throws IOException {
        if (saved == null || Files.exists(delegatePath, LinkOption.NOFOLLOW_LINKS)) return;
        if (saved.linkTarget != null) {
            Files.createSymbolicLink(delegatePath, saved.linkTarget);
        } else if (saved.directory) {
            Files.createDirectory(delegatePath);
        } else {
            Files.write(delegatePath, saved.content); // its durable content
        }
        dropDurable(delegatePath);
    }

    /** A metadata operation in one directory, undone by {@link #crash()} unless that directory was synced after it. */
    private abstract static class MetaOp {
        final long at;
        final Path dir;

        MetaOp(long at, Path dir) {
            this.at = at;
            this.dir = dir;
        }

        abstract void undo() throws IOException;
    }

    private static Path parentKey(Path delegatePath) {
        Path k = key(delegatePath);
        return k.getParent() == null ? k : k.getParent();
    }

    private boolean metadataModelled() {
        return crashModel == Crash.METADATA_TOO;
    }

    /** Forgets the durable content of {@code delegatePath} and of everything under it. */
    private void dropDurable(Path delegatePath) {
        Path k = key(delegatePath);
        durable.keySet().removeIf(p -> p.startsWith(k));
    }

    /** Moves the durable content of {@code from} and of everything under it to {@code to}. */
    private void moveDurable(Path from, Path to) {
        Path f = key(from);
        Path t = key(to);
        dropDurable(t);
        Map<Path, byte[]> moved = new HashMap<>();
        for (Iterator<Map.Entry<Path, byte[]>> it = durable.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, byte[]> e = it.next();
            if (e.getKey().startsWith(f)) {
                moved.put(t.resolve(f.relativize(e.getKey()).toString()), e.getValue());
                it.remove();
            }
        }
        durable.putAll(moved);
    }

    /** A file or link was created (it did not exist before). */
    private synchronized void created(Path delegatePath) {
        if (!metadataModelled()) return;
        metaOps.add(new MetaOp(++clock, parentKey(delegatePath)) {
            @Override
            void undo() throws IOException {
                if (Files.exists(delegatePath, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(delegatePath, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(delegatePath);
                    dropDurable(delegatePath);
                }
            }
        });
    }

    private synchronized void createdDirectory(Path delegatePath) {
        if (!metadataModelled()) return;
        metaOps.add(new MetaOp(++clock, parentKey(delegatePath)) {
            @Override
            void undo() throws IOException {
                // its entry is lost, and with it whatever was put under it, synced or not
                if (Files.isDirectory(delegatePath, LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(delegatePath);
                    dropDurable(delegatePath);
                }
            }
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path c : ds) children.add(c);
            }
            for (Path c : children) deleteTree(c);
        }
        Files.delete(dir);
    }

    /** {@code replaced}: what {@code target} held before, when the move replaced it. */
    private synchronized void moved(Path source, Path target, Saved replaced) {
        moveDurable(source, target);
        if (!metadataModelled()) return;
        metaOps.add(new MetaOp(++clock, parentKey(target)) {
            @Override
            void undo() throws IOException {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(target, source);
                    moveDurable(target, source);
                }
                restore(target, replaced);
            }
        });
    }

    /** {@code before}: what it held. */
    private synchronized void deleted(Path delegatePath, Saved before) {
        dropDurable(delegatePath);
        if (!metadataModelled() || before == null) return;
        metaOps.add(new MetaOp(++clock, parentKey(delegatePath)) {
            @Override
            void undo() throws IOException {
                restore(delegatePath, before);
            }
        });
    }

    private synchronized void copied(Path target) {
        durable.put(key(target), new byte[0]);
    }

    /** A directory was synced: the metadata operations in it so far are durable. */
    private synchronized void synced(Path delegateDir) {
        lastSync.put(key(delegateDir), ++clock);
    }

    @Override
    public String toString() {
        return "FaultyFileSystem[" + delegate() + "]";
    }

    // ---- operations: counted, failed, tracked ----------------------------------------------------------------

    private Channel openChannel(Path path, Set<? extends OpenOption> options, boolean file, FileAttribute<?>... attrs) throws IOException {
        Path d = unwrap(path);
        FileSystemProvider inner = delegate().provider();
        if (writing(options)) {
            count(Op.OPEN_FOR_WRITE, path);
            // what is durable is the content before this open (which may truncate or create the file)
            boolean existed = Files.exists(d, LinkOption.NOFOLLOW_LINKS);
            byte[] before = Files.isRegularFile(d) ? Files.readAllBytes(d) : new byte[0];
            SeekableByteChannel ch = file ? inner.newFileChannel(d, options, attrs) : inner.newByteChannel(d, options, attrs);
            tracked(d, before);
            if (!existed) {
                created(d);
            }
            return register(new Channel(path, d, ch, true, false));
        }
        checkAlive(path);
        if (!readable(d)) {
            throw new java.nio.file.AccessDeniedException(path.toString());
        }
        if (Files.isDirectory(d)) {
            // a directory opened to sync it: where the delegate cannot (Jimfs), a channel that reads
            // nothing, so that its force is seen all the same
            SeekableByteChannel ch;
            try {
                ch = file ? inner.newFileChannel(d, options, attrs) : inner.newByteChannel(d, options, attrs);
            } catch (IOException | UnsupportedOperationException e) {
                ch = new EmptyChannel();
            }
            return register(new Channel(path, d, ch, false, true));
        }
        SeekableByteChannel ch = file ? inner.newFileChannel(d, options, attrs) : inner.newByteChannel(d, options, attrs);
        return register(new Channel(path, d, ch, false, false));
    }

    private synchronized Channel register(Channel c) {
        open.add(c);
        return c;
    }

    @Override
    protected SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        return openChannel(path, options, false, attrs);
    }

    @Override
    protected FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        return openChannel(path, options, true, attrs);
    }

    @Override
    protected DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        checkAlive(dir);
        return super.newDirectoryStream(dir, filter);
    }

    @Override
    protected void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        count(Op.CREATE_DIRECTORY, dir);
        super.createDirectory(dir, attrs);
        createdDirectory(unwrap(dir));
    }

    @Override
    protected void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        count(Op.LINK, link);
        super.createSymbolicLink(link, target, attrs);
        created(unwrap(link));
    }

    @Override
    protected void createLink(Path link, Path existing) throws IOException {
        count(Op.LINK, link);
        super.createLink(link, existing);
        created(unwrap(link));
    }

    @Override
    protected Path readSymbolicLink(Path link) throws IOException {
        checkAlive(link);
        return super.readSymbolicLink(link);
    }

    @Override
    protected void delete(Path path) throws IOException {
        count(Op.DELETE, path);
        Path d = unwrap(path);
        Saved before = saved(d);
        super.delete(path);
        deleted(d, before);
    }

    @Override
    protected void copy(Path source, Path target, CopyOption... options) throws IOException {
        count(Op.COPY, target);
        Path t = unwrap(target);
        boolean existed = Files.exists(t, LinkOption.NOFOLLOW_LINKS);
        super.copy(source, target, options);
        if (Files.isRegularFile(t, LinkOption.NOFOLLOW_LINKS)) {
            copied(t);
        }
        if (!existed) {
            created(t);
        }
    }

    @Override
    protected void move(Path source, Path target, CopyOption... options) throws IOException {
        count(Op.MOVE, target);
        Path s = unwrap(source);
        Path t = unwrap(target);
        Saved replaced = saved(t);
        super.move(source, target, options);
        moved(s, t, replaced);
    }

    @Override
    protected void checkAccess(Path path, AccessMode... modes) throws IOException {
        checkAlive(path);
        super.checkAccess(path, modes);
    }

    @Override
    protected <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options) throws IOException {
        checkAlive(path);
        return super.readAttributes(path, type, options);
    }

    @Override
    protected <A extends BasicFileAttributes> A readAttributesIfExists(Path path, Class<A> type, LinkOption... options) throws IOException {
        checkAlive(path);
        return super.readAttributesIfExists(path, type, options);
    }

    @Override
    protected boolean exists(Path path, LinkOption... options) {
        try {
            checkAlive(path);
        } catch (IOException e) {
            return false; // as Files.exists answers when it cannot tell
        }
        return super.exists(path, options);
    }

    @Override
    protected Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        checkAlive(path);
        return super.readAttributes(path, attributes, options);
    }

    @Override
    protected void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        count(Op.SET_ATTRIBUTE, path);
        super.setAttribute(path, attribute, value, options);
    }

    // ---- channels -----------------------------------------------------------------------------------------

    /** A FileChannel over the delegate's channel (a FileChannel or any SeekableByteChannel). */
    private final class Channel extends FileChannel {
        final Path path; // ours, for messages
        final Path file; // the delegate's
        final SeekableByteChannel inner;
        final boolean writable;
        final boolean directory;

        Channel(Path path, Path file, SeekableByteChannel inner, boolean writable, boolean directory) {
            this.path = path;
            this.file = file;
            this.inner = inner;
            this.writable = writable;
            this.directory = directory;
        }

        private FileChannel fileChannel() {
            if (inner instanceof FileChannel fc) return fc;
            throw new UnsupportedOperationException("the wrapped channel is not a FileChannel: " + inner.getClass().getName());
        }

        private void op(Op op) throws IOException {
            count(op, path);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            checkAlive(path);
            return inner.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            checkAlive(path);
            return fileChannel().read(dsts, offset, length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            op(Op.WRITE);
            return inner.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            op(Op.WRITE);
            return fileChannel().write(srcs, offset, length);
        }

        @Override
        public long position() throws IOException {
            return inner.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            inner.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return inner.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            op(Op.WRITE);
            inner.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            op(Op.FORCE);
            if (inner instanceof FileChannel fc) {
                fc.force(metaData);
            }
            if (writable) {
                forced(file);
            }
            if (directory) {
                synced(file);
            }
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            checkAlive(path);
            return fileChannel().transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            op(Op.WRITE);
            return fileChannel().transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            checkAlive(path);
            return fileChannel().read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            op(Op.WRITE);
            return fileChannel().write(src, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            if (mode != MapMode.READ_ONLY) {
                throw new UnsupportedOperationException("FaultyFileSystem does not model writes through mappings");
            }
            return fileChannel().map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return new Lock(this, fileChannel().lock(position, size, shared));
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            FileLock l = fileChannel().tryLock(position, size, shared);
            return l == null ? null : new Lock(this, l);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            synchronized (FaultyFileSystem.this) {
                open.remove(this);
            }
            inner.close();
        }
    }

    /** What a directory reads as where the delegate cannot open one: nothing. */
    private static final class EmptyChannel implements SeekableByteChannel {
        private boolean open = true;

        @Override public int read(ByteBuffer dst) { return -1; }
        @Override public int write(ByteBuffer src) throws IOException { throw new java.nio.channels.NonWritableChannelException(); }
        @Override public long position() { return 0; }
        @Override public SeekableByteChannel position(long newPosition) { return this; }
        @Override public long size() { return 0; }
        @Override public SeekableByteChannel truncate(long size) { throw new java.nio.channels.NonWritableChannelException(); }
        @Override public boolean isOpen() { return open; }
        @Override public void close() { open = false; }
    }

    private static final class Lock extends FileLock {
        private final FileLock inner;

        Lock(FileChannel channel, FileLock inner) {
            super(channel, inner.position(), inner.size(), inner.isShared());
            this.inner = inner;
        }

        @Override
        public boolean isValid() {
            return inner.isValid();
        }

        @Override
        public void release() throws IOException {
            inner.release();
        }
    }
}
