package dev.telec.migrate.internal.adapter.out.backup;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/** Reads a {@link BackupLog} back: its valid prefix, up to the first record that is torn or does not check out. */
final class BackupLogReader {

    private BackupLogReader() {
    }

    /** The valid records of the log at {@code file}; none when it does not exist. */
    static BackupLog.Contents read(Path file) throws IOException {
        List<BackupLog.Entry> entries = new ArrayList<>();
        long valid = 0;
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            return new BackupLog.Contents(entries, 0);
        }
        try (Counting counting = new Counting(new BufferedInputStream(raw, 64 * 1024))) {
            DataInputStream in = new DataInputStream(counting);
            while (true) {
                BackupLog.Entry entry;
                try {
                    if (in.readInt() != BackupLog.MAGIC) break;
                    int length = in.readInt();
                    if (length <= 0 || length > BackupLog.MAX_HEADER) break;
                    byte[] header = in.readNBytes(length);
                    if (header.length != length) break;
                    CRC32 crc = new CRC32();
                    crc.update(header);
                    entry = parse(header, counting.count);
                    if (entry.type() == BackupLog.Type.PRE && entry.image().kind() == PreImage.Kind.FILE) {
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
        return new BackupLog.Contents(entries, valid);
    }

    /** The log's first record, when it is a META record; null otherwise (and when there is no log). */
    static BackupLog.Meta readMeta(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 512))) {
            if (in.readInt() != BackupLog.MAGIC) return null;
            int length = in.readInt();
            if (length <= 0 || length > BackupLog.MAX_HEADER) return null;
            byte[] header = in.readNBytes(length);
            if (header.length != length) return null;
            CRC32 crc = new CRC32();
            crc.update(header);
            if (in.readInt() != (int) crc.getValue()) return null;
            BackupLog.Entry e = parse(header, 0);
            return e.type() == BackupLog.Type.META ? e.meta() : null;
        } catch (NoSuchFileException | EOFException | IllegalArgumentException e) {
            return null;
        }
    }

    private static BackupLog.Entry parse(byte[] header, long contentOffset) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(header));
        int t = in.readUnsignedByte();
        if (t >= BackupLog.Type.values().length) throw new IllegalArgumentException("unknown record " + t);
        BackupLog.Type type = BackupLog.Type.values()[t];
        String step = in.readUTF();
        switch (type) {
            case META:
                return new BackupLog.Entry(type, step, null,
                        new BackupLog.Meta(in.readUTF(), in.readLong(), Instant.ofEpochMilli(in.readLong()), in.readUTF(), in.readUTF()), "");
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
                return new BackupLog.Entry(type, step, image, null, "");
            }
            case END:
            case TOUCHED:
                return new BackupLog.Entry(type, step, null, null, in.readUTF());
            default:
                return new BackupLog.Entry(type, step, null, null, "");
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
