package dev.telec.migrate.internal.adapter.out.state;

import static dev.telec.migrate.internal.adapter.out.fs.Causes.reason;

import dev.telec.migrate.internal.adapter.out.fs.AtomicFiles;
import dev.telec.migrate.api.StateException;
import dev.telec.migrate.domain.HistoryEntry;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.spi.DurabilityBarrier;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The open journals ({@link StateJournal.Writer}) of the homes a store writes into. A home's writer is
 * opened by its first record, from the snapshot and journal as they are then, and closed by a compaction
 * or a failed write; reading a state never opens one.
 */
final class Journals {

    /** Records buffered before a group commit at most. */
    static final int GROUP_RECORDS = 256;

    /** How long a record stays buffered at most before its group is committed. */
    static final long GROUP_NANOS = 200_000_000L;

    private final Map<Path, StateJournal.Writer> open = new ConcurrentHashMap<>();
    private final LongConsumer bytesWritten;
    private final LongSupplier nanoTime;

    Journals(LongConsumer bytesWritten, LongSupplier nanoTime) {
        this.bytesWritten = bytesWritten;
        this.nanoTime = nanoTime;
    }

    static Path of(Path home) {
        return home.resolve(StateJournal.FILE_NAME);
    }

    /** The journal's bytes, or null when {@code home} has none. */
    static byte[] read(Path home) {
        Path journal = of(home);
        try {
            return StateSnapshot.read(journal);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new StateException(journal, "cannot read: " + reason(e), e);
        }
    }

    /** {@code snapshot} continued by the records of {@code home}'s journal. */
    static StateJournal.Replay replay(Path home, MigrationState snapshot) {
        byte[] bytes = read(home);
        return bytes == null ? new StateJournal.Replay(snapshot, 0, 0) : StateJournal.replay(snapshot, bytes);
    }

    /**
     * Buffers the record in {@code home}'s journal, opening it on {@code snapshot} (read only now) when this
     * is the home's first record, and commits the group when it is due.
     */
    void append(Path home, HistoryEntry entry, DurabilityBarrier barrier, StateSnapshot snapshot) {
        StateJournal.Writer writer = open.computeIfAbsent(key(home), k -> {
            StateJournal.Replay replay = replay(home, snapshot.load(home));
            return new StateJournal.Writer(of(home), replay.validLength(), replay.state().history().size());
        });
        if (writer.append(entry, barrier, GROUP_RECORDS, GROUP_NANOS, nanoTime.getAsLong())) {
            flush(home, writer);
        }
    }

    /** Forces {@code home}'s pending records, if any, and closes its journal. */
    void close(Path home) {
        StateJournal.Writer writer = open.remove(key(home));
        if (writer == null) return;
        try {
            if (writer.hasPending()) flush(home, writer);
        } finally {
            writer.close();
        }
    }

    private void flush(Path home, StateJournal.Writer writer) {
        try {
            if (!Files.isDirectory(home)) {
                try {
                    AtomicFiles.createDirectories(home);
                } catch (FileAlreadyExistsException e) {
                    throw new StateException(home, "not a directory; a home must be a directory", e);
                }
            }
            // the writer flushes the records' barrier first: the steps' directory changes before their records
            bytesWritten.accept(writer.flush(AtomicFiles.OWNER_ONLY));
        } catch (IOException e) {
            writer.close();
            open.remove(key(home));
            throw new StateException(of(home), "cannot write: " + reason(e), e);
        }
    }

    private static Path key(Path home) {
        return home.toAbsolutePath().normalize();
    }
}
