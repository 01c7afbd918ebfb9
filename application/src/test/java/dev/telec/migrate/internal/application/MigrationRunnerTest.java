package dev.telec.migrate.internal.application;

import static dev.telec.migrate.domain.StepOutcome.APPLIED;
import static dev.telec.migrate.domain.StepOutcome.FAILED;
import static dev.telec.migrate.domain.StepOutcome.NOT_RUN;
import static dev.telec.migrate.domain.StepOutcome.SKIPPED_APPLIED;
import static dev.telec.migrate.domain.StepOutcome.SKIPPED_CHECK;
import static dev.telec.migrate.domain.StepOutcome.WOULD_APPLY;
import static dev.telec.migrate.domain.StepOutcome.WOULD_SKIP_APPLIED;
import static dev.telec.migrate.domain.StepOutcome.WOULD_SKIP_CHECK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.api.DowngradeException;
import dev.telec.migrate.api.LockedException;
import dev.telec.migrate.api.ManifestException;
import dev.telec.migrate.api.RangeException;
import dev.telec.migrate.internal.application.FileStep.Mode;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.domain.HistoryEntry;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepResult;
import dev.telec.migrate.domain.Version;
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

class MigrationRunnerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:02.789Z");

    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path home = fs.getPath("/home/app/.teleclaude");
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final ListManifests manifests = new ListManifests();
    private final List<String> log = new ArrayList<>();
    private final MigrationRunner runner = new MigrationRunner(manifests, store, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() throws Exception {
        fs.close();
    }

    private FileStep step(String id, Mode mode) {
        MigrationId mid = MigrationId.parse(id);
        FileStep step = new FileStep(mid, mode, log);
        manifests.add(mid, step);
        return step;
    }

    private FileStep step(String id) {
        return step(id, Mode.OK);
    }

    private static List<String> ids(MigrationReport report) {
        return report.steps().stream().map(s -> s.id().toString()).toList();
    }

    @Test
    void runsStepsInVersionThenNumberOrderAndRecordsTheTargetVersion() {
        step("1.10.0/001_late");
        step("1.2.0/002_b");
        step("1.2.0/001_a");
        step("1.0.0-rc.1/001_pre");

        MigrationReport report = runner.migrate(MigrateCommand.of(home));

        assertThat(log).containsExactly("1.0.0-rc.1/001_pre", "1.2.0/001_a", "1.2.0/002_b", "1.10.0/001_late");
        assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(APPLIED);
        assertThat(report.from()).isEqualTo(Version.ZERO);
        assertThat(report.to()).hasToString("1.10.0");
        MigrationState state = store.load(home);
        assertThat(state.version()).contains(Version.parse("1.10.0"));
        assertThat(state.applied()).containsExactly("1.0.0-rc.1/001_pre", "1.10.0/001_late", "1.2.0/001_a", "1.2.0/002_b");
        assertThat(state.history()).extracting(HistoryEntry::at).containsOnly(Instant.parse("2026-11-23T10:15:02Z"));
    }

    @Test
    void recordsEachAppliedStepBeforeTheNextStarts() {
        step("1.1.0/001_a");
        step("1.1.0/002_b");

        runner.migrate(MigrateCommand.of(home));

        assertThat(store.saves).hasSize(3);
        assertThat(store.saves.get(0).applied()).containsExactly("1.1.0/001_a");
        assertThat(store.saves.get(1).applied()).containsExactly("1.1.0/001_a", "1.1.0/002_b");
        assertThat(store.saves.get(2).version()).contains(Version.parse("1.1.0"));
    }

    @Test
    void skipsStepsWhoseCheckHoldsAndRecordsThem() throws Exception {
        FileStep done = step("1.1.0/001_done");
        step("1.1.0/002_todo");
        Files.createDirectories(FileStep.marker(home, done.id).getParent());
        Files.writeString(FileStep.marker(home, done.id), "by hand");

        MigrationReport report = runner.migrate(MigrateCommand.of(home));

        assertThat(report.steps()).extracting(StepResult::outcome).containsExactly(SKIPPED_CHECK, APPLIED);
        assertThat(log).containsExactly("1.1.0/002_todo");
        assertThat(store.load(home).history()).extracting(HistoryEntry::outcome).containsExactly(SKIPPED_CHECK, APPLIED);
        assertThat(report.applied()).isEqualTo(1);
        assertThat(report.skipped()).isEqualTo(1);
    }

    @Test
    void resumesFromAPrePopulatedStateWithoutAskingCheck() {
        FileStep recorded = step("1.1.0/001_a");
        step("1.1.0/002_b");
        store.put(home, MigrationState.of(Set.of("1.1.0/001_a"), Optional.empty(), List.of()));

        MigrationReport report = runner.migrate(MigrateCommand.of(home));

        assertThat(report.steps()).extracting(StepResult::outcome).containsExactly(SKIPPED_APPLIED, APPLIED);
        assertThat(recorded.checks).isZero();
        assertThat(log).containsExactly("1.1.0/002_b");
    }

    @Test
    void readsThePeerRunnersIdsWithExtensions() {
        FileStep recorded = step("1.1.0/001_example");
        store.put(home, MigrationState.of(Set.of("1.1.0/001_example.py"), Optional.empty(), List.of()));

        MigrationReport report = runner.migrate(MigrateCommand.of(home));

        assertThat(report.steps()).extracting(StepResult::outcome).containsExactly(SKIPPED_APPLIED);
        assertThat(recorded.checks).isZero();
    }

    @Test
    void haltsAtAThrowingStepNamingItAndTheCauseAndKeepsEarlierOnesRecorded() {
        step("1.1.0/001_a");
        step("1.1.0/002_b", Mode.THROWS);
        step("1.2.0/001_c");

        MigrationReport report = runner.migrate(MigrateCommand.of(home));

        assertThat(report.steps()).extracting(StepResult::outcome).containsExactly(APPLIED, FAILED, NOT_RUN);
        assertThat(report.error()).contains("1.1.0/002_b: migrate() failed: disk on fire in 1.1.0/002_b");
        assertThat(report.failedStep().flatMap(StepResult::cause)).hasValueSatisfying(t -> assertThat(t).isInstanceOf(java.io.IOException.class));
        assertThat(report.failedStep().map(StepResult::id)).contains(MigrationId.parse("1.1.0/002_b"));
        assertThat(log).containsExactly("1.1.0/001_a", "1.1.0/002_b");
        MigrationState state = store.load(home);
        assertThat(state.applied()).containsExactly("1.1.0/001_a");
        assertThat(state.version()).isEmpty();
    }

    @Test
    void haltsWhenMigrateReturnsFalse() {
        step("1.1.0/001_a", Mode.RETURNS_FALSE);
        step("1.1.0/002_b");

        MigrationReport report = runner.migrate(MigrateCommand.of(home));

        assertThat(report.steps()).extracting(StepResult::outcome).containsExactly(FAILED, NOT_RUN);
        assertThat(report.steps().get(0).error()).contains("migrate() returned false");
        assertThat(store.saves).isEmpty();
    }

    @Test
    void haltsWhenCheckIsStillFalseAfterASuccessfulMigrate() {
        step("1.1.0/001_liar", Mode.BREAKS_CONTRACT);

        MigrationReport report = runner.migrate(MigrateCommand.of(home));

        assertThat(report.steps().get(0).error()).contains("migrate() reported success but check() is still false");
        assertThat(store.load(home).applied()).isEmpty();
    }

    @Test
    void aThrowingCheckIsAFailureToo() {
        step("1.1.0/001_a", Mode.CHECK_THROWS);

        MigrationReport report = runner.migrate(MigrateCommand.of(home));

        assertThat(report.steps().get(0).error()).hasValueSatisfying(e -> assertThat(e)
                .isEqualTo("check() failed: cannot read 1.1.0/001_a"));
    }

    @Test
    void anErrorFromAStepIsReportedNotPropagated() {
        MigrationId id = MigrationId.parse("1.1.0/001_a");
        manifests.add(id, new dev.telec.migrate.spi.Migration() {
            @Override
            public boolean check(dev.telec.migrate.spi.MigrationContext c) {
                return false;
            }

            @Override
            public boolean migrate(dev.telec.migrate.spi.MigrationContext c) {
                throw new AssertionError("invariant\nbroken");
            }
        });

        MigrationReport report = runner.migrate(MigrateCommand.of(home));

        assertThat(report.error()).contains("1.1.0/001_a: migrate() failed: assertion failed: invariant broken");
    }

    /** A step given as two lambdas: check() and migrate(), each with the step's context. */
    interface Body {
        boolean run(dev.telec.migrate.spi.MigrationContext c) throws Exception;
    }

    private void step(String id, Body check, Body migrate) {
        manifests.add(MigrationId.parse(id), new dev.telec.migrate.spi.Migration() {
            @Override
            public boolean check(dev.telec.migrate.spi.MigrationContext c) throws Exception {
                return check.run(c);
            }

            @Override
            public boolean migrate(dev.telec.migrate.spi.MigrationContext c) throws Exception {
                return migrate.run(c);
            }
        });
    }

    @Test
    void aStepFailureIsReportedInItsOwnWordsWithoutAJavaClassName() {
        step("1.1.0/001_rename", c -> false, c -> {
            throw new dev.telec.migrate.spi.StepFailure("rename_key (operation 1): /legacy is a list, not a mapping in config.json");
        });

        MigrationReport report = runner.migrate(MigrateCommand.of(home));

        assertThat(report.error()).contains("1.1.0/001_rename: rename_key (operation 1): /legacy is a list, not a mapping in config.json");
        assertThat(report.steps().get(0).cause()).hasValueSatisfying(t -> assertThat(t).isInstanceOf(dev.telec.migrate.spi.StepFailure.class));
    }

    @Test
    void fileSystemErrorsNameTheFileAndTheCauseNotTheExceptionType() {
        step("1.1.0/001_denied", c -> false, c -> {
            throw new java.nio.file.AccessDeniedException("people/alice/teleclaude.yml");
        });

        MigrationReport report = runner.migrate(MigrateCommand.of(home));

        assertThat(report.error()).contains("1.1.0/001_denied: migrate() failed: permission denied: people/alice/teleclaude.yml");
        assertThat(report.error().orElseThrow()).doesNotContain("Exception").doesNotContain("java.");
    }

    @Test
    void anExceptionWithoutAMessageIsNamedByItsSimpleType() {
        step("1.1.0/001_npe", c -> false, c -> {
            throw new NullPointerException();
        });

        assertThat(runner.migrate(MigrateCommand.of(home)).error()).contains("1.1.0/001_npe: migrate() failed: NullPointerException");
    }

    @Test
    void notesOfTheFirstCheckAndOfMigrateAreOnTheStepOnceEachAndThoseOfTheConfirmingCheckAreNot() {
        boolean[] migrated = {false};
        step("1.1.0/001_noted", c -> {
            c.note(migrated[0] ? "after: sessions does not exist" : "config.yml does not exist");
            return migrated[0];
        }, c -> {
            c.note("config.yml does not exist");
            migrated[0] = true;
            return true;
        });
        step("1.1.0/002_skipped", c -> {
            c.note("settings.yml does not exist");
            return true;
        }, c -> true);

        MigrationReport report = runner.migrate(MigrateCommand.of(home));

        assertThat(report.steps()).extracting(StepResult::notes)
                .containsExactly(List.of("config.yml does not exist"), List.of("settings.yml does not exist"));
        assertThat(report.steps()).extracting(StepResult::outcome).containsExactly(APPLIED, SKIPPED_CHECK);
    }

    @Test
    void aDryRunCarriesTheNotesOfTheCheckItAsks() {
        step("1.1.0/001_noted", c -> {
            c.note("config.yml does not exist");
            return true;
        }, c -> true);

        MigrationReport report = runner.migrate(MigrateCommand.of(home).dryRun(true));

        assertThat(report.steps().get(0).notes()).containsExactly("config.yml does not exist");
    }

    @Test
    void aStateWriteFailureHaltsTheRunAtThatStep() {
        step("1.1.0/001_a");
        step("1.1.0/002_b");
        step("1.1.0/003_c");
        store.failSaveNumber = 2;

        MigrationReport report = runner.migrate(MigrateCommand.of(home));

        assertThat(report.steps()).extracting(StepResult::outcome).containsExactly(APPLIED, FAILED, NOT_RUN);
        assertThat(report.steps().get(1).error()).hasValueSatisfying(e -> assertThat(e)
                .contains("recording it failed").contains("No space left on device"));
        assertThat(store.load(home).applied()).containsExactly("1.1.0/001_a");
    }

    @Test
    void dryRunCallsCheckButNeverMigrateAndWritesNothing() throws Exception {
        FileStep applied = step("1.1.0/001_recorded");
        FileStep satisfied = step("1.1.0/002_satisfied");
        FileStep pending = step("1.2.0/001_pending");
        store.put(home, MigrationState.of(Set.of("1.1.0/001_recorded"), Optional.empty(), List.of()));
        Files.createDirectories(FileStep.marker(home, satisfied.id).getParent());
        Files.writeString(FileStep.marker(home, satisfied.id), "x");

        MigrationReport report = runner.migrate(MigrateCommand.of(home).dryRun(true));

        assertThat(report.dryRun()).isTrue();
        assertThat(report.steps()).extracting(StepResult::outcome)
                .containsExactly(WOULD_SKIP_APPLIED, WOULD_SKIP_CHECK, WOULD_APPLY);
        assertThat(log).isEmpty();
        assertThat(applied.checks).isZero();
        assertThat(pending.checks).isEqualTo(1);
        assertThat(store.saves).isEmpty();
        assertThat(Files.exists(FileStep.marker(home, pending.id))).isFalse();
    }

    @Test
    void selectsStepsAfterFromUpToAndIncludingTo() {
        step("1.0.0/001_a");
        step("1.1.0/001_b");
        step("1.2.0/001_c");
        step("1.3.0/001_d");

        MigrationReport report = runner.migrate(MigrateCommand.of(home)
                .from(Version.parse("1.0.0")).to(Version.parse("1.2.0")));

        // 1.0.0/001_a is at or below --from and not recorded: reported as ignored, not run
        assertThat(ids(report)).containsExactly("1.0.0/001_a", "1.1.0/001_b", "1.2.0/001_c");
        assertThat(report.steps().get(0).outcome()).isEqualTo(dev.telec.migrate.domain.StepOutcome.IGNORED);
        assertThat(report.applied()).isEqualTo(2);
        assertThat(store.load(home).version()).contains(Version.parse("1.2.0"));
    }

    @Test
    void defaultsFromToTheRecordedVersion() {
        step("1.0.0/001_a");
        step("1.1.0/001_b");
        store.put(home, MigrationState.of(Set.of(), Optional.of(Version.parse("1.0.0")), List.of()));

        MigrationReport report = runner.migrate(MigrateCommand.of(home));

        assertThat(report.from()).hasToString("1.0.0");
        assertThat(ids(report)).containsExactly("1.0.0/001_a", "1.1.0/001_b");
        assertThat(report.steps().get(0).outcome()).as("not recorded, below the recorded version").isEqualTo(dev.telec.migrate.domain.StepOutcome.IGNORED);
    }

    @Test
    void nothingToDoWritesNothing() {
        step("1.0.0/001_a");
        store.put(home, MigrationState.of(Set.of("1.0.0/001_a"), Optional.of(Version.parse("1.0.0")), List.of()));

        MigrationReport report = runner.migrate(MigrateCommand.of(home));

        assertThat(report.steps()).isEmpty();
        assertThat(report.succeeded()).isTrue();
        assertThat(store.saves).isEmpty();
        assertThat(manifests.resolutions()).isZero();
    }

    @Test
    void refusesAHomeNewerThanTheNewestStep() {
        step("1.0.0/001_a");
        store.put(home, MigrationState.of(Set.of(), Optional.of(Version.parse("2.0.0")), List.of()));

        assertThatThrownBy(() -> runner.migrate(MigrateCommand.of(home)))
                .isInstanceOf(DowngradeException.class)
                .hasMessage(home + ": the home is at 2.0.0, newer than the newest step this telec knows (1.0.0):"
                        + " an older telec on a newer home? Use a newer telec, or allow the downgrade to leave the home as it is");
        assertThat(store.saves).isEmpty();
    }

    @Test
    void allowDowngradeLeavesANewerHomeAsItIsAndReportsFromAfterTo() {
        step("1.0.0/001_a");
        store.put(home, MigrationState.of(Set.of(), Optional.of(Version.parse("2.0.0")), List.of()));

        MigrationReport report = runner.migrate(MigrateCommand.of(home).allowDowngrade(true));

        assertThat(report.succeeded()).isTrue();
        assertThat(report.steps()).isEmpty();
        assertThat(report.from()).hasToString("2.0.0");
        assertThat(report.to()).hasToString("1.0.0");
        assertThat(store.saves).isEmpty();
        assertThat(log).isEmpty();
    }

    /** Records what the runner does with the lock, and can refuse it like a held one. */
    private static final class FakeLocks implements dev.telec.migrate.internal.application.port.out.HomeLocks {
        final List<String> events = new ArrayList<>();
        boolean held;

        @Override
        public Held acquire(Path at, java.time.Duration wait) {
            if (held) throw new LockedException(at.resolve(".migration.lock"), "another telec migrate holds " + at);
            events.add("acquire " + wait.toSeconds());
            return () -> events.add("release");
        }
    }

    @Test
    void aRealRunHoldsTheLockWhileItWritesAndReleasesIt() {
        FakeLocks locks = new FakeLocks();
        MigrationRunner locking = new MigrationRunner(manifests, store, Clock.fixed(NOW, ZoneOffset.UTC), locks);
        step("1.0.0/001_a");

        MigrationReport report = locking.migrate(MigrateCommand.of(home).lockWait(java.time.Duration.ofSeconds(7)));

        assertThat(report.succeeded()).isTrue();
        assertThat(locks.events).containsExactly("acquire 7", "release");
    }

    @Test
    void dryRunsAndRunsWithNothingToDoTakeNoLock() {
        FakeLocks locks = new FakeLocks();
        locks.held = true;
        MigrationRunner locking = new MigrationRunner(manifests, store, Clock.fixed(NOW, ZoneOffset.UTC), locks);
        step("1.0.0/001_a");

        assertThat(locking.migrate(MigrateCommand.of(home).dryRun(true)).succeeded()).isTrue();
        store.put(home, MigrationState.of(Set.of("1.0.0/001_a"), Optional.of(Version.parse("1.0.0")), List.of()));
        assertThat(locking.migrate(MigrateCommand.of(home)).succeeded()).isTrue();
        assertThat(locks.events).isEmpty();
    }

    @Test
    void aHeldHomeIsRefusedBeforeAnyStepRunsOrAnythingIsWritten() {
        FakeLocks locks = new FakeLocks();
        locks.held = true;
        MigrationRunner locking = new MigrationRunner(manifests, store, Clock.fixed(NOW, ZoneOffset.UTC), locks);
        step("1.0.0/001_a");

        assertThatThrownBy(() -> locking.migrate(MigrateCommand.of(home)))
                .isInstanceOf(LockedException.class);
        assertThat(log).isEmpty();
        assertThat(store.saves).isEmpty();
    }

    @Test
    void theStateIsReadAgainUnderTheLockSoStepsAnotherRunRecordedAreNotRunAgain() {
        step("1.0.0/001_a");
        step("1.0.0/002_b");
        MigrationState byTheOtherRun = MigrationState.of(Set.of("1.0.0/001_a"), Optional.empty(), List.of());
        MigrationRunner locking = new MigrationRunner(manifests, store, Clock.fixed(NOW, ZoneOffset.UTC),
                (at, wait) -> {
                    store.put(home, byTheOtherRun); // the other run finished step a while we waited
                    return () -> { };
                });

        MigrationReport report = locking.migrate(MigrateCommand.of(home));

        assertThat(log).containsExactly("1.0.0/002_b");
        assertThat(report.steps()).extracting(StepResult::outcome).containsExactly(SKIPPED_APPLIED, APPLIED);
    }

    @Test
    void resolvesEveryPendingStepBeforeRunningAny() {
        step("1.1.0/001_a");
        manifests.add(MigrationId.parse("1.1.0/002_broken"), () -> {
            throw new ManifestException(home.resolve("v1.1.0/002_broken.yaml"), "class com.example.Nope not found");
        });

        assertThatThrownBy(() -> runner.migrate(MigrateCommand.of(home)))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("002_broken.yaml");
        assertThat(log).isEmpty();
        assertThat(store.saves).isEmpty();
    }
}
