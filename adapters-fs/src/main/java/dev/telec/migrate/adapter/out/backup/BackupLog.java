package dev.telec.migrate.adapter.out.backup;

import dev.telec.migrate.adapter.out.fs.Ownership;
import dev.telec.migrate.adapter.out.fs.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
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
    private static final int MAGIC = 0x54454C42;
    private static final int MAX_HEADER = 1 << 20;

    enum Type { META, STEP, PRE, KEPT, ROLLED_BACK, END }

    /** The META record. */
    record Meta(String id, long seq, Instant started, String from, String to) {
    }

    /** One record read back: {@code image} for PRE (with its content's offset), {@code meta} for META, {@code to} for END. */
    record Entry(Type type, String step, PreImage image, Meta meta, String to) {
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
        boolean absent = image.kind() == PreImage.Kind.ABSENT;
        long offset = write(header, image.kind() == PreImage.Kind.FILE ? content : null, image.size(),
                absent ? Reach.WRITTEN : Reach.FORCED);
        return image.at(offset);
    }

    private synchronized void pending(byte[] header) {
        CRC32 crc = new CRC32();
        crc.update(header);
        ByteBuffer record = ByteBuffer.allocate(12 + header.length);
        record.putInt(MAGIC).putInt(header.length).put(header).putInt((int) crc.getValue());
        pending.write(record.array(), 0, record.capacity());
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

    /** Appends one record (with what is buffered, unless it is buffered too); the offset of its content. */
    private synchronized long write(byte[] header, Path content, long size, Reach reach) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(header);
        ByteBuffer head = ByteBuffer.allocate(8 + header.length);
        head.putInt(MAGIC).putInt(header.length).put(header);
        if (content == null && reach == Reach.BUFFERED) {
            ByteBuffer tail = ByteBuffer.allocate(4).putInt((int) crc.getValue());
            pending.write(head.array(), 0, head.capacity());
            pending.write(tail.array(), 0, 4);
            return -1;
        }
        long start = position;
        try {
            if (pending.size() > 0) {
                writeFully(ByteBuffer.wrap(pending.toByteArray()));
            }
            writeFully(head.flip());
            long offset = channel.position();
            if (content != null) copyContent(content, size, crc);
            ByteBuffer tail = ByteBuffer.allocate(4).putInt((int) crc.getValue());
            writeFully(tail.flip());
            if (reach == Reach.FORCED) channel.force(false);
            unforced = reach != Reach.FORCED;
            pending.reset();
            position = channel.position();
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
        if (pending.size() == 0 && !unforced) return;
        long start = position;
        try {
            writeFully(ByteBuffer.wrap(pending.toByteArray()));
            channel.force(false);
            unforced = false;
            pending.reset();
            position = channel.position();
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

    @Override
    public void close() throws IOException {
        channel.close();
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /** The valid records of the log at {@code file}; none when it does not exist. */
    static Contents read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        long valid = 0;
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            return new Contents(entries, 0);
        }
        try (Counting counting = new Counting(new BufferedInputStream(raw, 64 * 1024))) {
            DataInputStream in = new DataInputStream(counting);
            while (true) {
                Entry entry;
                try {
                    if (in.readInt() != MAGIC) break;
                    int length = in.readInt();
                    if (length <= 0 || length > MAX_HEADER) break;
                    byte[] header = in.readNBytes(length);
                    if (header.length != length) break;
                    CRC32 crc = new CRC32();
                    crc.update(header);
                    entry = parse(header, counting.count);
                    if (entry.type() == Type.PRE && entry.image().kind() == PreImage.Kind.FILE) {
                        long left = entry.image().size();
                        byte[] buffer = new byte[64 * 1024];
                        while (left > 0) {
                            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                            if (n < 0) throw new EOFException();
                            crc.update(buffer, 0, n);
                            left -= n;
                        }
                    }
                    if (in.readInt() != (int) crc.getValue()) break;
                } catch (EOFException | IllegalArgumentException e) {
                    break;
                }
                entries.add(entry);
                valid = counting.count;
            }
        }
        return new Contents(entries, valid);
    }

    /** The log's first record, when it is a META record; null otherwise (and when there is no log). */
    static Meta readMeta(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 512))) {
            if (in.readInt() != MAGIC) return null;
            int length = in.readInt();
            if (length <= 0 || length > MAX_HEADER) return null;
            byte[] header = in.readNBytes(length);
            if (header.length != length) return null;
            CRC32 crc = new CRC32();
            crc.update(header);
            if (in.readInt() != (int) crc.getValue()) return null;
            Entry e = parse(header, 0);
            return e.type() == Type.META ? e.meta() : null;
        } catch (NoSuchFileException | EOFException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Entry parse(byte[] header, long contentOffset) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(header));
        int t = in.readUnsignedByte();
        if (t >= Type.values().length) throw new IllegalArgumentException("unknown record " + t);
        Type type = Type.values()[t];
        String step = in.readUTF();
        switch (type) {
            case META:
                return new Entry(type, step, null,
                        new Meta(in.readUTF(), in.readLong(), Instant.ofEpochMilli(in.readLong()), in.readUTF(), in.readUTF()), "");
            case PRE: {
                String path = in.readUTF();
                int k = in.readUnsignedByte();
                if (k >= PreImage.Kind.values().length) throw new IllegalArgumentException("unknown kind " + k);
                PreImage image = new PreImage(path, PreImage.Kind.values()[k], in.readInt(), in.readInt(), in.readInt(),
                        in.readUTF(), in.readUTF(), in.readLong(), in.readUTF(), contentOffset, 0);
                long size = in.readLong();
                if (size < 0) throw new IllegalArgumentException("negative size");
                image = new PreImage(image.path(), image.kind(), image.mode(), image.uid(), image.gid(), image.owner(),
                        image.group(), image.mtime(), image.link(), contentOffset, size);
                return new Entry(type, step, image, null, "");
            }
            case END:
                return new Entry(type, step, null, null, in.readUTF());
            default:
                return new Entry(type, step, null, null, "");
        }
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
