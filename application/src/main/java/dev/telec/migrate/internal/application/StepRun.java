package dev.telec.migrate.internal.application;

import dev.telec.migrate.api.StateException;
import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.StepListener;
import dev.telec.migrate.internal.application.port.out.Backups;
import dev.telec.migrate.internal.application.port.out.StateStore;
import dev.telec.migrate.domain.HistoryEntry;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.MigrationReport.Failure;
import dev.telec.migrate.domain.MigrationReport.Mode;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.StepOutput;
import dev.telec.migrate.domain.StepResult;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.spi.DurabilityBarrier;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.ScriptMigration;
import dev.telec.migrate.spi.StepFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a plan's steps, and its mutable part: results so far, the state as recorded, the backup, and the
 * failure, if any. Calls each step (check, migrate, check again), records it before the next starts, rolls
 * back a failed step when asked to, and saves the state at the end. {@link MigrationRunner} decides whether,
 * where and under which lock a run happens.
 */
final class StepRun {
    private final StateStore stateStore;
    private final Clock clock;
    private final Backups backups;
    final Path home;
    final StepListener listener;
    final Mode mode;
    DurabilityBarrier barrier; // the backup's, once it has one
    final List<StepResult> results = new ArrayList<>();
    final Map<MigrationId, Manifest.Entry> entries = new HashMap<>(); // for the checksums they are recorded with
    final MigrationState initial;
    final MigrationState.Builder recorded; // the state as recorded so far, appended in constant time
    int records;
    Failure failure;
    Backups.Run backup = Backups.Run.NONE;
    boolean rollback;
    Optional<Version> version; // as the state records it
    int keep = -1; // backups to keep after a successful run; -1: none taken
    Optional<String> notice = Optional.empty();
    Version from = Version.ZERO; // the plan's range, told to the steps
    Version to = Version.ZERO;

    StepRun(StateStore stateStore, Clock clock, Backups backups, Path home, MigrationState state, StepListener listener,
            Mode mode) {
        this.stateStore = stateStore;
        this.clock = clock;
        this.backups = backups;
        this.barrier = stateStore.newBarrier();
        this.home = home;
        this.listener = listener;
        this.mode = mode;
        this.initial = state;
        this.recorded = state.toBuilder();
        this.version = state.version();
    }

    /** This run with a backup, when it is a real run and the command asks for one. */
    StepRun backedUp(MigrateCommand command, Manifest manifest, Plan plan, List<MigrationId> recovered,
                     Map<MigrationId, Migration> pending) {
        List<String> notes = new ArrayList<>();
        if (!recovered.isEmpty()) {
            notes.add("rolled back what an interrupted run left of " + recovered.size()
                    + (recovered.size() == 1 ? " step (" : " steps (")
                    + String.join(", ", recovered.stream().map(MigrationId::toString).toList()) + ") before running");
        }
        if (mode == Mode.RUN && command.backupOptions().backup()) {
            backup = backups.start(home, plan.from(), plan.to(), MigrationRunner.snapshotLimit(pending, manifest));
            barrier = backup.barrier(barrier);
            rollback = command.backupOptions().rollback();
            keep = MigrationRunner.kept(command.backupOptions(), manifest);
        } else if (mode == Mode.RUN) {
            notes.add("no backup was taken: no pre-images were saved; this run cannot be rolled back or restored");
        }
        notice = notes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", notes));
        return this;
    }

    MigrationReport steps(Plan plan, Map<MigrationId, Migration> pending) {
        from = plan.from();
        to = plan.to();
        listener.planned(pending.size());
        int finished = 0;
        results.addAll(plan.ignoredResults());
        for (Manifest.Entry entry : plan.steps()) entries.put(entry.id(), entry);
        for (Manifest.Entry entry : plan.steps()) {
            MigrationId id = entry.id();
            if (!halted() && pending.containsKey(id) && listener.stopRequested()) {
                // between steps: what finished is recorded, nothing is in flight
                failure = new Failure(Optional.empty(), Failure.Cause.INTERRUPTED, Optional.empty(),
                        MigrationRunner.INTERRUPTED + finished + " of " + pending.size() + " steps; run again to continue");
            }
            if (halted()) {
                add(StepResult.of(id, StepOutcome.NOT_RUN));
            } else if (!pending.containsKey(id)) {
                add(StepResult.of(id, named(StepOutcome.SKIPPED_APPLIED)));
            } else {
                step(id, pending.get(id));
                finished++;
            }
        }
        finish(halted() ? Optional.empty() : Optional.of(plan.to()));
        // not in a finally: a run that ends by throwing is left unfinished, and the next run rolls back
        // its unrecorded steps as after a kill
        backup.close(version);
        if (keep >= 0 && !halted()) backups.prune(home, keep);
        return report(plan);
    }

    private MigrationReport report(Plan plan) {
        return new MigrationReport(mode, plan.from(), plan.to(), results, Optional.ofNullable(failure), false,
                notices(notice, plan.drifted(initial)));
    }

    boolean halted() {
        return failure != null;
    }

    void add(StepResult result) {
        results.add(result);
    }

    /** A real run's outcome as this run's mode names it: a simulation says what a run would do. */
    StepOutcome named(StepOutcome outcome) {
        if (mode != Mode.SIMULATED_DRY_RUN) return outcome;
        switch (outcome) {
            case APPLIED: return StepOutcome.WOULD_APPLY;
            case SKIPPED_APPLIED: return StepOutcome.WOULD_SKIP_APPLIED;
            case SKIPPED_CHECK: return StepOutcome.WOULD_SKIP_CHECK;
            default: return outcome;
        }
    }

    void step(MigrationId id, Migration migration) {
        Optional<StepOutcome> outcome;
        // a script writes behind telec's back and needs the home on disk: it runs on the home itself, after a
        // snapshot of it (docs/backups.md)
        Path stepHome;
        try {
            stepHome = migration instanceof ScriptMigration ? backup.beginScript(id, home) : backup.begin(id, home);
        } catch (TelecException e) {
            add(StepResult.failed(id, e.getMessage(), e));
            failure = new Failure(Optional.of(id), Failure.Cause.MIGRATE_THREW, Optional.empty(), e.getMessage());
            return;
        }
        StepContext context = new StepContext(stepHome, id.toString(), barrier, from, to, mode == Mode.SIMULATED_DRY_RUN);
        listener.started(id);
        try {
            StepCalls.Attempt attempt = StepCalls.attempt(id, migration, context);
            outcome = attempt.outcome();
            if (outcome.isPresent()) backup.kept(id);
            else fail(attempt.failure(), attempt.cause());
        } finally {
            listener.finished(id);
        }
        if (outcome.isEmpty()) {
            noted(context); // failed
            return;
        }
        if (record(id, outcome.get())) {
            add(StepResult.of(id, named(outcome.get())).withNotes(context.notes()));
        }
    }

    /** Adds the step's notes to its result, the last one added. */
    private void noted(StepContext context) {
        if (!context.notes.isEmpty()) {
            int last = results.size() - 1;
            results.set(last, results.get(last).withNotes(context.notes()));
        }
    }

    /**
     * Records a step before the next one starts; a failure to record halts the run. The store may make
     * records durable in groups (see {@link StateStore#record}): a lost record only means check() again.
     */
    private boolean record(MigrationId id, StepOutcome outcome) {
        HistoryEntry entry = new HistoryEntry(id.toString(), outcome, now(), entries.get(id).checksum());
        try {
            stateStore.record(home, entry, barrier);
        } catch (StateException e) {
            fail(new Failure(Optional.of(id), Failure.Cause.NOT_RECORDED, Optional.empty(),
                    outcome.wireName() + ", but recording it failed: " + e.getMessage()), e);
            return false;
        }
        recorded.add(entry);
        records++;
        return true;
    }

    /** Saves the new version ({@code to}; empty after a failure), or at least commits what was recorded. */
    void finish(Optional<Version> to) {
        MigrationState state = recorded.build();
        boolean newVersion = to.isPresent()
                && (state.version().isPresent() ? to.get().isAfter(state.version().get()) : !to.get().equals(Version.ZERO));
        // never move a home's recorded version backwards, nor write a state that says nothing
        if (!newVersion && records == 0) return;
        String cause = newVersion ? "recording version " + to.get() + " failed: " : "recording the steps failed: ";
        try {
            barrier.flush(); // the steps' directory changes before the state that names them
            if (newVersion) {
                stateStore.save(home, state.withVersion(to.get()));
                version = to;
            } else {
                stateStore.commit(home, state);
            }
        } catch (IOException e) {
            notSaved(cause + home + ": cannot sync the directories the steps changed: " + TelecException.oneLine(e.getMessage()));
        } catch (StateException e) {
            notSaved(cause + e.getMessage());
        }
    }

    private void notSaved(String message) {
        failure = failure == null ? new Failure(Optional.empty(), Failure.Cause.STATE_NOT_SAVED, Optional.empty(), message)
                : failure.and(message);
    }

    /** Adds the failed step's result (with its output, rolled back when asked to) and halts the run. */
    private void fail(Failure f, Throwable t) {
        StepResult result = StepResult.failed(f.step().orElseThrow(), f.message(), t);
        if (t instanceof StepFailure sf && (sf.stdout() != null || sf.stderr() != null)) {
            result = result.withOutput(new StepOutput(Objects.requireNonNullElse(sf.stdout(), ""),
                    Objects.requireNonNullElse(sf.stderr(), "")));
        }
        if (rollback) {
            try {
                if (backup.rollBack(f.step().get())) {
                    result = result.withRolledBack();
                    f = f.and("its changes were rolled back");
                }
            } catch (TelecException e) {
                f = f.and("rolling its changes back failed: " + e.getMessage());
            }
        }
        add(result);
        failure = f;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Two notices as one: each that is there, joined with "; ". */
    static Optional<String> notices(Optional<String> a, Optional<String> b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return Optional.of(a.get() + "; " + b.get());
    }
}
