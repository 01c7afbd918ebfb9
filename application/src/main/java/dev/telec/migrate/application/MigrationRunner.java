package dev.telec.migrate.application;

import dev.telec.migrate.application.TelecException.DowngradeException;
import dev.telec.migrate.application.TelecException.ForeignHomeException;
import dev.telec.migrate.application.TelecException.RangeException;
import dev.telec.migrate.application.TelecException.StateException;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.application.port.out.HomeLocks;
import dev.telec.migrate.application.port.out.Manifest;
import dev.telec.migrate.application.port.out.Manifests;
import dev.telec.migrate.application.port.out.StateStore;
import dev.telec.migrate.domain.AppName;
import dev.telec.migrate.domain.HistoryEntry;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.StepOutput;
import dev.telec.migrate.domain.StepResult;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.domain.VersionRange;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import dev.telec.migrate.spi.ScriptMigration;
import dev.telec.migrate.spi.StepFailure;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the steps of a range in order: skips what the state records, skips and records what check() finds
 * done, migrates the rest, verifies each with check(), and records each before the next starts. The first
 * failure halts the run.
 */
public final class MigrationRunner implements MigrateUseCase {

    static final String CONTRACT_BROKEN = "migrate() reported success but check() is still false";

    /**
     * Told when each step that runs starts and finishes: around its first check(), migrate() and the check()
     * after it, and before it is recorded, so that what happens in between is the step's own doing.
     */
    public interface StepListener {
        StepListener NONE = new StepListener() {
        };

        default void started(MigrationId id) {
        }

        default void finished(MigrationId id) {
        }
    }

    private final Manifests manifests;
    private final StateStore stateStore;
    private final Clock clock;
    private final HomeLocks locks;
    private final StepListener listener;
    private final boolean simulated;

    /** A runner that takes no lock: for tests and for callers that never run two migrations at once. */
    public MigrationRunner(Manifests manifests, StateStore stateStore, Clock clock) {
        this(manifests, stateStore, clock, HomeLocks.NONE);
    }

    /**
     * @param locks taken around every run that writes (never by a dry-run, nor by a run with nothing to do),
     *     so that two concurrent runs never both apply a step
     */
    public MigrationRunner(Manifests manifests, StateStore stateStore, Clock clock, HomeLocks locks) {
        this(manifests, stateStore, clock, locks, StepListener.NONE);
    }

    public MigrationRunner(Manifests manifests, StateStore stateStore, Clock clock, HomeLocks locks, StepListener listener) {
        this(manifests, stateStore, clock, locks, listener, false);
    }

    private MigrationRunner(Manifests manifests, StateStore stateStore, Clock clock, HomeLocks locks, StepListener listener,
                            boolean simulated) {
        this.simulated = simulated;
        this.manifests = Objects.requireNonNull(manifests, "manifests");
        this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** This runner, telling {@code other} about each step. */
    public MigrationRunner withListener(StepListener other) {
        return new MigrationRunner(manifests, stateStore, clock, locks, other, simulated);
    }

    /** This runner, telling its steps that they run in a dry-run's simulation ({@link MigrationContext#simulated()}). */
    MigrationRunner simulating() {
        return new MigrationRunner(manifests, stateStore, clock, locks, listener, true);
    }

    @Override
    public MigrationReport migrate(MigrateCommand command) {
        Path home = command.home();
        Manifest manifest = manifests.load(command.migrations(), command.allowInsecureMigrations());
        // Read (and so validate) the state before anything is written: a bad state file leaves the home
        // byte for byte as it was, without even a lock file.
        MigrationState state = ownState(home, manifest, stateStore.load(home));
        Plan plan = plan(command, manifest, state);
        if (plan == null) {
            return leftAsItIs(command, manifest, state);
        }
        // Resolve every step that may run before running any, and before the lock file is written: a typo in
        // one entry must not leave a half-run, nor any write at all.
        Map<MigrationId, Migration> resolved = resolve(plan, state, new LinkedHashMap<>());
        if (command.dryRun() || !plan.writes(state)) {
            return run(command, plan, state, null, resolved);
        }
        try (HomeLocks.Held held = locks.acquire(home, command.lockWait())) {
            // Another run may have moved the home on before we got the lock: plan again from the state now.
            MigrationState locked = ownState(home, manifest, stateStore.load(home));
            Plan again = plan(command, manifest, locked);
            return again == null ? leftAsItIs(command, manifest, locked)
                    : run(command, again, locked, stateStore, resolve(again, locked, resolved));
        }
    }

    /**
     * The state as this run will write it: named after the manifest's app, when it has a profile. A state
     * without a name (an older telec, the reference runner) is adopted; one naming another app is refused
     * before anything runs.
     */
    private static MigrationState ownState(Path home, Manifest manifest, MigrationState state) {
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
     * (so a bad entry throws here as it would in the run).
     */
    public boolean pendingStepsNeedADisk(MigrateCommand command) {
        Manifest manifest = manifests.load(command.migrations(), command.allowInsecureMigrations());
        MigrationState state = ownState(command.home(), manifest, stateStore.load(command.home()));
        Plan plan = plan(command, manifest, state);
        if (plan == null) return false;
        for (Migration step : resolve(plan, state, new LinkedHashMap<>()).values()) {
            if (step instanceof ScriptMigration) return true;
        }
        return false;
    }

    private record Plan(Version from, Version to, List<Manifest.Entry> inRange) {
        /** Whether running this plan on {@code state} writes anything: a pending step or a newer version. */
        boolean writes(MigrationState state) {
            for (Manifest.Entry e : inRange) {
                if (!state.isApplied(e.id())) return true;
            }
            return state.version().isPresent() ? to.isAfter(state.version().get()) : !to.equals(Version.ZERO);
        }
    }

    /** The range to run; null when the home is newer than the range's end and the command allows that. */
    private Plan plan(MigrateCommand command, Manifest manifest, MigrationState state) {
        Version from = command.from().orElse(state.version().orElse(Version.ZERO));
        Version to = command.to().orElse(manifest.newest().orElse(from));
        if (from.isAfter(to)) {
            if (command.from().isPresent()) {
                throw new RangeException("--from " + from + " is after "
                        + (command.to().isPresent() ? "--to " : "the newest step version ") + to);
            }
            if (command.allowDowngrade()) {
                return null;
            }
            throw new DowngradeException(command.home(), "the home is at " + from + ", newer than "
                    + (command.to().isPresent() ? "--to " + to : "the newest step this telec knows (" + to + ")")
                    + ": an older telec on a newer home? Use a newer telec, or pass --allow-downgrade to leave the home as it is");
        }
        return new Plan(from, to, manifest.within(new VersionRange(from, to)));
    }

    /**
     * An allowed downgrade: nothing runs and nothing is written; the report's {@code from} (the home's
     * version) is after its {@code to}, which is how callers tell this case from an ordinary "nothing to do".
     */
    private static MigrationReport leftAsItIs(MigrateCommand command, Manifest manifest, MigrationState state) {
        Version at = state.version().orElse(Version.ZERO);
        Version to = command.to().orElse(manifest.newest().orElse(at));
        return new MigrationReport(at, to, command.dryRun(), List.of(), Optional.empty());
    }

    /** The steps of {@code plan} that {@code state} does not record, resolved once each (kept in {@code resolved}). */
    private static Map<MigrationId, Migration> resolve(Plan plan, MigrationState state, Map<MigrationId, Migration> resolved) {
        if (plan == null) return resolved;
        Map<MigrationId, Migration> pending = new LinkedHashMap<>();
        for (Manifest.Entry entry : plan.inRange()) {
            if (!state.isApplied(entry.id())) {
                pending.put(entry.id(), resolved.computeIfAbsent(entry.id(), id -> entry.resolve()));
            }
        }
        return pending;
    }

    private MigrationReport run(MigrateCommand command, Plan plan, MigrationState state, StateStore store,
                                Map<MigrationId, Migration> pending) {
        Path home = command.home();
        Version from = plan.from();
        Version to = plan.to();
        List<Manifest.Entry> inRange = plan.inRange();

        Run run = new Run(home, state, command.dryRun() ? null : store);
        for (Manifest.Entry entry : inRange) {
            MigrationId id = entry.id();
            if (run.halted()) {
                run.add(StepResult.of(id, StepOutcome.NOT_RUN));
            } else if (!pending.containsKey(id)) {
                run.add(StepResult.of(id, command.dryRun() ? StepOutcome.WOULD_SKIP_APPLIED : StepOutcome.SKIPPED_APPLIED));
            } else {
                run.step(id, pending.get(id), command.dryRun(), from, to);
            }
        }
        if (!command.dryRun()) {
            run.finish(run.halted() ? null : to);
        }
        return new MigrationReport(from, to, command.dryRun(), run.results, Optional.ofNullable(run.error));
    }

    /** The mutable part of one run: results so far, the state as recorded, and the failure, if any. */
    private final class Run {
        final Path home;
        final StateStore store; // null in a dry-run: nothing is written
        final List<StepResult> results = new ArrayList<>();
        final MigrationState.Builder recorded; // the state as recorded so far, appended in constant time
        int records;
        String error;

        Run(Path home, MigrationState state, StateStore store) {
            this.home = home;
            this.store = store;
            this.recorded = state.toBuilder();
        }

        boolean halted() {
            return error != null;
        }

        void add(StepResult result) {
            results.add(result);
        }

        void step(MigrationId id, Migration migration, boolean dryRun, Version from, Version to) {
            StepOutcome outcome;
            StepContext context = new StepContext(home, id.toString(), from, to, simulated);
            listener.started(id);
            try {
                outcome = attempt(id, migration, dryRun, context);
            } finally {
                listener.finished(id);
            }
            if (outcome == null) {
                noted(context); // failed
                return;
            }
            if (dryRun || record(id, outcome)) {
                add(StepResult.of(id, outcome).withNotes(List.copyOf(context.notes)));
            }
        }

        /** Adds the step's notes to its result, the last one added. */
        private void noted(StepContext context) {
            if (!context.notes.isEmpty()) {
                int last = results.size() - 1;
                results.set(last, results.get(last).withNotes(List.copyOf(context.notes)));
            }
        }

        /** Runs one step; its outcome, or null when it failed (and {@link #fail} was called). */
        private StepOutcome attempt(MigrationId id, Migration migration, boolean dryRun, StepContext context) {
            boolean done;
            try {
                done = migration.check(context);
            } catch (Throwable t) {
                fail(id, describe("check()", t), t);
                return null;
            }
            if (done) {
                return dryRun ? StepOutcome.WOULD_SKIP_CHECK : StepOutcome.SKIPPED_CHECK;
            }
            if (dryRun) {
                return StepOutcome.WOULD_APPLY;
            }
            try {
                if (!migration.migrate(context)) {
                    fail(id, "migrate() returned false", null);
                    return null;
                }
            } catch (Throwable t) {
                fail(id, describe("migrate()", t), t);
                return null;
            }
            context.confirming = true;
            try {
                if (!migration.check(context)) {
                    fail(id, CONTRACT_BROKEN, null);
                    return null;
                }
            } catch (Throwable t) {
                fail(id, describe("check() after migrate()", t), t);
                return null;
            }
            return StepOutcome.APPLIED;
        }

        /**
         * Records a step before the next one starts; a failure to record halts the run. The store may make
         * records durable in groups (see {@link StateStore#record}): a lost record only means check() again.
         */
        private boolean record(MigrationId id, StepOutcome outcome) {
            HistoryEntry entry = new HistoryEntry(id.toString(), outcome, now());
            try {
                store.record(home, entry);
            } catch (StateException e) {
                fail(id, outcome.wireName() + ", but recording it failed: " + e.getMessage(), e);
                return false;
            }
            recorded.add(entry);
            records++;
            return true;
        }

        /** Saves the new version ({@code to}, null after a failure), or at least commits what was recorded. */
        void finish(Version to) {
            MigrationState state = recorded.build();
            boolean newVersion = to != null
                    && (state.version().isPresent() ? to.isAfter(state.version().get()) : !to.equals(Version.ZERO));
            // never move a home's recorded version backwards, nor write a state that says nothing
            try {
                if (newVersion) {
                    store.save(home, state.withVersion(to));
                } else if (records > 0) {
                    store.commit(home, state);
                }
            } catch (StateException e) {
                String cause = newVersion ? "recording version " + to + " failed: " : "recording the steps failed: ";
                error = error == null ? cause + e.getMessage() : error + "; " + cause + e.getMessage();
            }
        }

        private void fail(MigrationId id, String cause, Throwable t) {
            rethrowFatal(t);
            StepResult failed = StepResult.failed(id, cause, t);
            if (t instanceof StepFailure f && (f.stdout() != null || f.stderr() != null)) {
                failed = failed.withOutput(new StepOutput(Objects.requireNonNullElse(f.stdout(), ""),
                        Objects.requireNonNullElse(f.stderr(), "")));
            }
            add(failed);
            error = id + ": " + cause;
        }

        private Instant now() {
            return clock.instant().truncatedTo(ChronoUnit.SECONDS);
        }
    }

    /** A step may throw anything, even an Error; only the JVM's own breakdowns are not the step's failure. */
    private static void rethrowFatal(Throwable t) {
        if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
            throw (VirtualMachineError) t;
        }
    }

    /**
     * What went wrong in {@code what} ({@code migrate()}), in words a person reads: a {@link StepFailure}'s
     * message as it is, file-system errors naming the file and the cause; the exception's type only where
     * its message says nothing without it. The type and the stack trace are in the result's cause.
     */
    static String describe(String what, Throwable t) {
        if (t instanceof StepFailure) {
            return TelecException.oneLine(t.getMessage());
        }
        return what + " failed: " + explain(t);
    }

    static String explain(Throwable t) {
        String message = t.getMessage() == null ? "" : TelecException.oneLine(t.getMessage());
        if (t instanceof FileSystemException e && e.getFile() != null) {
            String reason = e.getReason() == null ? "" : " (" + TelecException.oneLine(e.getReason()) + ")";
            String file = e.getFile() + (e.getOtherFile() == null ? "" : " -> " + e.getOtherFile());
            if (t instanceof NoSuchFileException) return file + " does not exist" + reason;
            if (t instanceof AccessDeniedException) return "permission denied: " + file + reason;
            if (t instanceof FileAlreadyExistsException) return file + " already exists" + reason;
            if (t instanceof DirectoryNotEmptyException) return file + " is a directory that is not empty" + reason;
            if (t instanceof NotDirectoryException) return file + " is not a directory" + reason;
            return file + ": " + (e.getReason() == null ? "cannot be read or written" : TelecException.oneLine(e.getReason()));
        }
        if (t instanceof NoClassDefFoundError) return "a class it needs is missing: " + message.replace('/', '.');
        if (t instanceof AssertionError) return "assertion failed" + (message.isEmpty() ? "" : ": " + message);
        if (message.isEmpty() || t instanceof Error) {
            // nothing but the type says what happened (a NullPointerException without a message, an Error)
            return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        }
        return message;
    }

    /**
     * The context a step gets; it keeps the step's notes, each once, in the order they came. Notes from the
     * check() after migrate() are not kept: that check() sees the step's own effect (a moved file is gone).
     */
    private static final class StepContext implements MigrationContext {
        private final Path home;
        private final String id;
        private final Version from;
        private final Version to;
        private final boolean simulated;
        final Set<String> notes = new LinkedHashSet<>();
        boolean confirming;

        StepContext(Path home, String id, Version from, Version to, boolean simulated) {
            this.home = home;
            this.id = id;
            this.from = from;
            this.to = to;
            this.simulated = simulated;
        }

        @Override
        public Version from() {
            return from;
        }

        @Override
        public Version to() {
            return to;
        }

        @Override
        public boolean simulated() {
            return simulated;
        }

        @Override
        public Path home() {
            return home;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void note(String message) {
            if (!confirming && message != null && !message.isBlank()) notes.add(TelecException.oneLine(message));
        }
    }
}
