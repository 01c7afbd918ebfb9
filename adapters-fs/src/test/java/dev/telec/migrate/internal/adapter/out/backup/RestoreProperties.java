package dev.telec.migrate.internal.adapter.out.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telec.migrate.internal.adapter.out.backup.RandomStep.Failure;
import dev.telec.migrate.internal.adapter.out.backup.RandomStep.Write;
import dev.telec.migrate.internal.application.Restorer;
import dev.telec.migrate.application.port.in.BackupOptions;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.RestoreCommand;
import dev.telec.migrate.application.port.in.RestoreUseCase;
import dev.telec.migrate.internal.application.port.out.HomeLocks;
import dev.telec.migrate.domain.BackupSummary;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.Version;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any sequence of runs (each bringing new steps, some failing, rolled back or not), restoring the last run
 * gives the home and its state files as they were before it, byte for byte; restoring an earlier run gives
 * them as they were before that one.
 */
class RestoreProperties {

    /** One run: the writes of each new step, and whether its last step fails (and is kept half-done). */
    record Run(List<List<Write>> steps, boolean lastFails, boolean keepPartial) {
    }

    @Provide
    Arbitrary<List<Run>> runs() {
        Arbitrary<List<List<Write>>> steps = new RollbackProperties().writes().list().ofMaxSize(5).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Run> run = Combinators.combine(steps, Arbitraries.of(false, false, true), Arbitraries.of(false, true))
                .as(Run::new);
        return run.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 100)
    void restoringARunGivesTheHomeAndStateBeforeItByteForByte(@ForAll("runs") List<Run> runs,
                                                              @ForAll("initialWrites") List<Write> initial,
                                                              @ForAll int seed) throws IOException {
        try (FileSystem fs = Homes.jimfs()) {
            Path home = RollbackProperties.seeded(fs, initial);
            FileBackups backups = new FileBackups(Homes.CLOCK);
            List<Map<String, String>> before = new ArrayList<>();
            List<Homes.Entry> manifest = new ArrayList<>();
            for (int r = 0; r < runs.size(); r++) {
                Run run = runs.get(r);
                for (int s = 0; s < run.steps().size(); s++) {
                    boolean fails = run.lastFails() && s == run.steps().size() - 1;
                    List<Write> writes = run.steps().get(s);
                    MigrationId id = new MigrationId(Version.parse((r + 1) + ".0.0"), s + 1, "step");
                    manifest.add(new Homes.Entry(id, () -> new RandomStep("done-" + id.toString().replace('/', '_'), writes,
                            writes.size() / 2, fails ? Failure.THROWS : Failure.NONE)));
                }
                before.add(Homes.tree(home, false));
                // a failed step from an earlier run runs (and fails) again: give each run its own last version
                List<Homes.Entry> upToHere = new ArrayList<>(manifest.subList(manifest.size() - run.steps().size(), manifest.size()));
                Homes.runner(upToHere).migrate(MigrateCommand.of(home).from(Version.parse(r + ".0.0"))
                        .backupOptions(BackupOptions.DEFAULT.rollback(!run.keepPartial()).keep(10)));
            }
            List<BackupSummary> kept = backups.list(home);
            assertThat(kept).hasSize(runs.size());
            int undo = Math.floorMod(seed, runs.size()); // 0: the last run
            int target = runs.size() - 1 - undo;
            RestoreUseCase restorer = new Restorer(backups, HomeLocks.NONE);

            Map<String, String> everything = Homes.everything(fs);
            RestoreUseCase.Report dry = restorer.restore(new RestoreCommand(home,
                    undo == 0 ? Optional.empty() : Optional.of(kept.get(undo).id()), true, Duration.ZERO));
            assertThat(Homes.everything(fs)).as("the dry-run wrote nothing, not even in .telec/").isEqualTo(everything);
            Map<String, String> untouched = Homes.tree(home, false);
            RestoreUseCase.Report report = restorer.restore(new RestoreCommand(home,
                    undo == 0 ? Optional.empty() : Optional.of(kept.get(undo).id()), false, Duration.ZERO));

            assertThat(Homes.tree(home, false)).isEqualTo(before.get(target));
            assertThat(report.runs()).hasSize(undo + 1);
            // the same paths and kinds; only the dry-run carries diffs
            assertThat(dry.changes()).extracting(c -> c.kind() + " " + c.path())
                    .isEqualTo(report.changes().stream().map(c -> c.kind() + " " + c.path()).toList());
            assertThat(untouched.equals(before.get(target))).isEqualTo(report.changes().isEmpty());
            assertThat(backups.list(home)).hasSize(target);
        }
    }

    @Provide
    Arbitrary<List<Write>> initialWrites() {
        return new RollbackProperties().initial();
    }
}
