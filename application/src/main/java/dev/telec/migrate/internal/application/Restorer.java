package dev.telec.migrate.internal.application;

import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.application.port.in.DryRunOptions;
import dev.telec.migrate.application.port.in.RestoreCommand;
import dev.telec.migrate.application.port.in.RestoreUseCase;
import dev.telec.migrate.internal.application.port.out.Backups;
import dev.telec.migrate.internal.application.port.out.HomeLocks;
import dev.telec.migrate.internal.application.port.out.Sandbox;
import dev.telec.migrate.internal.application.port.out.StateStore;
import dev.telec.migrate.domain.BackupSummary;
import dev.telec.migrate.domain.Change;
import dev.telec.migrate.domain.HistoryEntry;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The restore use case: with the home's lock held, finishes an interrupted restore if there is one, else puts
 * the home back to before the chosen run (and every later one) from their backups. A dry-run takes no lock.
 */
public final class Restorer implements RestoreUseCase {

    private final Backups backups;
    private final HomeLocks locks;
    private final StateStore states; // null: the history is not told
    private final Clock clock;

    /** A restorer that puts the state back as it was and writes nothing into its history. */
    public Restorer(Backups backups, HomeLocks locks) {
        this.backups = Objects.requireNonNull(backups, "backups");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.states = null;
        this.clock = null;
    }

    /** A restorer that records each restore in the history of the state it put back: an {@code undone} line per step. */
    public Restorer(Backups backups, HomeLocks locks, StateStore states, Clock clock) {
        this.backups = Objects.requireNonNull(backups, "backups");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.states = Objects.requireNonNull(states, "states");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<BackupSummary> list(Path home) {
        return backups.list(home);
    }

    @Override
    public Report restore(RestoreCommand command, Consumer<String> waiting) {
        Path home = command.home();
        if (command.dryRun()) {
            Optional<List<String>> interrupted = backups.interrupted(home);
            List<String> runs = interrupted.orElseGet(() -> select(command));
            DryRunOptions options = command.dryRunOptions();
            Sandbox.Diffs diffs = new Sandbox.Diffs(options.diffs(), options.showSecrets(), options.secretWords());
            return new Report(runs, backups.preview(home, runs, diffs), true, interrupted.isPresent());
        }
        try (HomeLocks.Held held = locks.acquire(home, command.lockWait(), "restore", waiting)) {
            Optional<List<String>> interrupted = backups.interrupted(home);
            List<String> runs = interrupted.orElseGet(() -> select(command));
            List<Change> changes = backups.restore(home, runs, steps -> history(home, steps));
            return new Report(runs, changes, false, interrupted.isPresent());
        }
    }

    /** Appends an {@code undone} line for each step to the restored state's history, unless a resumed restore did. */
    private void history(Path home, List<MigrationId> steps) {
        if (states == null || steps.isEmpty()) return;
        MigrationState state = states.load(home);
        if (state.equals(MigrationState.EMPTY)) return; // back to before telec's first run here: no state to write into
        List<HistoryEntry> history = state.history();
        int from = history.size() - steps.size();
        boolean written = from >= 0;
        for (int i = 0; written && i < steps.size(); i++) {
            HistoryEntry e = history.get(from + i);
            written = e.outcome() == StepOutcome.UNDONE && e.id().equals(steps.get(i).toString());
        }
        if (written) return;
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        for (MigrationId id : steps) state = state.withHistoryLine(new HistoryEntry(id.toString(), StepOutcome.UNDONE, now));
        states.save(home, state);
    }

    /** The runs to undo, newest first: the most recent, or every run down to the one named. */
    private List<String> select(RestoreCommand command) {
        List<BackupSummary> kept = backups.list(command.home());
        if (kept.isEmpty()) {
            throw new TelecException(command.home(), "no backups to restore from (a run without a backup keeps none)", null);
        }
        if (command.runId().isEmpty()) {
            return List.of(kept.get(0).id());
        }
        List<String> runs = new ArrayList<>();
        for (BackupSummary s : kept) {
            runs.add(s.id());
            if (s.id().equals(command.runId().get())) return runs;
        }
        throw new TelecException(command.home(), "no backup of run " + command.runId().get()
                + " (the list of kept runs shows their ids)", null);
    }
}
