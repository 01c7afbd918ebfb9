package dev.telec.migrate.internal.adapter.out.state;

import dev.telec.migrate.internal.adapter.out.fs.AtomicFiles;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.telec.migrate.domain.HistoryEntry;
import dev.telec.migrate.spi.DurabilityBarrier;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The append-only journal beside a home's state snapshot, {@code <home>/migration_state.journal}: one JSON
 * object a line, each the history entry of one recorded step, its position in the history, and a CRC-32
 * of the rest of the line:
 *
 * <pre>{@code {"n":12,"id":"1.2.0/001_move_sessions","outcome":"applied","at":"2026-11-23T10:15:02Z","crc":"5d2c0e1f"}}</pre>
 *
 * <p>Loading applies, on top of the snapshot, the records that continue its history ({@code n} equal to
 * the history's length so far); records already in the snapshot ({@code n} smaller: a crash came between a
 * compaction and the journal's deletion) are skipped. Reading stops at the first line that is torn, fails
 * its checksum or does not continue the history: what follows it was never made durable as a whole, and a
 * lost record only makes the next run ask that step's {@code check()} again. Writers truncate the journal
 * to its valid length before appending.
 */
final class StateJournal {

    /** The journal's name in a home. */
    static final String FILE_NAME = "migration_state.journal";

    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] CRC_KEY = ",\"crc\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final Set<String> KEYS = Set.of("n", "id", "outcome", "at", "checksum");

    private StateJournal() {
    }

    /** What a journal adds to a snapshot, and how many of its bytes are valid. */
    record Replay(MigrationState state, long validLength, int records) {
    }

    static Replay replay(MigrationState snapshot, byte[] bytes) {
        MigrationState.Builder builder = null;
        int size = snapshot.history().size();
        int records = 0;
        int start = 0;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            if (end < 0) break; // torn tail
            Parsed p = parse(bytes, start, end);
            if (p == null || p.n > size) break;
            if (p.n == size) {
                if (builder == null) builder = snapshot.toBuilder();
                builder.add(p.entry);
                size++;
                records++;
            }
            start = end + 1;
        }
        return new Replay(builder == null ? snapshot : builder.build(), start, records);
    }

    /** One record's line, newline included. */
    static byte[] line(int n, HistoryEntry entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("n", n);
            g.writeStringField("id", entry.id());
            g.writeStringField("outcome", entry.outcome().wireName());
            g.writeStringField("at", DateTimeFormatter.ISO_INSTANT.format(entry.at()));
            if (entry.checksum().isPresent()) g.writeStringField("checksum", entry.checksum().get());
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize " + entry, e);
        }
        byte[] body = out.toByteArray(); // {...}
        String crc = crcOf(body, 0, body.length - 1);
        ByteArrayOutputStream line = new ByteArrayOutputStream(body.length + 24);
        line.write(body, 0, body.length - 1);
        line.writeBytes(CRC_KEY);
        line.writeBytes(crc.getBytes(StandardCharsets.US_ASCII));
        line.writeBytes("\"}\n".getBytes(StandardCharsets.US_ASCII));
        return line.toByteArray();
    }

    private record Parsed(int n, HistoryEntry entry) {
    }

    /** The record in {@code bytes[start, end)}, or null when it is not a whole, valid record. */
    private static Parsed parse(byte[] bytes, int start, int end) {
        int suffix = CRC_KEY.length + 8 + 2; // ,"crc":"xxxxxxxx"}
        if (end - start < suffix + 2 || bytes[end - 1] != '}' || bytes[end - 2] != '"') return null;
        int bodyEnd = end - suffix;
        for (int i = 0; i < CRC_KEY.length; i++) {
            if (bytes[bodyEnd + i] != CRC_KEY[i]) return null;
        }
        String crc = new String(bytes, bodyEnd + CRC_KEY.length, 8, StandardCharsets.US_ASCII);
        if (!crc.equals(crcOf(bytes, start, bodyEnd - start))) return null;
        // the body without the checksum: {...} once the closing brace is put back
        byte[] body = new byte[bodyEnd - start + 1];
        System.arraycopy(bytes, start, body, 0, bodyEnd - start);
        body[body.length - 1] = '}';
        try (JsonParser p = JSON.createParser(body)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            Integer n = null;
            String id = null;
            String outcome = null;
            String at = null;
            String checksum = null;
            Set<String> seen = new HashSet<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String key = p.currentName();
                if (t != JsonToken.FIELD_NAME || !KEYS.contains(key) || !seen.add(key)) return null;
                JsonToken v = p.nextToken();
                switch (key) {
                    case "n" -> n = v == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
                    case "id" -> id = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "outcome" -> outcome = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "checksum" -> checksum = v == JsonToken.VALUE_STRING ? p.getText() : "";
                    default -> at = v == JsonToken.VALUE_STRING ? p.getText() : null;
                }
            }
            if (p.nextToken() != null || n == null || n < 0 || id == null || outcome == null || at == null) return null;
            StepOutcome o = StepOutcome.fromWireName(outcome);
            if (!o.isRecord()) return null;
            return new Parsed(n, new HistoryEntry(id, o, Instants.parse(at), java.util.Optional.ofNullable(checksum)));
        } catch (IOException | RuntimeException e) {
            return null; // a record that checks out but does not parse is not ours: stop here
        }
    }

    private static String crcOf(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        String hex = Long.toHexString(crc.getValue());
        return "0".repeat(8 - hex.length()) + hex;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) return i;
        }
        return -1;
    }

    /**
     * The open journal of one home during a run: records are buffered and written with one write and one
     * {@code force} per group (group commit).
     */
    static final class Writer {
        private final Path file;
        private final long validLength;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private int pendingRecords;
        private long pendingSince;
        private FileChannel channel;
        int next; // the history position of the next record
        // flushed before the pending records are written: their steps' directory changes come first
        private DurabilityBarrier barrier = DurabilityBarrier.NONE;

        Writer(Path file, long validLength, int next) {
            this.file = file;
            this.validLength = validLength;
            this.next = next;
        }

        /**
         * Buffers a record, to be written after {@code barrier} is flushed; returns whether the group is due to
         * be committed.
         */
        boolean append(HistoryEntry entry, DurabilityBarrier barrier, int maxRecords, long maxNanos, long now) {
            this.barrier = barrier;
            if (pendingRecords == 0) pendingSince = now;
            pending.writeBytes(line(next, entry));
            next++;
            pendingRecords++;
            return pendingRecords >= maxRecords || now - pendingSince >= maxNanos;
        }

        boolean hasPending() {
            return pendingRecords > 0;
        }

        /**
         * Flushes the records' barrier, then writes the buffered records and forces them to storage.
         *
         * @return the bytes written
         */
        int flush(Set<java.nio.file.attribute.PosixFilePermission> permissions) throws IOException {
            if (pendingRecords == 0) return 0;
            barrier.flush();
            boolean creating = false;
            if (channel == null) {
                creating = !java.nio.file.Files.exists(file);
                FileAttribute<?>[] attrs = file.getFileSystem().supportedFileAttributeViews().contains("posix")
                        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                        : new FileAttribute<?>[0];
                channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), attrs);
                if (creating) dev.telec.migrate.internal.adapter.out.fs.Ownership.inherit(file);
                channel.truncate(validLength); // drop a torn tail: records after it would never be read
                channel.position(validLength);
            }
            ByteBuffer buf = ByteBuffer.wrap(pending.toByteArray());
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
            if (creating) {
                AtomicFiles.syncDirectory(file.getParent()); // a forced record is lost with its file's name
            }
            pending.reset();
            pendingRecords = 0;
            return buf.capacity();
        }

        void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // everything written was forced already
                }
                channel = null;
            }
        }
    }
}
