package dev.telec.migrate.application;

import dev.telec.migrate.application.TelecException.RangeException;
import dev.telec.migrate.application.TelecException.StateException;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.application.port.out.Manifest;
import dev.telec.migrate.application.port.out.Manifests;
import dev.telec.migrate.application.port.out.StateStore;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.StepResult;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.domain.VersionRange;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
    private final StepListener listener;

    public MigrationRunner(Manifests manifests, StateStore stateStore, Clock clock) {
        this(manifests, stateStore, clock, StepListener.NONE);
    }

    public MigrationRunner(Manifests manifests, StateStore stateStore, Clock clock, StepListener listener) {
        this.manifests = Objects.requireNonNull(manifests, "manifests");
        this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** This runner, telling {@code other} about each step. */
    public MigrationRunner withListener(StepListener other) {
        return new MigrationRunner(manifests, stateStore, clock, other);
    }

    @Override
    public MigrationReport migrate(MigrateCommand command) {
        Path home = command.home();
        Manifest manifest = manifests.load(command.migrations());
        MigrationState state = stateStore.load(home);

        Version from = command.from().orElse(state.version().orElse(Version.ZERO));
        Version to = command.to().orElse(manifest.newest().orElse(from));
        if (from.isAfter(to)) {
            throw new RangeException(command.from().isPresent()
                    ? "--from " + from + " is after " + (command.to().isPresent() ? "--to " : "the newest step version ") + to
                    : "the home is at " + from + ", newer than " + (command.to().isPresent() ? "--to " : "the newest step version ") + to
                            + " (an older telec on a newer home?)");
        }
        List<Manifest.Entry> inRange = manifest.within(new VersionRange(from, to));

        // Resolve every step that may run before running any: a typo in one entry must not leave a half-run.
        Map<MigrationId, Migration> pending = new LinkedHashMap<>();
        for (Manifest.Entry entry : inRange) {
            if (!state.isApplied(entry.id())) {
                pending.put(entry.id(), entry.resolve());
            }
        }

        Run run = command.dryRun() ? new Run(home, state, null) : new Run(home, state, stateStore);
        for (Manifest.Entry entry : inRange) {
            MigrationId id = entry.id();
            if (run.halted()) {
                run.add(StepResult.of(id, StepOutcome.NOT_RUN));
            } else if (!pending.containsKey(id)) {
                run.add(StepResult.of(id, command.dryRun() ? StepOutcome.WOULD_SKIP_APPLIED : StepOutcome.SKIPPED_APPLIED));
            } else {
                run.step(id, pending.get(id), command.dryRun());
            }
        }
        if (!command.dryRun() && !run.halted()) {
            run.finish(to);
        }
        return new MigrationReport(from, to, command.dryRun(), run.results, Optional.ofNullable(run.error));
    }

    /** The mutable part of one run: results so far, the state as recorded, and the failure, if any. */
    private final class Run {
        final Path home;
        final StateStore store; // null in a dry-run: nothing is written
        final List<StepResult> results = new ArrayList<>();
        MigrationState state;
        String error;

        Run(Path home, MigrationState state, StateStore store) {
            this.home = home;
            this.state = state;
            this.store = store;
        }

        boolean halted() {
            return error != null;
        }

        void add(StepResult result) {
            results.add(result);
        }

        void step(MigrationId id, Migration migration, boolean dryRun) {
            StepOutcome outcome;
            listener.started(id);
            try {
                outcome = attempt(id, migration, dryRun);
            } finally {
                listener.finished(id);
            }
            if (outcome == null) {
                return; // failed
            }
            if (dryRun) {
                add(StepResult.of(id, outcome));
            } else if (record(id, outcome)) {
                add(StepResult.of(id, outcome));
            }
        }

        /** Runs one step; its outcome, or null when it failed (and {@link #fail} was called). */
        private StepOutcome attempt(MigrationId id, Migration migration, boolean dryRun) {
            MigrationContext context = new StepContext(home, id.toString());
            boolean done;
            try {
                done = migration.check(context);
            } catch (Throwable t) {
                fail(id, "check() threw " + describe(t), t);
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
                fail(id, "migrate() threw " + describe(t), t);
                return null;
            }
            try {
                if (!migration.check(context)) {
                    fail(id, CONTRACT_BROKEN, null);
                    return null;
                }
            } catch (Throwable t) {
                fail(id, "check() after migrate() threw " + describe(t), t);
                return null;
            }
            return StepOutcome.APPLIED;
        }

        /** Records a step durably before the next one starts; a failure to record halts the run. */
        private boolean record(MigrationId id, StepOutcome outcome) {
            MigrationState next = state.record(id, outcome, now());
            try {
                store.save(home, next);
            } catch (StateException e) {
                fail(id, outcome.wireName() + ", but recording it failed: " + e.getMessage(), e);
                return false;
            }
            state = next;
            return true;
        }

        void finish(Version to) {
            if (state.version().isPresent() ? !to.isAfter(state.version().get()) : to.equals(Version.ZERO)) {
                return; // never move a home's recorded version backwards, nor write a state that says nothing
            }
            try {
                MigrationState next = state.withVersion(to);
                store.save(home, next);
                state = next;
            } catch (StateException e) {
                error = "recording version " + to + " failed: " + e.getMessage();
            }
        }

        private void fail(MigrationId id, String cause, Throwable t) {
            rethrowFatal(t);
            add(StepResult.failed(id, cause));
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

    static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getName() + (message == null || message.isBlank() ? "" : ": " + oneLine(message));
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private record StepContext(Path home, String id) implements MigrationContext {
    }
}
