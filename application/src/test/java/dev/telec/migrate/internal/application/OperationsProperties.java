package dev.telec.migrate.internal.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.internal.application.FileStep.Mode;
import dev.telec.migrate.application.port.in.MarkCommand;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.RepairCommand;
import dev.telec.migrate.application.port.in.StampCommand;
import dev.telec.migrate.application.port.in.StatusCommand;
import dev.telec.migrate.application.port.in.ValidateCommand;
import dev.telec.migrate.internal.application.port.out.HomeLocks;
import dev.telec.migrate.domain.HomeStatus;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.StepResult;
import dev.telec.migrate.domain.StepStatus;
import dev.telec.migrate.domain.StepStatus.State;
import dev.telec.migrate.domain.Validation;
import dev.telec.migrate.domain.Version;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any manifest and any sequence of migrate, stamp, mark and repair runs: status says what a dry-run would
 * do, and validate on the untouched manifest finds nothing but the ignored steps status shows.
 */
class OperationsProperties {

    private static final Path MANIFEST = Path.of("m");

    /** One operator action, by index into the manifest's ids or versions (taken modulo their count). */
    record Action(String verb, int pick, boolean flag) {
        @Override
        public String toString() {
            return verb + "(" + pick + (flag ? ", flag" : "") + ")";
        }
    }

    @Provide
    Arbitrary<List<MigrationId>> manifests() {
        Arbitrary<Version> versions = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 4))
                .as((a, b) -> Version.parse(a + "." + b + ".1"));
        Arbitrary<MigrationId> ids = Combinators.combine(versions, Arbitraries.integers().between(1, 5))
                .as((v, n) -> new MigrationId(v, n, "s" + n));
        return ids.list().ofMinSize(1).ofMaxSize(12).uniqueElements(id -> id.version() + "/" + id.number());
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Action> action = Combinators.combine(
                        Arbitraries.of("migrate", "migrateTo", "migrateFrom", "migrateOutOfOrder", "stamp", "markApplied", "markPending",
                                "repair", "touch"),
                        Arbitraries.integers().between(0, 20), Arbitraries.of(true, false))
                .as(Action::new);
        return action.list().ofMaxSize(12);
    }

    @Property(tries = 300)
    void statusAgreesWithTheDryRunAndValidateFindsOnlyIgnoredSteps(@ForAll("manifests") List<MigrationId> ids,
                                                                    @ForAll("actions") List<Action> actions) {
        Path home = Jimfs.newFileSystem(Configuration.unix()).getPath("/home");
        ListManifests manifests = new ListManifests();
        List<String> log = new ArrayList<>();
        for (MigrationId id : ids) manifests.add(id, () -> new FileStep(id, Mode.OK, log));
        InMemoryStateStore store = new InMemoryStateStore();
        Clock clock = Clock.systemUTC();
        MigrationRunner runner = new MigrationRunner(manifests, store, clock);
        List<MigrationId> sorted = ids.stream().sorted().toList();
        List<Version> versions = sorted.stream().map(MigrationId::version).distinct().toList();

        for (Action a : actions) {
            MigrationId id = sorted.get(a.pick() % sorted.size());
            Version version = versions.get(a.pick() % versions.size());
            switch (a.verb()) {
                case "migrate" -> runner.migrate(MigrateCommand.of(home).migrations(MANIFEST));
                case "migrateOutOfOrder" -> runner.migrate(MigrateCommand.of(home).migrations(MANIFEST).outOfOrder(true));
                case "migrateTo" -> runner.migrate(MigrateCommand.of(home).migrations(MANIFEST).to(version).allowDowngrade(true));
                case "migrateFrom" -> {
                    if (!version.isAfter(sorted.get(sorted.size() - 1).version())) {
                        runner.migrate(MigrateCommand.of(home).migrations(MANIFEST).from(version));
                    }
                }
                case "stamp" -> {
                    try {
                        new StampService(manifests, store, clock, HomeLocks.NONE)
                                .stamp(StampCommand.of(home, version).migrations(MANIFEST).force(a.flag()));
                    } catch (TelecException refused) {
                        assertThat(refused).hasMessageContaining("already records");
                    }
                }
                case "markApplied", "markPending" -> new MarkService(manifests, store, clock, HomeLocks.NONE).mark(
                        MarkCommand.of(home, a.verb().equals("markApplied") ? MarkCommand.As.APPLIED : MarkCommand.As.PENDING,
                                id.toString()).migrations(MANIFEST));
                case "repair" -> new RepairService(manifests, store, clock, HomeLocks.NONE)
                        .repair(RepairCommand.of(home).migrations(MANIFEST).pruneMissing(a.flag()));
                default -> FileStep.class.getName(); // "touch": nothing, so that states are also checked twice in a row
            }
            check(home, manifests, store, runner);
        }
        check(home, manifests, store, runner);
    }

    private static void check(Path home, ListManifests manifests, InMemoryStateStore store, MigrationRunner runner) {
        HomeStatus status = new StatusService(manifests, store).status(StatusCommand.of(home).migrations(MANIFEST));
        Map<String, State> states = new HashMap<>();
        status.steps().forEach(s -> states.put(s.id(), s.state()));

        MigrationReport plan = runner.migrate(MigrateCommand.of(home).migrations(MANIFEST).dryRun(true).allowDowngrade(true));
        Set<String> wouldRun = new TreeSet<>();
        for (StepResult step : plan.steps()) {
            State state = states.get(step.id().toString());
            if (step.outcome() == StepOutcome.IGNORED) {
                assertThat(state).as(step.id() + " ignored").isEqualTo(State.IGNORED);
            } else if (step.outcome() == StepOutcome.WOULD_SKIP_APPLIED) {
                assertThat(state).as(step.id() + " skipped as recorded").isEqualTo(State.APPLIED);
            } else {
                assertThat(step.outcome()).isIn(StepOutcome.WOULD_APPLY, StepOutcome.WOULD_SKIP_CHECK);
                assertThat(state).as(step.id() + " would run").isEqualTo(State.PENDING);
                wouldRun.add(step.id().toString());
            }
        }
        assertThat(wouldRun).as("every pending step is one the dry-run would ask")
                .isEqualTo(status.in(State.PENDING).stream().map(StepStatus::id).collect(Collectors.toCollection(TreeSet::new)));
        Set<String> ignored = status.in(State.IGNORED).stream().map(StepStatus::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> reported = new TreeSet<>();
        for (StepResult r : plan.steps()) {
            if (r.outcome() == StepOutcome.IGNORED) reported.add(r.id().toString());
        }
        assertThat(reported).as("the run reports exactly the ignored steps").isEqualTo(ignored);

        MigrationReport outOfOrder = runner.migrate(MigrateCommand.of(home).migrations(MANIFEST).dryRun(true).allowDowngrade(true)
                .outOfOrder(true));
        Set<String> wouldRunOutOfOrder = new TreeSet<>();
        for (StepResult step : outOfOrder.steps()) {
            if (step.outcome() == StepOutcome.WOULD_APPLY || step.outcome() == StepOutcome.WOULD_SKIP_CHECK) {
                wouldRunOutOfOrder.add(step.id().toString());
            } else {
                assertThat(step.outcome()).isEqualTo(StepOutcome.WOULD_SKIP_APPLIED);
            }
        }
        Set<String> pendingOrIgnored = new TreeSet<>(wouldRun);
        pendingOrIgnored.addAll(ignored);
        assertThat(wouldRunOutOfOrder).as("with --out-of-order: pending and ignored").isEqualTo(pendingOrIgnored);
        assertThat(status.count(State.MISSING)).isZero();
        assertThat(status.drifted()).isZero();

        Validation validation = new ValidateService(manifests, store, (command, listener) -> new MigrationReport(
                MigrationReport.Mode.SIMULATED_DRY_RUN, Version.parse("0.0.0"), Version.parse("0.0.0"), List.of(), Optional.empty(), false,
                Optional.empty()))
                .validate(new ValidateCommand(Optional.of(home), Optional.of(MANIFEST), false));
        assertThat(validation.problems()).allMatch(p -> p.kind() == Validation.Kind.IGNORED);
        assertThat(validation.problems().stream().map(Validation.Problem::id).toList())
                .isEqualTo(status.in(State.IGNORED).stream().map(StepStatus::id).toList());
        assertThat(validation.valid()).isEqualTo(status.count(State.IGNORED) == 0);
    }
}
