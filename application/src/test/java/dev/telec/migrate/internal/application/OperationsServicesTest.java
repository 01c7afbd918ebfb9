package dev.telec.migrate.internal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.api.StateException;
import dev.telec.migrate.api.UsageException;
import dev.telec.migrate.internal.application.FileStep.Mode;
import dev.telec.migrate.application.port.in.DryRunCommand;
import dev.telec.migrate.application.port.in.DryRunUseCase;
import dev.telec.migrate.application.port.in.MarkCommand;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.RepairCommand;
import dev.telec.migrate.application.port.in.StampCommand;
import dev.telec.migrate.application.port.in.StatusCommand;
import dev.telec.migrate.application.port.in.ValidateCommand;
import dev.telec.migrate.internal.application.port.out.HomeLocks;
import dev.telec.migrate.domain.HistoryEntry;
import dev.telec.migrate.domain.HomeStatus;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.StepResult;
import dev.telec.migrate.domain.StepStatus;
import dev.telec.migrate.domain.StepStatus.State;
import dev.telec.migrate.domain.Validation;
import dev.telec.migrate.domain.Version;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator verbs as a library calls them: use cases over in-memory fakes, no command line. */
class OperationsServicesTest {

    private static final MigrationId FIRST = MigrationId.parse("1.1.0/001_first");
    private static final MigrationId SECOND = MigrationId.parse("1.1.0/002_second");
    private static final MigrationId THIRD = MigrationId.parse("1.2.0/001_third");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:15:02Z"), ZoneOffset.UTC);
    /** A dry-run of a home with nothing pending. */
    private static final DryRunUseCase NOTHING_PENDING = (command, listener) -> dryRunReport(List.of());

    Path home;
    ListManifests manifests;
    InMemoryStateStore store;
    List<String> log;
    List<FileStep> made;

    @BeforeEach
    void setUp() {
        home = Jimfs.newFileSystem(Configuration.unix()).getPath("/home");
        manifests = new ListManifests();
        store = new InMemoryStateStore();
        log = new ArrayList<>();
        made = new ArrayList<>();
        for (MigrationId id : List.of(FIRST, SECOND, THIRD)) manifests.add(id, step(id));
    }

    /** A fresh step each resolution, kept so that the test can count the check() calls they saw. */
    private Supplier<dev.telec.migrate.spi.Migration> step(MigrationId id) {
        return () -> {
            FileStep step = new FileStep(id, Mode.OK, log);
            made.add(step);
            return step;
        };
    }

    private int checks() {
        return made.stream().mapToInt(s -> s.checks).sum();
    }

    private void migrate() {
        new MigrationRunner(manifests, store, CLOCK).migrate(MigrateCommand.of(home).migrations(Path.of("m")));
    }

    private HomeStatus status() {
        return new StatusService(manifests, store).status(StatusCommand.of(home).migrations(Path.of("m")));
    }

    private static List<String> states(HomeStatus status) {
        return status.steps().stream().map(s -> s.id() + "=" + s.state().wireName() + (s.drifted() ? "+drifted" : "")).toList();
    }

    @Test
    void statusCallsNoStepAndWritesNothing() {
        migrate();
        int checksBefore = checks();
        int savesBefore = store.saves.size();
        int resolutionsBefore = manifests.resolutions();

        HomeStatus status = status();

        assertThat(states(status)).containsExactly("1.1.0/001_first=applied", "1.1.0/002_second=applied", "1.2.0/001_third=applied");
        assertThat(status.steps().get(0).outcome()).contains(StepOutcome.APPLIED);
        assertThat(status.steps().get(0).at()).contains(CLOCK.instant());
        assertThat(checks()).isEqualTo(checksBefore);
        assertThat(manifests.resolutions()).as("no step resolved").isEqualTo(resolutionsBefore);
        assertThat(store.saves).hasSize(savesBefore);
        assertThat(status.upToDate()).isTrue();
    }

    @Test
    void theRunnerRecordsEachStepWithItsChecksumAndAChangedOneIsDrifted() {
        migrate();
        assertThat(store.load(home).history()).extracting(HistoryEntry::checksum)
                .containsExactly(Optional.of("sha256:1"), Optional.of("sha256:2"), Optional.of("sha256:1"));

        manifests.redefine(SECOND, "sha256:changed");

        assertThat(states(status())).contains("1.1.0/002_second=applied+drifted");
        Validation v = new ValidateService(manifests, store, NOTHING_PENDING).validate(
                new ValidateCommand(Optional.of(home), Optional.of(Path.of("m")), false));
        assertThat(v.problems()).extracting(Validation.Problem::kind).containsExactly(Validation.Kind.DRIFTED);
        assertThat(v.problems().get(0).message()).contains("recorded sha256:2, now sha256:changed");

        new RepairService(manifests, store, CLOCK, HomeLocks.NONE).repair(RepairCommand.of(home).migrations(Path.of("m")));

        assertThat(status().drifted()).isZero();
        assertThat(store.load(home).history().get(3).outcome()).isEqualTo(StepOutcome.REPAIRED);
    }

    @Test
    void aStepWithoutARecordedChecksumNeverLooksDrifted() {
        store.put(home, MigrationState.of(Set.of("1.1.0/001_first.py"), Optional.empty(), List.of()));
        manifests.redefine(FIRST, "sha256:whatever");

        assertThat(states(status())).containsExactly("1.1.0/001_first=applied", "1.1.0/002_second=pending", "1.2.0/001_third=pending");
    }

    @Test
    void stampRecordsUpToTheVersionAndRunsNothing() {
        StampService stamp = new StampService(manifests, store, CLOCK, HomeLocks.NONE);

        var stamped = stamp.stamp(StampCommand.of(home, Version.parse("1.1.0")).migrations(Path.of("m")));

        assertThat(stamped.stamped()).containsExactly("1.1.0/001_first", "1.1.0/002_second");
        assertThat(checks()).isZero();
        assertThat(log).isEmpty();
        assertThat(store.load(home).version()).contains(Version.parse("1.1.0"));
        assertThat(store.load(home).history()).extracting(HistoryEntry::outcome).containsOnly(StepOutcome.STAMPED);
        assertThatThrownBy(() -> stamp.stamp(StampCommand.of(home, Version.parse("1.2.0")).migrations(Path.of("m"))))
                .isInstanceOf(TelecException.class).hasMessageContaining("already records 2 steps");
        assertThatThrownBy(() -> stamp.stamp(StampCommand.of(home, Version.parse("9.9.9")).migrations(Path.of("m")).force(true)))
                .isInstanceOf(UsageException.class).hasMessageContaining("newest step version in the manifest is 1.2.0");
        assertThat(store.saves).hasSize(1);
    }

    @Test
    void markAppliedAndPendingChangeOnlyTheRecord() {
        MarkService mark = new MarkService(manifests, store, CLOCK, HomeLocks.NONE);

        mark.mark(MarkCommand.of(home, MarkCommand.As.APPLIED, "1.2.0/001_third").migrations(Path.of("m")));
        assertThat(states(status())).contains("1.2.0/001_third=applied");
        assertThat(log).isEmpty();

        mark.mark(MarkCommand.of(home, MarkCommand.As.PENDING, "1.2.0/001_third.py").migrations(Path.of("m")));
        assertThat(states(status())).contains("1.2.0/001_third=pending");

        assertThatThrownBy(() -> mark.mark(MarkCommand.of(home, MarkCommand.As.APPLIED, "1.2.0/001_third", "2.0.0/001_x")
                .migrations(Path.of("m"))))
                .hasMessage("nothing marked: no step 2.0.0/001_x in the manifest");
        assertThat(status().count(State.APPLIED)).isZero();
        assertThatThrownBy(() -> MarkCommand.of(home, MarkCommand.As.APPLIED, "nonsense"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nonsense'");
    }

    @Test
    void aRecordedIdNoLongerInTheManifestIsMissingAndCanBePruned() {
        migrate();
        manifests.entries.removeIf(e -> e.id().equals(FIRST));

        assertThat(status().in(State.MISSING)).extracting(StepStatus::id).containsExactly("1.1.0/001_first");
        var kept = new RepairService(manifests, store, CLOCK, HomeLocks.NONE).repair(RepairCommand.of(home).migrations(Path.of("m")));
        assertThat(kept.missingKept()).containsExactly("1.1.0/001_first");
        assertThat(kept.changed()).isFalse();

        var pruned = new RepairService(manifests, store, CLOCK, HomeLocks.NONE)
                .repair(RepairCommand.of(home).migrations(Path.of("m")).pruneMissing(true));

        assertThat(pruned.pruned()).containsExactly("1.1.0/001_first");
        assertThat(status().count(State.MISSING)).isZero();
    }

    private static MigrationReport dryRunReport(List<StepResult> steps) {
        return new MigrationReport(MigrationReport.Mode.SIMULATED_DRY_RUN, Version.parse("1.0.0"), Version.parse("1.2.0"), steps,
                Optional.empty(), false, Optional.empty());
    }

    @Test
    void validateWarnsOfWhatADryRunOfThePendingStepsNotesAndOfAStepThatWouldFail() {
        List<DryRunCommand> asked = new ArrayList<>();
        DryRunUseCase dryRuns = (command, listener) -> {
            asked.add(command);
            return dryRunReport(List.of(
                    new StepResult(FIRST, StepOutcome.WOULD_APPLY, Optional.empty(), List.of(), List.of("no file matches config/*.yaml"),
                            Optional.empty()),
                    StepResult.failed(SECOND, "config.yaml: not valid YAML")));
        };

        Validation v = new ValidateService(manifests, store, dryRuns).validate(
                new ValidateCommand(Optional.of(home), Optional.of(Path.of("m")), false));

        assertThat(v.valid()).as("warnings do not make it invalid").isTrue();
        assertThat(v.warnings()).containsExactly(
                new Validation.Warning(Optional.of(FIRST.toString()), Validation.WarningKind.NOTE, "no file matches config/*.yaml"),
                new Validation.Warning(Optional.of(SECOND.toString()), Validation.WarningKind.WOULD_FAIL,
                        "would fail in a run: config.yaml: not valid YAML; the steps after it were not dry-run"));
        assertThat(asked).singleElement().satisfies(c -> {
            assertThat(c.run().home()).isEqualTo(home);
            assertThat(c.run().allowDowngrade()).as("a home newer than the steps is said by status, not a warning").isTrue();
            assertThat(c.options().diffs()).isFalse();
        });
    }

    @Test
    void validateWithoutAHomeDryRunsNothing() {
        DryRunUseCase dryRuns = (command, listener) -> {
            throw new AssertionError("dry-run without a home");
        };

        Validation v = new ValidateService(manifests, store, dryRuns).validate(
                new ValidateCommand(Optional.empty(), Optional.of(Path.of("m")), false));

        assertThat(v.valid()).isTrue();
        assertThat(v.warnings()).isEmpty();
    }

    @Test
    void aDryRunThatCannotRunIsOneWarningThatThePendingStepsWereNotChecked() {
        DryRunUseCase dryRuns = (command, listener) -> {
            throw new StateException(home.resolve("migration_state.json"), "cannot read: permission denied", null);
        };

        Validation v = new ValidateService(manifests, store, dryRuns).validate(
                new ValidateCommand(Optional.of(home), Optional.of(Path.of("m")), false));

        assertThat(v.valid()).isTrue();
        assertThat(v.warnings()).singleElement().satisfies(w -> {
            assertThat(w.id()).isEmpty();
            assertThat(w.kind()).isEqualTo(Validation.WarningKind.NOT_CHECKED);
            assertThat(w.message()).isEqualTo("the pending steps could not be dry-run, so what they would note is not known: "
                    + "/home/migration_state.json: cannot read: permission denied");
        });
    }
}
