package dev.telec.migrate.internal.adapter.out.backup;

import dev.telec.migrate.internal.adapter.out.fs.Ownership;
import dev.telec.migrate.internal.adapter.out.fs.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * One run's backup: an append-only log of records, each framed as {@code magic, header length, header,
 * content, CRC-32 of header and content}. A reader stops at the first record that is incomplete or does
 * not check out (a crash while it was written), so a log is always a valid prefix of what was written.
 *
 * <p>Records: {@code META} (the run: id, sequence number, start time, versions), {@code STEP} (a step's
 * window opens), {@code PRE} (one pre-image, with a file's content), {@code KEPT} (the step succeeded),
 * {@code ROLLED_BACK}, {@code END} (the run ended; the version the state records). A pre-image of something
 * (a file's content, a directory, a link) is forced before the change it precedes. A pre-image of "nothing"
 * is written at once but forced later, by {@link #force()} (see {@code FileBackups}: the run's durability
 * barrier, and any directory sync a step asks for); the other records are buffered and written with the next
 * pre-image or at the end.
 */
final class BackupLog implements Closeable {

    static final String NAME = "preimages.log";
    static final int MAGIC = 0x54454C42;
    static final int MAX_HEADER = 1 << 20;

    /**
     * Record kinds, by ordinal in the log (so only ever appended to): SNAPSHOT says the step's pre-images are
     * the whole home as it was before the step (a script step's), SETTLED that such a step ended and its
     * TOUCHED records name the snapshot's paths it changed.
     */
    enum Type { META, STEP, PRE, KEPT, ROLLED_BACK, END, SNAPSHOT, TOUCHED, SETTLED }

    /** The META record. */
    record Meta(String id, long seq, Instant started, String from, String to) {
    }

    /**
     * One record read back: {@code image} for PRE (with its content's offset), {@code meta} for META,
     * {@code text}: the version for END, the path for TOUCHED.
     */
    record Entry(Type type, String step, PreImage image, Meta meta, String text) {
        String to() {
            return text;
        }
    }

    /** A log as read: its valid records and where the valid prefix ends. */
    record Contents(List<Entry> entries, long validLength) {
    }

    private final Path file;
    private final FileChannel channel;
    private long position;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean unforced; // records written but not yet forced; guarded by "this"

    /** How far a record goes before {@link #write} returns. */
    private enum Reach { BUFFERED, WRITTEN, FORCED }

    private BackupLog(Path file, FileChannel channel, long position) {
        this.file = file;
        this.channel = channel;
        this.position = position;
    }

    /** Creates the log (owner-only) and makes its directory entry durable. */
    static BackupLog create(Path file) throws IOException {
        FileAttribute<?>[] attrs = file.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY)}
                : new FileAttribute<?>[0];
        FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs);
        try {
            Ownership.inherit(file);
            AtomicFiles.syncDirectory(file.getParent());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return new BackupLog(file, ch, 0);
    }

    /** Opens an existing log to append after its valid prefix (what follows it is cut off). */
    static BackupLog reopen(Path file, long validLength) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
        try {
            if (ch.size() > validLength) ch.truncate(validLength);
            ch.position(validLength);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return new BackupLog(file, ch, validLength);
    }

    Path file() {
        return file;
    }

    void meta(Meta meta) throws IOException {
        write(header(Type.META, "", out -> {
            out.writeUTF(meta.id());
            out.writeLong(meta.seq());
            out.writeLong(meta.started().toEpochMilli());
            out.writeUTF(meta.from());
            out.writeUTF(meta.to());
        }), null, 0, Reach.BUFFERED);
    }

    /** Buffered until the next forced record. */
    void step(String step) {
        pending(header(Type.STEP, step, out -> { }));
    }

    /** Buffered until the next forced record. */
    void kept(String step) {
        pending(header(Type.KEPT, step, out -> { }));
    }

    /** Forced, with every pre-image before it: the step's snapshot is whole and durable. */
    void snapshot(String step) throws IOException {
        write(header(Type.SNAPSHOT, step, out -> { }), null, 0, Reach.FORCED);
    }

    /** Buffered: one path of a snapshot that its step changed. */
    void touched(String step, String path) {
        pending(header(Type.TOUCHED, step, out -> out.writeUTF(path)));
    }

    /** Buffered: the step's TOUCHED records are all written. */
    void settled(String step) {
        pending(header(Type.SETTLED, step, out -> { }));
    }

    void rolledBack(String step) throws IOException {
        write(header(Type.ROLLED_BACK, step, out -> { }), null, 0, Reach.FORCED);
    }

    void end(String to) throws IOException {
        write(header(Type.END, "", out -> out.writeUTF(to)), null, 0, Reach.FORCED);
    }

    /**
     * Appends {@code image} and, for a file, {@code image.size()} bytes of {@code content}. When this returns
     * the pre-image is durable, or for a pre-image of "nothing" ({@link PreImage.Kind#ABSENT}) written, to be
     * forced by the next {@link #force()} or forced record: it then survives a killed process at once, and a
     * power loss once forced.
     *
     * @return the image with the offset of its content in the log
     * @throws IOException when it cannot be written (the log is cut back to what it held before)
     */
    PreImage pre(String step, PreImage image, Path content) throws IOException {
        return pre(step, image, content, image.kind() == PreImage.Kind.ABSENT);
    }

    /** Like {@link #pre(String, PreImage, Path)}; {@code defer}: written, forced by the next {@link #force()}. */
    PreImage pre(String step, PreImage image, Path content, boolean defer) throws IOException {
        byte[] header = header(Type.PRE, step, out -> {
            out.writeUTF(image.path());
            out.writeByte(image.kind().ordinal());
            out.writeInt(image.mode());
            out.writeInt(image.uid());
            out.writeInt(image.gid());
            out.writeUTF(image.owner());
            out.writeUTF(image.group());
            out.writeLong(image.mtime());
            out.writeUTF(image.link());
            out.writeLong(image.size());
        });
        long offset = write(header, image.kind() == PreImage.Kind.FILE ? content : null, image.size(),
                defer ? Reach.WRITTEN : Reach.FORCED);
        return image.at(offset);
    }

    private void pending(byte[] header) {
        try {
            write(header, null, 0, Reach.BUFFERED);
        } catch (IOException e) {
            throw new IllegalStateException("a buffered record is not written", e); // cannot happen: nothing is written
        }
    }

    private interface Fields {
        void write(DataOutputStream out) throws IOException;
    }

    /** In memory: nothing can fail but a name too long to write (over 64 KiB of UTF-8). */
    private static byte[] header(Type type, String step, Fields fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.writeByte(type.ordinal());
            out.writeUTF(step);
            fields.write(out);
            out.flush();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode a backup record: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * Appends one record ({@code header} null: none), with what is buffered unless it is buffered too; the
     * offset of its content. On failure the log is cut back to what it held before.
     */
    private synchronized long write(byte[] header, Path content, long size, Reach reach) throws IOException {
        CRC32 crc = new CRC32();
        ByteBuffer head = ByteBuffer.allocate(header == null ? 0 : 8 + header.length);
        if (header != null) {
            crc.update(header);
            head.putInt(MAGIC).putInt(header.length).put(header);
        }
        if (content == null && reach == Reach.BUFFERED) {
            pending.write(head.array(), 0, head.capacity());
            pending.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array(), 0, 4);
            return -1;
        }
        long start = position;
        try {
            // what is buffered, the record's header and (without content) its checksum: one write
            boolean whole = header != null && content == null;
            ByteBuffer first = ByteBuffer.allocate(pending.size() + head.capacity() + (whole ? 4 : 0));
            first.put(pending.toByteArray()).put(head.array());
            if (whole) first.putInt((int) crc.getValue());
            writeFully(first.flip());
            long offset = header == null ? -1 : start + pending.size() + head.capacity();
            if (content != null) {
                copyContent(content, size, crc);
                writeFully(ByteBuffer.allocate(4).putInt((int) crc.getValue()).flip());
            }
            if (reach == Reach.FORCED) channel.force(false);
            unforced = reach != Reach.FORCED;
            pending.reset();
            position = start + first.capacity() + (content != null ? size + 4 : 0);
            return offset;
        } catch (IOException | RuntimeException e) {
            try {
                channel.truncate(start);
                channel.position(start);
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void copyContent(Path content, long size, CRC32 crc) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(64 * 1024, Math.max(size, 1)));
        long left = size;
        try (FileChannel in = FileChannel.open(content, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            while (left > 0) {
                buffer.clear();
                if (left < buffer.capacity()) buffer.limit((int) left);
                int n = in.read(buffer);
                if (n < 0) throw new IOException(content + " changed while it was backed up");
                buffer.flip();
                crc.update(buffer.duplicate());
                writeFully(buffer);
                left -= n;
            }
        }
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) channel.write(buffer);
    }

    /** Whether records were written but not forced yet. */
    synchronized boolean unforced() {
        return unforced;
    }

    /** Writes what is buffered and forces everything written so far. */
    synchronized void force() throws IOException {
        if (pending.size() > 0 || unforced) write(null, null, 0, Reach.FORCED);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
