package dev.telec.migrate.internal.adapter.out.backup;

import dev.telec.migrate.internal.adapter.out.fs.Causes;
import dev.telec.migrate.internal.adapter.out.fs.AtomicFiles;
import dev.telec.migrate.internal.adapter.out.fs.Causes;
import dev.telec.migrate.internal.adapter.out.fs.diff.DiffRenderer;
import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.internal.application.port.out.Sandbox;
import dev.telec.migrate.domain.Change;
import dev.telec.migrate.domain.MigrationId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A restore of kept runs, and its preview. The restore writes {@code .telec/restore.pending} ("restoring" and
 * the runs) before it changes anything, rewrites it "restored" once the home and state are back, and deletes it
 * last, after the runs' backups; a restore killed on the way is finished by doing it again. The preview works
 * out the same pre-images and only reads.
 */
final class RestoreRuns {

    /** The pre-images that put the home back, and the runs they come from. */
    private record Plan(String phase, List<KeptRun> runs, List<HomeRestorer.Saved> before) {
    }

    /** What a real restore reports: the paths it changes, without diffs. */
    private static final DiffRenderer PATHS_ONLY = new DiffRenderer(new Sandbox.Diffs(false, false, List.of()));

    private RestoreRuns() {
    }

    static List<Change> preview(Path home, List<String> runIds, DiffRenderer renderer) {
        try {
            Plan plan = plan(home, runIds);
            return RestoreChanges.of(home, plan.before(), renderer);
        } catch (IOException e) {
            throw new TelecException(home, "cannot show what the restore would change: " + Causes.reasonAt(e), e);
        }
    }

    static List<Change> restore(Path home, List<String> runIds, Consumer<List<MigrationId>> undone) {
        Path telec = home.resolve(FileBackups.DIRECTORY);
        Path pending = telec.resolve(FileBackups.PENDING);
        try {
            Plan plan = plan(home, runIds);
            List<Change> changes = RestoreChanges.of(home, plan.before(), PATHS_ONLY);
            if (!plan.phase().equals("restored")) {
                AtomicFiles.write(pending, ("restoring\n" + String.join("\n", runIds) + "\n").getBytes(StandardCharsets.UTF_8));
                HomeRestorer.restore(home, plan.before());
                AtomicFiles.write(pending, ("restored\n" + String.join("\n", runIds) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            List<KeptRun> runs = plan.runs();
            List<MigrationId> steps = new ArrayList<>();
            for (int i = runs.size() - 1; i >= 0; i--) steps.addAll(runs.get(i).applied());
            undone.accept(steps);
            for (KeptRun run : runs) FileBackups.deleteTree(run.dir());
            AtomicFiles.syncDirectory(FileBackups.runsOf(home));
            Files.deleteIfExists(pending);
            AtomicFiles.syncDirectory(telec);
            return changes;
        } catch (IOException e) {
            throw new TelecException(home, "restore failed: " + Causes.reasonAt(e)
                    + "; run telec restore again to finish it", e);
        }
    }

    /** For each path the runs touched, what it held before the oldest of them (runs given newest first). */
    private static Plan plan(Path home, List<String> runIds) throws IOException {
        Path pending = home.resolve(FileBackups.DIRECTORY).resolve(FileBackups.PENDING);
        String phase = Files.exists(pending) ? Files.readAllLines(pending, StandardCharsets.UTF_8).stream().findFirst().orElse("") : "";
        Map<String, KeptRun> byId = new LinkedHashMap<>();
        for (KeptRun k : KeptRun.all(home, false)) byId.put(k.meta().id(), k);
        List<KeptRun> runs = new ArrayList<>();
        for (String id : runIds) {
            KeptRun k = byId.get(id);
            if (k == null && !phase.equals("restored")) {
                throw new TelecException(FileBackups.runsOf(home).resolve(id), "no backup of run " + id + " (see telec restore --list)", null);
            }
            if (k != null) runs.add(k);
        }
        List<HomeRestorer.Saved> images = new ArrayList<>();
        boolean sweep = false;
        for (int i = runs.size() - 1; i >= 0; i--) {
            for (KeptRun.Undo step : runs.get(i).steps(false).values()) {
                images.addAll(step.images());
                sweep |= step.sweep();
            }
        }
        return new Plan(phase, runs, FileBackups.undo(home, images, sweep, FileBackups.runsOf(home)));
    }
}
