package dev.telec.migrate.internal.adapter.out.backup;

import dev.telec.migrate.domain.MigrationId;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A run's backup as read back from its directory. */
record KeptRun(Path dir, BackupLog.Meta meta, BackupLog.Contents contents) {

    /**
     * What undoes one step: its pre-images, and {@code sweep}: whether every other path of the home must go
     * too (a script step's snapshot whose step did not end: whatever is not in it, the script made).
     */
    record Undo(List<HomeRestorer.Saved> images, boolean sweep) {
    }

    boolean finished() {
        return contents.entries().stream().anyMatch(e -> e.type() == BackupLog.Type.END);
    }

    Optional<String> to() {
        return contents.entries().stream().filter(e -> e.type() == BackupLog.Type.END).map(BackupLog.Entry::to)
                .filter(t -> !t.isEmpty()).reduce((a, b) -> b);
    }

    /**
     * The steps that saved pre-images, in order ({@code ""}: the state files at the start), each with what undoes
     * it. A snapshot step that settled is undone by the snapshot's paths it changed and the paths it created; one
     * that was rolled back changed nothing, and is left out when {@code withRolledBack} is false.
     */
    Map<String, Undo> steps(boolean withRolledBack) {
        Map<String, List<HomeRestorer.Saved>> pres = new LinkedHashMap<>();
        Set<String> snapshots = new HashSet<>();
        Set<String> settled = new HashSet<>();
        Set<String> rolledBack = new HashSet<>();
        Set<String> touched = new HashSet<>();
        Path log = dir.resolve(BackupLog.NAME);
        for (BackupLog.Entry e : contents.entries()) {
            switch (e.type()) {
                case PRE -> pres.computeIfAbsent(e.step(), k -> new ArrayList<>()).add(new HomeRestorer.Saved(e.image(), log));
                case SNAPSHOT -> snapshots.add(e.step());
                case SETTLED -> settled.add(e.step());
                case ROLLED_BACK -> rolledBack.add(e.step());
                case TOUCHED -> touched.add(e.step() + "\0" + e.text());
                default -> { }
            }
        }
        Map<String, Undo> steps = new LinkedHashMap<>();
        for (Map.Entry<String, List<HomeRestorer.Saved>> s : pres.entrySet()) {
            String step = s.getKey();
            if (!snapshots.contains(step)) {
                steps.put(step, new Undo(s.getValue(), false));
            } else if (settled.contains(step)) {
                steps.put(step, new Undo(s.getValue().stream().filter(i -> i.image().kind() == PreImage.Kind.ABSENT
                        || touched.contains(step + "\0" + i.image().path())).toList(), false));
            } else if (withRolledBack || !rolledBack.contains(step)) {
                steps.put(step, new Undo(s.getValue(), true));
            }
        }
        return steps;
    }

    /** The steps this run recorded as in effect (applied or found done), in order, less those rolled back since. */
    List<MigrationId> applied() {
        Set<String> kept = new LinkedHashSet<>();
        for (BackupLog.Entry e : contents.entries()) {
            if (e.type() == BackupLog.Type.KEPT) kept.add(e.step());
            if (e.type() == BackupLog.Type.ROLLED_BACK) kept.remove(e.step());
        }
        return kept.stream().map(MigrationId::parse).toList();
    }

    private static List<Path> runDirs(Path home) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(FileBackups.runsOf(home))) {
            for (Path p : entries) {
                if (Files.isDirectory(p)) dirs.add(p);
            }
        } catch (NoSuchFileException e) {
            return dirs;
        }
        return dirs;
    }

    /** The META records of every run, read from the head of each log only. */
    static List<BackupLog.Meta> metas(Path home) throws IOException {
        List<BackupLog.Meta> metas = new ArrayList<>();
        for (Path dir : runDirs(home)) {
            BackupLog.Meta m = BackupLogReader.readMeta(dir.resolve(BackupLog.NAME));
            if (m != null) metas.add(m);
        }
        return metas;
    }

    /** Every kept run, newest first; {@code onlyUnfinished}: those without a {@code finished} file. */
    static List<KeptRun> all(Path home, boolean onlyUnfinished) throws IOException {
        List<KeptRun> runs = new ArrayList<>();
        for (Path dir : runDirs(home)) {
            if (onlyUnfinished && Files.exists(dir.resolve(FileBackups.FINISHED))) continue;
            BackupLog.Contents contents = BackupLogReader.read(dir.resolve(BackupLog.NAME));
            if (contents.entries().isEmpty() || contents.entries().get(0).type() != BackupLog.Type.META) {
                continue; // a run killed before its backup began: nothing to undo, dropped by pruning
            }
            runs.add(new KeptRun(dir, contents.entries().get(0).meta(), contents));
        }
        runs.sort(Comparator.comparingLong((KeptRun k) -> k.meta().seq()).reversed());
        return runs;
    }
}
