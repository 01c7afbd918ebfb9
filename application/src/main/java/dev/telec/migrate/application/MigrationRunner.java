package dev.telec.migrate.application;

import dev.telec.migrate.application.TelecException.RangeException;
import dev.telec.migrate.application.TelecException.StateException;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.application.port.out.Manifest;
import dev.telec.migrate.application.port.out.Manifests;
import dev.telec.migrate.application.port.out.StateStore;
import dev.telec.migrate.domain.HistoryEntry;
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

    private final Manifests manifests;
    private final StateStore stateStore;
    private final Clock clock;

    public MigrationRunner(Manifests manifests, StateStore stateStore, Clock clock) {
        this.manifests = Objects.requireNonNull(manifests, "manifests");
        this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
        this.clock = Objects.requireNonNull(clock, "clock");
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

        void step(MigrationId id, Migration migration, boolean dryRun) {
            MigrationContext context = new StepContext(home, id.toString());
            boolean done;
            try {
                done = migration.check(context);
            } catch (Throwable t) {
                fail(id, "check() threw " + describe(t), t);
                return;
            }
            if (done) {
                if (dryRun) {
                    add(StepResult.of(id, StepOutcome.WOULD_SKIP_CHECK));
                } else if (record(id, StepOutcome.SKIPPED_CHECK)) {
                    add(StepResult.of(id, StepOutcome.SKIPPED_CHECK));
                }
                return;
            }
            if (dryRun) {
                add(StepResult.of(id, StepOutcome.WOULD_APPLY));
                return;
            }
            try {
                if (!migration.migrate(context)) {
                    fail(id, "migrate() returned false", null);
                    return;
                }
            } catch (Throwable t) {
                fail(id, "migrate() threw " + describe(t), t);
                return;
            }
            try {
                if (!migration.check(context)) {
                    fail(id, CONTRACT_BROKEN, null);
                    return;
                }
            } catch (Throwable t) {
                fail(id, "check() after migrate() threw " + describe(t), t);
                return;
            }
            if (record(id, StepOutcome.APPLIED)) {
                add(StepResult.of(id, StepOutcome.APPLIED));
            }
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
