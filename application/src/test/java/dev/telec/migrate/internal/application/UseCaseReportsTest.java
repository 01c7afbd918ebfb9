package dev.telec.migrate.internal.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.internal.application.FileStep.Mode;
import dev.telec.migrate.application.port.in.DryRunCommand;
import dev.telec.migrate.application.port.in.DryRunOptions;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.StepListener;
import dev.telec.migrate.internal.application.port.out.Sandbox;
import dev.telec.migrate.internal.application.port.out.StateStore;
import dev.telec.migrate.domain.HistoryEntry;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.MigrationReport.Failure;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.spi.DurabilityBarrier;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the use cases' reports say without the caller inferring it, and what a caller and a step are given. */
class UseCaseReportsTest {

    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path home = fs.getPath("/home/app");
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final ListManifests manifests = new ListManifests();
    private final List<String> log = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:15:02Z"), ZoneOffset.UTC);
    private final MigrationRunner runner = new MigrationRunner(manifests, store, clock);

    @AfterEach
    void close() throws Exception {
        fs.close();
    }

    private void step(String id, Mode mode) {
        MigrationId mid = MigrationId.parse(id);
        manifests.add(mid, new FileStep(mid, mode, log));
    }

    @Test
    void anAllowedDowngradeSaysTheHomeWasLeftAsItIs() {
        step("1.0.0/001_a", Mode.OK);
        store.put(home, MigrationState.of(Set.of(), Optional.of(Version.parse("2.0.0")), List.of()));

        MigrationReport report = runner.migrate(MigrateCommand.of(home).allowDowngrade(true));

        assertThat(report.leftAsItIs()).isTrue();
        assertThat(report.mode()).isEqualTo(MigrationReport.Mode.RUN);
        assertThat(report.failure()).isEmpty();
    }

    @Test
    void anOrdinaryRunWithNothingToDoIsNotLeftAsItIs() {
        step("1.0.0/001_a", Mode.OK);
        runner.migrate(MigrateCommand.of(home));

        MigrationReport again = runner.migrate(MigrateCommand.of(home));

        assertThat(again.leftAsItIs()).isFalse();
        assertThat(again.succeeded()).isTrue();
    }

    @Test
    void aThrowingStepIsAFailureValueWithItsStepCauseAndExceptionType() {
        step("1.0.0/001_a", Mode.OK);
        step("1.0.0/002_b", Mode.THROWS);

        Failure failure = runner.migrate(MigrateCommand.of(home)).failure().orElseThrow();

        assertThat(failure.step()).contains(MigrationId.parse("1.0.0/002_b"));
        assertThat(failure.cause()).isEqualTo(Failure.Cause.MIGRATE_THREW);
        assertThat(failure.exceptionType()).contains("java.io.IOException");
        assertThat(failure.message()).isEqualTo("migrate() failed: disk on fire in 1.0.0/002_b");
        assertThat(failure.describe()).isEqualTo("1.0.0/002_b: " + failure.message());
    }

    @Test
    void eachKindOfStepFailureHasItsOwnCause() {
        step("1.0.0/001_a", Mode.RETURNS_FALSE);
        assertThat(runner.migrate(MigrateCommand.of(home)).failure().map(Failure::cause)).contains(Failure.Cause.MIGRATE_RETURNED_FALSE);

        manifests.entries.clear();
        step("1.0.0/001_a", Mode.BREAKS_CONTRACT);
        assertThat(runner.migrate(MigrateCommand.of(home)).failure().map(Failure::cause)).contains(Failure.Cause.CHECK_STILL_FALSE);

        manifests.entries.clear();
        step("1.0.0/001_a", Mode.CHECK_THROWS);
        Failure checkThrew = runner.migrate(MigrateCommand.of(home)).failure().orElseThrow();
        assertThat(checkThrew.cause()).isEqualTo(Failure.Cause.CHECK_THREW);
        assertThat(checkThrew.exceptionType()).contains("java.lang.IllegalStateException");
    }

    @Test
    void aStateThatCannotBeSavedAtTheEndIsAFailureOfNoStep() {
        step("1.0.0/001_a", Mode.OK);
        store.failSaveNumber = 2; // the first save records the step, the second the version

        Failure failure = runner.migrate(MigrateCommand.of(home)).failure().orElseThrow();

        assertThat(failure.step()).isEmpty();
        assertThat(failure.cause()).isEqualTo(Failure.Cause.STATE_NOT_SAVED);
        assertThat(failure.describe()).startsWith("recording version 1.0.0 failed: ");
    }

    @Test
    void theCallersListenerSeesEachStepThatRunsStartAndFinish() {
        step("1.0.0/001_a", Mode.OK);
        step("1.0.0/002_b", Mode.OK);
        runner.migrate(MigrateCommand.of(home).to(Version.parse("1.0.0")));
        step("1.1.0/001_c", Mode.OK);
        List<String> events = new ArrayList<>();

        runner.migrate(MigrateCommand.of(home).from(Version.ZERO), new StepListener() {
            @Override
            public void started(MigrationId id) {
                events.add("start " + id);
            }

            @Override
            public void finished(MigrationId id) {
                events.add("end " + id);
            }
        });

        // the recorded steps are skipped without being announced
        assertThat(events).containsExactly("start 1.1.0/001_c", "end 1.1.0/001_c");
    }

    @Test
    void aCheckOnlyDryRunSaysSoAndCallsNoMigrate() {
        step("1.0.0/001_a", Mode.OK);
        SimulatingMigrator dryRuns = new SimulatingMigrator(runner, new NoSandbox());

        MigrationReport report = dryRuns.dryRun(new DryRunCommand(MigrateCommand.of(home), DryRunOptions.DEFAULT.simulate(false)));

        assertThat(report.mode()).isEqualTo(MigrationReport.Mode.CHECK_ONLY_DRY_RUN);
        assertThat(report.dryRun()).isTrue();
        assertThat(report.simulated()).isFalse();
        assertThat(report.steps()).extracting(s -> s.outcome()).containsExactly(StepOutcome.WOULD_APPLY);
        assertThat(log).isEmpty();
        assertThat(store.saves).isEmpty();
    }

    @Test
    void aDryRunThatCannotCopyTheHomeFallsBackToTheCheckOnlyPlanWithANotice() {
        step("1.0.0/001_a", Mode.OK);

        MigrationReport report = new SimulatingMigrator(runner, new NoSandbox()).dryRun(DryRunCommand.of(home));

        assertThat(report.mode()).isEqualTo(MigrationReport.Mode.CHECK_ONLY_DRY_RUN);
        assertThat(report.notice()).hasValueSatisfying(n -> assertThat(n).startsWith("not simulated: too large"));
    }

    @Test
    void theDeprecatedDryRunFlagStillGoesToTheDryRunUseCase() {
        step("1.0.0/001_a", Mode.OK);
        Migrator migrator = new Migrator(runner, new SimulatingMigrator(runner, new NoSandbox()));

        @SuppressWarnings("deprecation")
        MigrationReport report = migrator.migrate(MigrateCommand.of(home).dryRun(true));

        assertThat(report.dryRun()).isTrue();
        assertThat(log).isEmpty();
        assertThat(migrator.migrate(MigrateCommand.of(home)).mode()).isEqualTo(MigrationReport.Mode.RUN);
        assertThat(log).containsExactly("1.0.0/001_a");
    }

    @Test
    void aStepsDirectoryChangesAreSyncedBeforeItsRecordIsWritten() {
        List<String> events = new ArrayList<>();
        BarrierStore barrierStore = new BarrierStore(events);
        MigrationId id = MigrationId.parse("1.0.0/001_mkdir");
        manifests.add(id, new Migration() {
            @Override
            public boolean check(MigrationContext context) {
                return Files.isDirectory(context.home().resolve("logs"));
            }

            @Override
            public boolean migrate(MigrationContext context) throws Exception {
                Files.createDirectories(context.home().resolve("logs"));
                context.durability().syncBeforeRecord(context.home());
                events.add("step asked to sync " + context.home());
                return true;
            }
        });

        MigrationReport report = new MigrationRunner(manifests, barrierStore, clock).migrate(MigrateCommand.of(home));

        assertThat(report.succeeded()).isTrue();
        assertThat(events).containsExactly("step asked to sync /home/app", "synced /home/app", "recorded 1.0.0/001_mkdir", "saved");
    }

    /** A sandbox that can never copy: every dry-run falls back to the check-only plan. */
    private static final class NoSandbox implements Sandbox {
        @Override
        public Copy copy(Path at, long limitBytes, Diffs diffs) throws Unavailable {
            throw new Unavailable("too large");
        }
    }

    /** A store that notes, in order, when its barrier syncs and when it records, as a journal-writing store would. */
    private static final class BarrierStore implements StateStore {
        private final List<String> events;
        private final InMemoryStateStore states = new InMemoryStateStore();

        BarrierStore(List<String> events) {
            this.events = events;
        }

        @Override
        public MigrationState load(Path at) {
            return states.load(at);
        }

        @Override
        public void save(Path at, MigrationState state) {
            events.add("saved");
            states.save(at, state);
        }

        @Override
        public void record(Path at, HistoryEntry entry) {
            events.add("recorded " + entry.id());
        }

        @Override
        public DurabilityBarrier newBarrier() {
            List<Path> asked = new ArrayList<>();
            return new DurabilityBarrier() {
                @Override
                public void syncBeforeRecord(Path directory) {
                    asked.add(directory);
                }

                @Override
                public void flush() {
                    asked.forEach(d -> events.add("synced " + d));
                    asked.clear();
                }
            };
        }
    }
}
