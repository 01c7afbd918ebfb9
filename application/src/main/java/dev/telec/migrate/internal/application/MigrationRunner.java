package dev.telec.migrate.internal.application;

import dev.telec.migrate.api.ForeignHomeException;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.application.port.in.StepListener;
import dev.telec.migrate.application.port.in.BackupOptions;
import dev.telec.migrate.domain.AppProfile;
import dev.telec.migrate.internal.application.port.out.Backups;
import dev.telec.migrate.internal.application.port.out.HomeLocks;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.internal.application.port.out.Manifests;
import dev.telec.migrate.internal.application.port.out.StateStore;
import dev.telec.migrate.domain.AppName;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.MigrationReport.Mode;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.spi.DurabilityBarrier;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.ScriptMigration;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs the steps of a range in order: skips what the state records, skips and records what check() finds
 * done, migrates the rest, verifies each with check(), and records each before the next starts. The first
 * failure halts the run. Each run has a {@link DurabilityBarrier} from the state store: the steps get it in
 * their context, and the store flushes it before it writes their records. This class decides whether a run
 * happens, on which state and under which lock; a {@link StepRun} carries one run out.
 */
public final class MigrationRunner implements MigrateUseCase {

    /** The start of the message of a run that was stopped by {@link StepListener#stopRequested()}. */
    public static final String INTERRUPTED = "interrupted after ";

    private final Manifests manifests;
    private final StateStore stateStore;
    private final Clock clock;
    private final HomeLocks locks;
    private final CheckOnlyPlan checkOnly;
    private final Backups backups;

    /** A runner that takes no lock: for tests and for callers that never run two migrations at once. */
    public MigrationRunner(Manifests manifests, StateStore stateStore, Clock clock) {
        this(manifests, stateStore, clock, HomeLocks.NONE);
    }

    /**
     * @param locks taken around every run that writes (never by a dry-run, nor by a run with nothing to do),
     *     so that two concurrent runs never both apply a step
     */
    public MigrationRunner(Manifests manifests, StateStore stateStore, Clock clock, HomeLocks locks) {
        this(manifests, stateStore, clock, locks, Backups.NONE);
    }

    /**
     * @param backups where each real run saves the pre-images of what its steps change, so that a failed step
     *     is rolled back and the steps a killed run left unrecorded are rolled back by the next run
     */
    public MigrationRunner(Manifests manifests, StateStore stateStore, Clock clock, HomeLocks locks, Backups backups) {
        this.backups = Objects.requireNonNull(backups, "backups");
        this.manifests = Objects.requireNonNull(manifests, "manifests");
        this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.checkOnly = new CheckOnlyPlan(manifests, stateStore);
    }

    /** The check-only dry-run over this runner's manifests and state. */
    CheckOnlyPlan checkOnly() {
        return checkOnly;
    }

    @Override
    public MigrationReport migrate(MigrateCommand command, StepListener listener) {
        if (command.dryRun()) {
            // the deprecated flag, on a runner alone: the check-only plan (SimulatingMigrator simulates)
            return checkOnly.plan(command, listener, Optional.empty());
        }
        return run(command, listener, Mode.RUN);
    }

    /**
     * Runs {@code command} for real on a sandbox copy of a home, naming the outcomes as a dry-run does
     * ({@code would_apply}, ...): the report of a simulated dry-run.
     */
    MigrationReport simulate(MigrateCommand onCopy, StepListener listener, Steps steps) {
        return run(onCopy, listener, Mode.SIMULATED_DRY_RUN, steps);
    }

    /**
     * A command's manifest, read once, and its steps as they are resolved: for the use cases that look at the
     * pending steps before they run them (a dry-run chooses its sandbox, then simulates), so that the entries
     * are read and parsed once.
     */
    static final class Steps {
        final Manifest manifest;
        final Map<MigrationId, Migration> resolved = new LinkedHashMap<>();

        private Steps(Manifest manifest) {
            this.manifest = manifest;
        }
    }

    /** The manifest {@code command} names, read (and so validated) now. */
    Steps steps(MigrateCommand command) {
        return new Steps(manifests.load(command.steps(), command.allowInsecureMigrations()));
    }

    private MigrationReport run(MigrateCommand command, StepListener listener, Mode mode) {
        return run(command, listener, mode, steps(command));
    }

    private MigrationReport run(MigrateCommand command, StepListener listener, Mode mode, Steps steps) {
        Path home = command.home();
        Manifest manifest = steps.manifest;
        // Read (and so validate) the state before anything is written: a bad state file leaves the home
        // byte for byte as it was, without even a lock file.
        MigrationState state = ownState(home, manifest, stateStore.load(home));
        Plan plan = Plan.of(command, manifest, state);
        if (plan.leftAsItIs()) {
            return plan.leftAsItIsReport(mode, Optional.empty());
        }
        // Resolve every step that may run before running any, and before the lock file is written: a typo in
        // one entry must not leave a half-run, nor any write at all.
        Map<MigrationId, Migration> resolved = steps.resolved;
        Map<MigrationId, Migration> pending = plan.pending(state, resolved);
        if (!plan.writes(state)) {
            return new StepRun(stateStore, clock, backups, home, state, listener, mode).steps(plan, pending);
        }
        try (HomeLocks.Held held = locks.acquire(home, command.lockWait(), "migrate", listener::waiting)) {
            // Another run may have moved the home on before we got the lock: plan again from the state now.
            MigrationState locked = ownState(home, manifest, stateStore.load(home));
            // a killed run's steps that were changed but never recorded are put back before anything runs
            List<MigrationId> recovered = mode == Mode.RUN ? backups.recover(home, locked) : List.of();
            Plan again = Plan.of(command, manifest, locked);
            if (again.leftAsItIs()) return again.leftAsItIsReport(mode, Optional.empty());
            Map<MigrationId, Migration> toRun = again.pending(locked, resolved);
            return new StepRun(stateStore, clock, backups, home, locked, listener, mode).backedUp(command, manifest, again, recovered, toRun)
                    .steps(again, toRun);
        }
    }

    /** How many runs' backups to keep: as the command says, else as the app profile does, else 5. */
    static int kept(BackupOptions options, Manifest manifest) {
        if (options.keep() >= 0) return options.keep();
        return manifest.profile().flatMap(AppProfile::keepBackups).orElse(BackupOptions.DEFAULT_KEEP);
    }

    /** The size a script step's snapshot of the home may have, when a pending step is a script (else none is taken). */
    static OptionalLong snapshotLimit(Map<MigrationId, Migration> pending, Manifest manifest) {
        if (!anyScript(pending)) return OptionalLong.empty();
        return OptionalLong.of(manifest.profile().flatMap(AppProfile::backupLimit).orElse(BackupOptions.DEFAULT_SNAPSHOT_LIMIT));
    }

    /**
     * The state as this run will write it: named after the manifest's app, when it has a profile. A state
     * without a name (an older telec, the reference runner) is adopted; one naming another app is refused
     * before anything runs.
     */
    static MigrationState ownState(Path home, Manifest manifest, MigrationState state) {
        if (manifest.profile().isEmpty()) return state;
        AppName app = manifest.profile().get().app();
        if (state.app().isPresent() && !state.app().get().equals(app)) {
            throw new ForeignHomeException(home, state.app().get(), app);
        }
        return state.app().isPresent() ? state : state.withApp(app);
    }

    /**
     * Whether a run of {@code command} has a pending step that is a process ({@link ScriptMigration}), which
     * only a home on disk can run: a dry-run then simulates on a copy on disk. Resolves the pending steps
     * (so a bad entry throws here as it would in the run), and refuses a foreign app's home first, as the run does.
     */
    public boolean pendingStepsNeedADisk(MigrateCommand command) {
        return pendingStepsNeedADisk(command, steps(command));
    }

    /** {@link #pendingStepsNeedADisk(MigrateCommand)} on steps already read; those it resolves are kept in {@code steps}. */
    boolean pendingStepsNeedADisk(MigrateCommand command, Steps steps) {
        MigrationState state = ownState(command.home(), steps.manifest, stateStore.load(command.home()));
        Plan plan = Plan.of(command, steps.manifest, state);
        return !plan.leftAsItIs() && anyScript(plan.pending(state, steps.resolved));
    }

    private static boolean anyScript(Map<MigrationId, Migration> steps) {
        return steps.values().stream().anyMatch(m -> m instanceof ScriptMigration);
    }
}
