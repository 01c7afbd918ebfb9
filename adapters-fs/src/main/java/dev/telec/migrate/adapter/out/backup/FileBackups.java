package dev.telec.migrate.adapter.out.backup;

import dev.telec.migrate.adapter.out.fs.FileTrees;
import dev.telec.migrate.adapter.out.fs.Ownership;
import dev.telec.migrate.adapter.out.fs.AtomicFiles;
import dev.telec.migrate.adapter.out.state.JsonStateStore;
import dev.telec.migrate.application.TelecException;
import dev.telec.migrate.application.port.out.Backups;
import dev.telec.migrate.domain.Change;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.spi.DurabilityBarrier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Backups in the home itself, under {@code .telec/backups/<run-id>/}: one {@link BackupLog} per run, holding
 * the state files as they were when the run started and the pre-images each step saved through its
 * {@link PreImageFileSystem}. A run's directory gets a {@code finished} file when the run ended; one without
 * it is a run that was killed, and the next run rolls back its steps the state does not record. A restore
 * writes {@code .telec/restore.pending} before it changes anything and deletes it last.
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
    public Run start(Path home, Version from, Version to) {
        Path runs = runsOf(home);
        Path dir = null;
        try {
            AtomicFiles.createDirectories(runs);
            long seq = 1;
            for (BackupLog.Meta m : metas(home)) seq = Math.max(seq, m.seq() + 1);
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
            throw new TelecException(dir == null ? runs : dir, "cannot save the backup of this run: " + reason(e)
                    + " (nothing was changed; --no-backup runs without one)", e);
        }
    }

    /** One run's backup while it runs: notes what each step is about to change. */
    private static final class RunBackup implements Run, PreImageFileSystem.Notes {
        private final Path home;
        private final Path homeKey;
        private final Path homeReal; // the home reached through no link, when that differs
        private final BackupLog log;
        private PreImageFileSystem fs;
        private String step = "";
        private final Set<String> noted = new HashSet<>();
        private final List<HomeRestorer.Saved> images = new ArrayList<>();

        RunBackup(Path home, BackupLog log) {
            this.home = home;
            this.homeKey = home.toAbsolutePath().normalize();
            this.homeReal = realOrNull(homeKey);
            this.log = log;
        }

        @Override
        public synchronized Path begin(MigrationId id, Path stepHome) {
            step = id.toString();
            noted.clear();
            images.clear();
            log.step(step); // buffered: written with the step's first pre-image
            if (fs == null) fs = new PreImageFileSystem(home.getFileSystem(), this);
            return fs.wrap(stepHome);
        }

        @Override
        public synchronized void before(Path path) throws IOException {
            String relative = relative(path);
            if (relative == null) return; // outside the home: not telec's to undo
            if (relative.equals(DIRECTORY) || relative.startsWith(DIRECTORY + "/")) {
                throw new AccessDeniedException(path.toString(), null, "telec keeps its backups there; a step may not change it");
            }
            if (!noted.add(relative)) return;
            try {
                PreImage image = log.pre(step, PreImage.of(relative, path), path);
                images.add(new HomeRestorer.Saved(image, log.file()));
            } catch (IOException e) {
                noted.remove(relative);
                throw new FileSystemException(path.toString(), null,
                        "cannot save what it holds before changing it (" + reason(e) + "); nothing was changed");
            }
        }

        /** {@code path} relative to the home, {@code /}-separated, when it is in the home by its given or real path. */
        private String relative(Path path) {
            Path root = path.startsWith(homeKey) ? homeKey : homeReal != null && path.startsWith(homeReal) ? homeReal : null;
            if (root == null) return null;
            StringBuilder b = new StringBuilder();
            for (Path name : root.relativize(path)) {
                if (name.toString().isEmpty()) continue;
                if (b.length() > 0) b.append('/');
                b.append(name);
            }
            return b.toString();
        }

        /**
         * Before a step syncs a directory: the pre-images of "nothing" written so far are forced first, so an
         * entry the sync makes durable never outlives the pre-image that says it was not there.
         */
        @Override
        public void beforeReading(Path path) throws IOException {
            if (log.unforced() && Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) log.force();
        }

        @Override
        public DurabilityBarrier barrier(DurabilityBarrier run) {
            return new DurabilityBarrier() {
                @Override
                public void syncBeforeRecord(Path directory) throws IOException {
                    run.syncBeforeRecord(directory);
                }

                @Override
                public void syncFileSystemBeforeRecord(Path home) throws IOException {
                    run.syncFileSystemBeforeRecord(home);
                }

                /** The deferred pre-images before the directories: both before any record. */
                @Override
                public void flush() throws IOException {
                    log.force();
                    run.flush();
                }
            };
        }

        @Override
        public synchronized void kept(MigrationId id) {
            log.kept(id.toString());
            images.clear();
        }

        @Override
        public synchronized boolean rollBack(MigrationId id) {
            try {
                HomeRestorer.restore(home, images);
                log.rolledBack(id.toString());
            } catch (IOException e) {
                throw new TelecException(home, "cannot roll back " + id + ": " + reason(e), e);
            }
            images.clear();
            return true;
        }

        @Override
        public synchronized void close(Optional<Version> to) {
            try (log) {
                log.end(to.map(Version::toString).orElse(""));
                finished(log.file().getParent());
            } catch (IOException e) {
                // the next run finds the run unfinished and rolls back nothing the state records
            }
        }
    }

    private static Path realOrNull(Path home) {
        try {
            Path real = home.toRealPath();
            return real.equals(home) ? null : real;
        } catch (IOException e) {
            return null;
        }
    }

    // ---- reading backups -------------------------------------------------------------------------------------

    /** A run's backup as read back. */
    private record Kept(Path dir, BackupLog.Meta meta, BackupLog.Contents contents) {
        boolean finished() {
            return contents.entries().stream().anyMatch(e -> e.type() == BackupLog.Type.END);
        }

        Optional<String> to() {
            return contents.entries().stream().filter(e -> e.type() == BackupLog.Type.END).map(BackupLog.Entry::to)
                    .filter(t -> !t.isEmpty()).reduce((a, b) -> b);
        }

        /** The steps that saved pre-images, in order, each with its pre-images. */
        Map<String, List<HomeRestorer.Saved>> steps() {
            Map<String, List<HomeRestorer.Saved>> steps = new LinkedHashMap<>();
            Path log = dir.resolve(BackupLog.NAME);
            for (BackupLog.Entry e : contents.entries()) {
                if (e.type() == BackupLog.Type.PRE) {
                    steps.computeIfAbsent(e.step(), k -> new ArrayList<>()).add(new HomeRestorer.Saved(e.image(), log));
                }
            }
            return steps;
        }
    }

    private static List<Path> runDirs(Path home) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(runsOf(home))) {
            for (Path p : entries) {
                if (Files.isDirectory(p)) dirs.add(p);
            }
        } catch (NoSuchFileException e) {
            return dirs;
        }
        return dirs;
    }

    /** The META records of every run, read from the head of each log only. */
    private static List<BackupLog.Meta> metas(Path home) throws IOException {
        List<BackupLog.Meta> metas = new ArrayList<>();
        for (Path dir : runDirs(home)) {
            BackupLog.Meta m = BackupLog.readMeta(dir.resolve(BackupLog.NAME));
            if (m != null) metas.add(m);
        }
        return metas;
    }

    /** Every kept run, newest first; {@code onlyUnfinished}: those without a {@code finished} file. */
    private static List<Kept> kept(Path home, boolean onlyUnfinished) throws IOException {
        List<Kept> runs = new ArrayList<>();
        for (Path dir : runDirs(home)) {
            if (onlyUnfinished && Files.exists(dir.resolve(FINISHED))) continue;
            BackupLog.Contents contents = BackupLog.read(dir.resolve(BackupLog.NAME));
            if (contents.entries().isEmpty() || contents.entries().get(0).type() != BackupLog.Type.META) {
                continue; // a run killed before its backup began: nothing to undo, dropped by pruning
            }
            runs.add(new Kept(dir, contents.entries().get(0).meta(), contents));
        }
        runs.sort(Comparator.comparingLong((Kept k) -> k.meta().seq()).reversed());
        return runs;
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
            for (Kept run : kept(home, true)) {
                List<String> steps = new ArrayList<>(run.steps().keySet());
                List<HomeRestorer.Saved> images = new ArrayList<>();
                List<MigrationId> ids = new ArrayList<>();
                Map<String, List<HomeRestorer.Saved>> byStep = run.steps();
                for (String s : steps) {
                    if (s.isEmpty()) continue;
                    MigrationId id = MigrationId.parse(s);
                    if (!state.isApplied(id)) {
                        ids.add(id);
                        images.addAll(byStep.get(s));
                    }
                }
                if (!images.isEmpty()) HomeRestorer.restore(home, earliest(images));
                try (BackupLog log = BackupLog.reopen(run.dir().resolve(BackupLog.NAME), run.contents().validLength())) {
                    for (MigrationId id : ids) log.kept(id.toString());
                    log.end("");
                }
                finished(run.dir());
                undone.addAll(0, ids);
            }
        } catch (IOException e) {
            throw new TelecException(runsOf(home), "cannot roll back what an interrupted run left: " + reason(e), e);
        }
        undone.sort(Comparator.naturalOrder());
        return undone;
    }

    /** For each path, its first pre-image in {@code images} (given oldest first): what it held before them all. */
    private static List<HomeRestorer.Saved> earliest(List<HomeRestorer.Saved> images) {
        Map<String, HomeRestorer.Saved> first = new LinkedHashMap<>();
        for (HomeRestorer.Saved s : images) first.putIfAbsent(s.image().path(), s);
        return new ArrayList<>(first.values());
    }

    // ---- list, restore, prune --------------------------------------------------------------------------------

    @Override
    public List<Summary> list(Path home) {
        try {
            List<Summary> summaries = new ArrayList<>();
            for (Kept run : kept(home, false)) {
                int steps = (int) run.steps().keySet().stream().filter(s -> !s.isEmpty()).count();
                summaries.add(new Summary(run.meta().id(), run.meta().started(), Version.parse(run.meta().from()),
                        run.to().map(Version::parse), steps, size(run.dir()), run.finished()));
            }
            return summaries;
        } catch (IOException e) {
            throw new TelecException(runsOf(home), "cannot read the backups: " + reason(e), e);
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
            throw new TelecException(pending, "cannot read: " + reason(e), e);
        }
    }

    @Override
    public List<Change> restore(Path home, List<String> runIds, boolean dryRun) {
        Path telec = home.resolve(DIRECTORY);
        Path pending = telec.resolve(PENDING);
        try {
            String phase = Files.exists(pending) ? Files.readAllLines(pending, StandardCharsets.UTF_8).stream().findFirst().orElse("") : "";
            Map<String, Kept> byId = new LinkedHashMap<>();
            for (Kept k : kept(home, false)) byId.put(k.meta().id(), k);
            List<Kept> runs = new ArrayList<>();
            for (String id : runIds) {
                Kept k = byId.get(id);
                if (k == null && !phase.equals("restored")) {
                    throw new TelecException(runsOf(home).resolve(id), "no backup of run " + id + " (see telec restore --list)", null);
                }
                if (k != null) runs.add(k);
            }
            List<HomeRestorer.Saved> images = new ArrayList<>();
            for (int i = runs.size() - 1; i >= 0; i--) {
                for (List<HomeRestorer.Saved> step : runs.get(i).steps().values()) images.addAll(step);
            }
            List<HomeRestorer.Saved> before = earliest(images);
            List<Change> changes = HomeRestorer.changes(home, before);
            if (dryRun) return changes;
            if (!phase.equals("restored")) {
                AtomicFiles.write(pending, ("restoring\n" + String.join("\n", runIds) + "\n").getBytes(StandardCharsets.UTF_8));
                HomeRestorer.restore(home, before);
                AtomicFiles.write(pending, ("restored\n" + String.join("\n", runIds) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Kept run : runs) deleteTree(run.dir());
            AtomicFiles.syncDirectory(runsOf(home));
            Files.deleteIfExists(pending);
            AtomicFiles.syncDirectory(telec);
            return changes;
        } catch (IOException e) {
            throw new TelecException(home, "restore failed: " + reason(e)
                    + "; run telec restore again to finish it", e);
        }
    }

    @Override
    public void prune(Path home, int keep) {
        try {
            List<Kept> runs = kept(home, false);
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

    private static void deleteTree(Path root) throws IOException {
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
    private static void finished(Path dir) throws IOException {
        Path mark = dir.resolve(FINISHED);
        Files.write(mark, new byte[0]);
        Ownership.inherit(mark);
    }

    static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return (f.getFile() == null ? "" : f.getFile() + ": ") + f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
