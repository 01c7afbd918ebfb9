package dev.telec.migrate.internal.adapter.out.state;

import static dev.telec.migrate.internal.adapter.out.fs.Causes.reason;

import dev.telec.migrate.internal.adapter.out.fs.AtomicFiles;
import dev.telec.migrate.api.StateException;
import dev.telec.migrate.domain.MigrationState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The snapshot {@code <home>/migration_state.json}: read with size limits, written atomically and durably
 * (see {@link AtomicFiles}), and compaction (the snapshot written, then the journal it holds deleted).
 * Temporary files a crash left behind are removed before this instance first writes into a home.
 */
final class StateSnapshot {

    /** The snapshot's name in a home. */
    static final String FILE_NAME = "migration_state.json";

    /** Larger state files and journals are refused unread. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    static final int CLEANED_HOMES = 64;

    private final StateCodec codec = new StateCodec();
    private final LongConsumer bytesWritten;
    /**
     * Homes whose leftover temporary files this store has already deleted, so a home is listed once, not on
     * every snapshot. Bounded (the most recent {@value #CLEANED_HOMES}): a long-lived store serving many homes
     * forgets old ones, which only means listing such a home again.
     */
    private final Set<Path> cleanedHomes = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<Path, Boolean>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Path, Boolean> eldest) {
                    return size() > CLEANED_HOMES;
                }
            }));

    StateSnapshot(LongConsumer bytesWritten) {
        this.bytesWritten = bytesWritten;
    }

    /** The snapshot of {@code home}; the empty state when the home or the file does not exist. */
    MigrationState load(Path home) {
        Path file = home.resolve(FILE_NAME);
        BasicFileAttributes homeAttributes;
        try {
            homeAttributes = Files.readAttributes(home, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return MigrationState.EMPTY;
        } catch (IOException e) {
            throw new StateException(home, "cannot read the home: " + reason(e), e);
        }
        if (!homeAttributes.isDirectory()) {
            throw new StateException(home, "not a directory; a home must be a directory", null);
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return MigrationState.EMPTY;
        } catch (IOException e) {
            throw new StateException(file, "cannot read: " + reason(e), e);
        }
        if (attributes.isDirectory()) {
            throw new StateException(file, "is a directory, not a state file", null);
        }
        if (!attributes.isRegularFile()) {
            throw new StateException(file, "not a regular file", null);
        }
        if (attributes.size() > MAX_BYTES) {
            throw tooLarge(file, attributes.size());
        }
        byte[] bytes;
        try {
            bytes = read(file);
        } catch (IOException e) {
            throw new StateException(file, "cannot read: " + reason(e), e);
        }
        return codec.parse(file, bytes);
    }

    /**
     * The bytes of a state file or journal, at most {@link #MAX_BYTES}.
     *
     * @throws NoSuchFileException when there is no such file
     */
    static byte[] read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) throw tooLarge(file, bytes.length);
        return bytes;
    }

    /**
     * Writes {@code state} as the snapshot, atomically and durably, then deletes {@code journal}, whose records
     * the snapshot holds. Callers force pending journal records first, so that a failed write loses none.
     */
    void compact(Path home, MigrationState state, Path journal) {
        write(home, state);
        try {
            Files.deleteIfExists(journal);
        } catch (IOException e) {
            throw new StateException(journal, "cannot delete after compacting it into " + FILE_NAME + ": " + reason(e), e);
        }
    }

    private void write(Path home, MigrationState state) {
        Path file = home.resolve(FILE_NAME);
        byte[] bytes = codec.serialize(state);
        try {
            AtomicFiles.createDirectories(home);
        } catch (FileAlreadyExistsException e) {
            String blocker = e.getFile();
            throw new StateException(home, blocker == null || blocker.equals(home.toAbsolutePath().toString())
                    ? "not a directory; a home must be a directory"
                    : "cannot create the home: " + blocker + " is not a directory", e);
        } catch (IOException e) {
            throw new StateException(file, "cannot create the home: " + reason(e), e);
        }
        if (Files.isDirectory(file)) {
            throw new StateException(file, "is a directory, not a state file", null);
        }
        Path key = home.toAbsolutePath().normalize();
        if (cleanedHomes.add(key)) {
            try {
                AtomicFiles.deleteLeftovers(file);
            } catch (IOException e) {
                cleanedHomes.remove(key); // the home cannot be listed; the write below reports the real problem
            }
        }
        try {
            AtomicFiles.write(file, bytes);
            bytesWritten.accept(bytes.length);
        } catch (IOException e) {
            throw new StateException(file, "cannot write: " + reason(e), e);
        }
    }

    static StateException tooLarge(Path file, long size) {
        return new StateException(file, "too large for a state file: " + size + " bytes (the limit is 64 MiB)", null);
    }
}
