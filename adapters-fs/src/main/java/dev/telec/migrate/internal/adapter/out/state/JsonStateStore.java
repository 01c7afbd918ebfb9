package dev.telec.migrate.internal.adapter.out.state;

import static dev.telec.migrate.internal.adapter.out.fs.Causes.reason;

import dev.telec.migrate.internal.adapter.out.fs.AtomicFiles;
import dev.telec.migrate.internal.adapter.out.fs.DirectorySyncs;
import dev.telec.migrate.api.StateException;
import dev.telec.migrate.internal.application.port.out.StateStore;
import dev.telec.migrate.domain.HistoryEntry;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.spi.DurabilityBarrier;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The state of a home in {@code <home>/migration_state.json}:
 *
 * <pre>{@code
 * {
 *   "app": "teleclaude",
 *   "applied": ["1.1.0/001_rename_feature_toggle", "1.2.0/001_move_sessions"],
 *   "version": "1.2.0",
 *   "history": [{"id": "1.1.0/001_rename_feature_toggle", "outcome": "applied", "at": "2026-11-23T10:15:02Z"}]
 * }
 * }</pre>
 *
 * <p>{@code applied} is the only required key, so that the reference runner's files
 * ({@code {"applied": ["1.1.0/001_example.py"]}}) read as states, and ours read as theirs. Reading is strict:
 * anything else in the file is an error that names the file, and a load neither modifies a file nor opens
 * one for writing. Records go to the journal {@code migration_state.journal} ({@link StateJournal}) and are
 * compacted into the snapshot by {@link #save}.
 *
 * <p>The jobs are split: {@link StateCodec} (bytes to and from the domain, with {@link StateDocument}),
 * {@link StateSnapshot} (the snapshot file and compaction), {@link Journals} (the open journals); this class
 * only orders them.
 */
public final class JsonStateStore implements StateStore {

    /** The state file's name in a home. */
    public static final String FILE_NAME = StateSnapshot.FILE_NAME;

    /** The journal's name in a home: records appended since the state file was last written. */
    public static final String JOURNAL_NAME = StateJournal.FILE_NAME;

    /** Larger files are refused unread. */
    public static final long MAX_BYTES = StateSnapshot.MAX_BYTES;

    /** Records buffered before a group commit at most. */
    static final int GROUP_RECORDS = Journals.GROUP_RECORDS;

    private final StateSnapshot snapshot;
    private final Journals journals;

    public JsonStateStore() {
        this(bytes -> { });
    }

    /**
     * @param bytesWritten told the size of every snapshot and journal group written: the benchmark's measure
     *     of write volume (TELEC_STATS)
     */
    public JsonStateStore(LongConsumer bytesWritten) {
        this(bytesWritten, System::nanoTime);
    }

    /** A store whose group-commit timer is {@code nanoTime}: tests that count groups stop it. */
    JsonStateStore(LongSupplier nanoTime) {
        this(bytes -> { }, nanoTime);
    }

    /** @param nanoTime the clock of the group commit's time limit ({@link Journals#GROUP_NANOS}) */
    JsonStateStore(LongConsumer bytesWritten, LongSupplier nanoTime) {
        Objects.requireNonNull(bytesWritten, "bytesWritten");
        this.snapshot = new StateSnapshot(bytesWritten);
        this.journals = new Journals(bytesWritten, Objects.requireNonNull(nanoTime, "nanoTime"));
    }

    /**
     * The snapshot {@code migration_state.json} with the records of {@code migration_state.journal} that
     * continue it (see {@link StateJournal}); a torn or corrupt journal tail is ignored.
     */
    @Override
    public MigrationState load(Path home) {
        return Journals.replay(home, snapshot.load(home)).state();
    }

    /**
     * Appends the record to the home's journal; records are written and forced in groups of up to
     * {@value Journals#GROUP_RECORDS} or every 200 ms, and always by {@link #commit} or {@link #save}. Only
     * records of steps whose {@code migrate()} has returned are ever written (see {@link StateStore#record}).
     */
    @Override
    public void record(Path home, HistoryEntry entry) {
        record(home, entry, DurabilityBarrier.NONE);
    }

    /** Like {@link #record(Path, HistoryEntry)}; {@code barrier} is flushed before the record's group is written. */
    @Override
    public void record(Path home, HistoryEntry entry, DurabilityBarrier barrier) {
        journals.append(home, entry, barrier, snapshot);
    }

    /** A barrier that syncs the directories asked for ({@link DirectorySyncs}); one per run. */
    @Override
    public DurabilityBarrier newBarrier() {
        return new DirectorySyncs();
    }

    /** Makes the records durable and compacts them into the snapshot {@code state}. */
    @Override
    public void commit(Path home, MigrationState state) {
        save(home, state);
    }

    /**
     * Writes {@code state} as the snapshot, atomically and durably, then deletes the journal, whose records
     * the snapshot holds (compaction). Pending journal records are forced first, so that a failed snapshot
     * write loses none of them.
     */
    @Override
    public void save(Path home, MigrationState state) {
        journals.close(home);
        snapshot.compact(home, state, Journals.of(home));
    }

    /** The journal, with how many records it adds to the snapshot, and temporary files of the state file. */
    @Override
    public List<String> leftovers(Path home) {
        List<String> found = new ArrayList<>();
        byte[] bytes = Journals.read(home);
        if (bytes != null) {
            int records = StateJournal.replay(snapshot.load(home), bytes).records();
            found.add(JOURNAL_NAME + " (" + records + (records == 1 ? " record" : " records")
                    + " not yet compacted into " + FILE_NAME + ")");
        }
        Path file = home.resolve(FILE_NAME);
        if (Files.isDirectory(home)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(home)) {
                List<String> temps = new ArrayList<>();
                for (Path p : entries) {
                    if (AtomicFiles.isTempFileOf(file, p)) temps.add(p.getFileName() + " (left by an interrupted write)");
                }
                temps.sort(null);
                found.addAll(temps);
            } catch (IOException e) {
                throw new StateException(home, "cannot list the home: " + reason(e), e);
            }
        }
        return found;
    }

    /** Removes the state file's leftover temporary files, then saves {@code state}, which deletes the journal. */
    @Override
    public void tidy(Path home, MigrationState state) {
        try {
            if (Files.isDirectory(home)) AtomicFiles.deleteLeftovers(home.resolve(FILE_NAME));
        } catch (IOException e) {
            throw new StateException(home, "cannot list the home: " + reason(e), e);
        }
        save(home, state);
    }
}
