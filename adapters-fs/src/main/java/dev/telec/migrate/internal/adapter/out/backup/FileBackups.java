package dev.telec.migrate.internal.adapter.out.backup;

import dev.telec.migrate.internal.adapter.out.fs.Causes;
import dev.telec.migrate.internal.adapter.out.fs.FileTrees;
import dev.telec.migrate.internal.adapter.out.fs.Ownership;
import dev.telec.migrate.internal.adapter.out.fs.AtomicFiles;
import dev.telec.migrate.internal.adapter.out.state.JsonStateStore;
import dev.telec.migrate.internal.adapter.out.fs.diff.DiffRenderer;
import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.internal.application.port.out.Backups;
import dev.telec.migrate.internal.application.port.out.Sandbox;
import dev.telec.migrate.domain.BackupSummary;
import dev.telec.migrate.domain.Change;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Backups in the home itself, under {@code .telec/backups/<run-id>/}: one {@link BackupLog} per run, holding
 * the state files as they were when the run started and the pre-images each step saved through its
 * {@link PreImageFileSystem}. A run's directory gets a {@code finished} file when the run ended; one without
 * it is a run that was killed, and the next run rolls back its steps the state does not record. A restore
 * ({@link RestoreRuns}) writes {@code .telec/restore.pending} before it changes anything and deletes it last.
 */
public final class FileBackups implements Backups {

    /** telec's own directory in a home: never a step's to change, never matched by a pattern, never simulated. */
    public static final String DIRECTORY = ".telec";
    static final String RUNS = "backups";
    static final String FINISHED = "finished";
    static final String PENDING = "restore.pending";
    private static final List<String> STATE_FILES = List.of(JsonStateStore.FILE_NAME, JsonStateStore.JOURNAL_NAME);
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Clock clock;

    public FileBackups(Clock clock) {
        this.clock = clock;
    }

    static Path runsOf(Path home) {
        return home.resolve(DIRECTORY).resolve(RUNS);
    }

    // ---- a run -----------------------------------------------------------------------------------------------

    @Override
    public Run start(Path home, Version from, Version to, OptionalLong snapshotLimit) {
        Path runs = runsOf(home);
        Path dir = null;
        if (snapshotLimit.isPresent()) refuseALargeSnapshot(home, snapshotLimit.getAsLong());
        try {
            AtomicFiles.createDirectories(runs);
            long seq = 1;
            for (BackupLog.Meta m : KeptRun.metas(home)) seq = Math.max(seq, m.seq() + 1);
            String base = ID.format(clock.instant());
            String id = base;
            for (int n = 2; Files.exists(runs.resolve(id)); n++) id = base + "-" + n;
            dir = runs.resolve(id);
            Files.createDirectory(dir);
            Ownership.inherit(dir); // run as root on a user's home, nothing telec writes becomes root's
            AtomicFiles.syncDirectory(runs);
            BackupLog log = BackupLog.create(dir.resolve(BackupLog.NAME));
            try {
                log.meta(new BackupLog.Meta(id, seq, clock.instant(), from.toString(), to.toString()));
                for (String name : STATE_FILES) {
                    Path file = home.resolve(name);
                    log.pre("", PreImage.of(name, file), file);
                }
                return new RunBackup(home, log);
            } catch (IOException | RuntimeException e) {
                log.close();
                throw e;
            }
        } catch (IOException e) {
            if (dir != null) deleteQuietly(dir);
            throw new TelecException(dir == null ? runs : dir, "cannot save the backup of this run: " + Causes.reasonAt(e)
                    + " (nothing was changed; --no-backup runs without one)", e);
        }
    }

    /** Before anything is written: a home too large to snapshot before its script steps refuses the run. */
    private static void refuseALargeSnapshot(Path home, long limit) {
        long size;
        try {
            size = HomeSnapshot.size(home);
        } catch (IOException e) {
            throw new TelecException(home, "cannot measure the home for the snapshot taken before script steps: " + Causes.reasonAt(e)
                    + " (nothing was changed; --no-backup runs without one)", e);
        }
        if (size > limit) {
            throw new TelecException(home, "the home holds " + Causes.describeSize(size) + ", more than backup_limit ("
                    + Causes.describeSize(limit) + ") for the snapshot taken before its script steps; nothing was changed"
                    + " (raise backup_limit: in telec.yaml, or run with --no-backup to run without a backup)", null);
        }
    }

    // ---- recovery --------------------------------------------------------------------------------------------

    @Override
    public List<MigrationId> recover(Path home, MigrationState state) {
        Path pending = home.resolve(DIRECTORY).resolve(PENDING);
        if (Files.exists(pending)) {
            throw new TelecException(pending, "a restore of this home was interrupted; run telec restore to finish it first", null);
        }
        List<MigrationId> undone = new ArrayList<>();
        try {
            for (KeptRun run : KeptRun.all(home, true)) {
                List<HomeRestorer.Saved> images = new ArrayList<>();
                List<MigrationId> ids = new ArrayList<>();
                boolean sweep = false;
                for (Map.Entry<String, KeptRun.Undo> s : run.steps(true).entrySet()) {
                    if (s.getKey().isEmpty()) continue;
                    MigrationId id = MigrationId.parse(s.getKey());
                    if (!state.isApplied(id)) {
                        ids.add(id);
                        images.addAll(s.getValue().images());
                        sweep |= s.getValue().sweep();
                    }
                }
                if (!images.isEmpty()) HomeRestorer.restore(home, undo(home, images, sweep, run.dir()));
                try (BackupLog log = BackupLog.reopen(run.dir().resolve(BackupLog.NAME), run.contents().validLength())) {
                    for (MigrationId id : ids) log.rolledBack(id.toString());
                    log.end("");
                }
                finished(run.dir());
                undone.addAll(0, ids);
            }
        } catch (IOException e) {
            throw new TelecException(runsOf(home), "cannot roll back what an interrupted run left: " + Causes.reasonAt(e), e);
        }
        undone.sort(Comparator.naturalOrder());
        return undone;
    }

    /** The earliest pre-image of each path, and with {@code sweep} a pre-image of "nothing" for every other path. */
    static List<HomeRestorer.Saved> undo(Path home, List<HomeRestorer.Saved> images, boolean sweep, Path dir)
            throws IOException {
        List<HomeRestorer.Saved> undo = earliest(images);
        if (sweep) undo.addAll(HomeSnapshot.created(home, undo, dir.resolve(BackupLog.NAME)));
        return undo;
    }

    /** For each path, its first pre-image in {@code images} (given oldest first): what it held before them all. */
    private static List<HomeRestorer.Saved> earliest(List<HomeRestorer.Saved> images) {
        Map<String, HomeRestorer.Saved> first = new LinkedHashMap<>();
        for (HomeRestorer.Saved s : images) first.putIfAbsent(s.image().path(), s);
        return new ArrayList<>(first.values());
    }

    // ---- list, restore, prune --------------------------------------------------------------------------------

    @Override
    public List<BackupSummary> list(Path home) {
        try {
            List<BackupSummary> summaries = new ArrayList<>();
            for (KeptRun run : KeptRun.all(home, false)) {
                int steps = (int) run.steps(false).keySet().stream().filter(s -> !s.isEmpty()).count();
                summaries.add(new BackupSummary(run.meta().id(), run.meta().started(), Version.parse(run.meta().from()),
                        run.to().map(Version::parse), steps, size(run.dir()), run.finished()));
            }
            return summaries;
        } catch (IOException e) {
            throw new TelecException(runsOf(home), "cannot read the backups: " + Causes.reasonAt(e), e);
        }
    }

    /** The runs an interrupted restore was putting back, newest first, if one was interrupted. */
    @Override
    public Optional<List<String>> interrupted(Path home) {
        Path pending = home.resolve(DIRECTORY).resolve(PENDING);
        try {
            List<String> lines = Files.readAllLines(pending, StandardCharsets.UTF_8);
            return Optional.of(lines.stream().skip(1).filter(l -> !l.isBlank()).toList());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new TelecException(pending, "cannot read: " + Causes.reasonAt(e), e);
        }
    }

    @Override
    public List<Change> preview(Path home, List<String> runIds, Sandbox.Diffs diffs) {
        return RestoreRuns.preview(home, runIds, new DiffRenderer(diffs));
    }

    @Override
    public List<Change> restore(Path home, List<String> runIds, Consumer<List<MigrationId>> undone) {
        return RestoreRuns.restore(home, runIds, undone);
    }

    @Override
    public void prune(Path home, int keep) {
        try {
            List<KeptRun> runs = KeptRun.all(home, false);
            for (int i = keep; i < runs.size(); i++) deleteTree(runs.get(i).dir());
        } catch (IOException e) {
            // pruning is tidying: the next successful run tries again
        }
    }

    private static long size(Path dir) throws IOException {
        long[] total = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                total[0] += attrs.size();
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        // the log first: a backup without its log is nothing, whatever else a crash leaves
        Files.deleteIfExists(root.resolve(BackupLog.NAME));
        FileTrees.delete(root);
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException | RuntimeException e) {
            // a run directory without a valid log is skipped and pruned later
        }
    }

    /** Marks a run's backup finished; not synced: a lost mark only makes the next run read the log's end record. */
    static void finished(Path dir) throws IOException {
        Path mark = dir.resolve(FINISHED);
        Files.write(mark, new byte[0]);
        Ownership.inherit(mark);
    }
}
