package dev.telec.migrate.internal.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.internal.application.FileStep.Mode;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.StepResult;
import dev.telec.migrate.domain.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class MigrationRunnerProperties {

    private static final Path HOME_PATH = Path.of("/srv/home");

    @Provide
    Arbitrary<List<MigrationId>> stepIds() {
        Arbitrary<Version> versions = Combinators.combine(
                        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 12),
                        Arbitraries.integers().between(0, 2), Arbitraries.of("", "-rc.1", "-alpha", "-beta.2"))
                .as((a, b, c, pre) -> Version.parse(a + "." + b + "." + c + pre))
                .filter(v -> v.isAfter(Version.ZERO));
        Arbitrary<MigrationId> ids = Combinators.combine(versions, Arbitraries.integers().between(1, 999))
                .as((v, n) -> new MigrationId(v, n, "step" + n));
        // one entry per (version, NNN): the manifest refuses duplicates
        return ids.list().ofMinSize(1).ofMaxSize(25)
                .uniqueElements(id -> id.version() + "/" + id.number());
    }

    private static FileSystem newHome() {
        return Jimfs.newFileSystem(Configuration.unix());
    }

    private record Setup(ListManifests manifests, InMemoryStateStore store, MigrationRunner runner, List<String> log) {
        static Setup of(List<MigrationId> idsInManifestOrder, Map<MigrationId, Mode> modes) {
            ListManifests manifests = new ListManifests();
            InMemoryStateStore store = new InMemoryStateStore();
            List<String> log = new ArrayList<>();
            for (MigrationId id : idsInManifestOrder) {
                // a fresh instance per resolution, as a manifest loads classes anew for each run
                manifests.add(id, () -> new FileStep(id, modes.getOrDefault(id, Mode.OK), log));
            }
            return new Setup(manifests, store, new MigrationRunner(manifests, store, Clock.systemUTC()), log);
        }
    }

    @Property(tries = 200)
    void anyManifestOrderExecutesInVersionThenNumberOrder(@ForAll("stepIds") List<MigrationId> ids) throws IOException {
        try (FileSystem fs = newHome()) {
            Path home = fs.getPath(HOME_PATH.toString());
            Setup setup = Setup.of(ids, Map.of());

            setup.runner().migrate(MigrateCommand.of(home));

            List<MigrationId> expected = new ArrayList<>(ids);
            Collections.sort(expected);
            assertThat(setup.log()).containsExactlyElementsOf(expected.stream().map(MigrationId::toString).toList());
        }
    }

    @Property(tries = 200)
    void runningTwiceAppliesNothingTheSecondTimeAndLeavesEveryFileIdentical(
            @ForAll("stepIds") List<MigrationId> ids) throws IOException {
        try (FileSystem fs = newHome()) {
            Path home = fs.getPath(HOME_PATH.toString());
            Setup setup = Setup.of(ids, Map.of());
            setup.runner().migrate(MigrateCommand.of(home));
            Map<String, String> afterFirst = snapshot(home);
            int executions = setup.log().size();

            MigrationReport second = setup.runner().migrate(MigrateCommand.of(home));

            assertThat(second.applied()).isZero();
            assertThat(setup.log()).hasSize(executions);
            assertThat(snapshot(home)).isEqualTo(afterFirst);
        }
    }

    @Property(tries = 200)
    void aFailingStepAtPositionKLeavesExactlyTheStepsBeforeItAppliedAndRecorded(
            @ForAll("stepIds") List<MigrationId> ids, @ForAll @IntRange(min = 0, max = 24) int k,
            @ForAll("failures") Mode failure) throws IOException {
        List<MigrationId> ordered = new ArrayList<>(ids);
        Collections.sort(ordered);
        MigrationId failing = ordered.get(k % ordered.size());
        try (FileSystem fs = newHome()) {
            Path home = fs.getPath(HOME_PATH.toString());
            Setup setup = Setup.of(ids, Map.of(failing, failure));

            MigrationReport report = setup.runner().migrate(MigrateCommand.of(home));

            int position = ordered.indexOf(failing);
            List<String> before = ordered.subList(0, position).stream().map(MigrationId::toString).toList();
            assertThat(report.error()).hasValueSatisfying(e -> assertThat(e).startsWith(failing + ": "));
            assertThat(setup.store().load(home).applied()).containsExactlyInAnyOrderElementsOf(before);
            assertThat(report.steps()).extracting(StepResult::outcome).containsExactlyElementsOf(
                    Stream.concat(Stream.concat(
                                    Collections.nCopies(position, StepOutcome.APPLIED).stream(),
                                    Stream.of(StepOutcome.FAILED)),
                            Collections.nCopies(ordered.size() - position - 1, StepOutcome.NOT_RUN).stream()).toList());
            for (MigrationId later : ordered.subList(position + 1, ordered.size())) {
                assertThat(Files.exists(FileStep.marker(home, later))).isFalse();
                assertThat(setup.log()).doesNotContain(later.toString());
            }
            if (failure == Mode.CHECK_THROWS) {
                assertThat(setup.log()).doesNotContain(failing.toString()); // check() threw: migrate() never ran
            } else {
                assertThat(setup.log()).last().isEqualTo(failing.toString());
            }
        }
    }

    @Provide
    Arbitrary<Mode> failures() {
        return Arbitraries.of(Mode.THROWS, Mode.RETURNS_FALSE, Mode.BREAKS_CONTRACT, Mode.CHECK_THROWS);
    }

    @Property(tries = 100)
    void aDryRunPredictsWhatTheRealRunDoes(@ForAll("stepIds") List<MigrationId> ids,
                                           @ForAll @IntRange(min = 0, max = 24) int presetCount) throws IOException {
        try (FileSystem fs = newHome()) {
            Path home = fs.getPath(HOME_PATH.toString());
            Setup setup = Setup.of(ids, Map.of());
            // some steps already done by hand, so check() finds them
            for (MigrationId id : ids.subList(0, Math.min(presetCount, ids.size()))) {
                Files.createDirectories(FileStep.marker(home, id).getParent());
                Files.writeString(FileStep.marker(home, id), "by hand");
            }
            Map<String, String> before = snapshot(home);

            MigrationReport plan = setup.runner().migrate(MigrateCommand.of(home).dryRun(true));
            assertThat(snapshot(home)).isEqualTo(before);
            MigrationReport real = setup.runner().migrate(MigrateCommand.of(home));

            assertThat(plan.steps()).extracting(s -> s.outcome().wireName().replace("would_apply", "applied")
                            .replace("would_skip_check", "skipped_check"))
                    .containsExactlyElementsOf(real.steps().stream().map(s -> s.outcome().wireName()).toList());
        }
    }

    /** Every regular file under {@code home} with its content. */
    static Map<String, String> snapshot(Path home) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(home)) return files;
        try (Stream<Path> walk = Files.walk(home)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                try {
                    files.put(home.relativize(p).toString(), Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return files;
    }
}
