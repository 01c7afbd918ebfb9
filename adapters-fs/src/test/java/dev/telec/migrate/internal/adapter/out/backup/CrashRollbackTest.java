package dev.telec.migrate.internal.adapter.out.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telec.migrate.internal.adapter.out.backup.RandomStep.Failure;
import dev.telec.migrate.internal.adapter.out.backup.RandomStep.Write;
import dev.telec.migrate.internal.adapter.out.state.JsonStateStore;
import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.internal.application.Restorer;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.RestoreCommand;
import dev.telec.migrate.internal.application.port.out.HomeLocks;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import dev.telec.migrate.testing.FaultyFileSystem;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A crash at every counted I/O operation of a run with backups (the {@link FaultyFileSystem} crash model:
 * unforced data and unsynced directory entries are lost), then recovery: the home equals the home after
 * exactly the steps the state records, run alone. And a crash at every operation of a restore, then the next
 * restore: the home and its state equal what they were before the run.
 */
class CrashRollbackTest {

    /** Four steps that overwrite, append, delete, create, move and chmod on shared names. */
    static final List<List<Write>> STEPS = List.of(
            List.of(new Write("write", "a", "", "one"), new Write("mkdir", "d", "", ""), new Write("write", "d/x", "", "x")),
            List.of(new Write("append", "config.yaml", "", "more: 1\n"), new Write("delete", "old", "", ""),
                    new Write("chmod", "a", "", "r-xr-x---")),
            List.of(new Write("move", "d", "e", ""), new Write("write", "a", "", "two"), new Write("link", "l", "a", "")),
            List.of(new Write("delete", "e", "", ""), new Write("write", "config.yaml", "", "replaced\n")));

    private static Path seeded(FileSystem fs) throws IOException {
        Path home = fs.getPath("/srv/home");
        Files.createDirectories(home.resolve("old"));
        Files.writeString(home.resolve("old/keep.txt"), "kept\n");
        Files.writeString(home.resolve("config.yaml"), "port: 80\n");
        return home;
    }

    /** The home after the first {@code n} steps alone, for n = 0..4. */
    private static List<Map<String, String>> references(Failure last) throws IOException {
        List<Map<String, String>> trees = new ArrayList<>();
        for (int n = 0; n <= STEPS.size(); n++) {
            try (FileSystem fs = Homes.jimfs()) {
                Path home = seeded(fs);
                if (n > 0) Homes.runner(Homes.prefix(RollbackProperties.entries(STEPS, -1, 0, Failure.NONE), n)).migrate(MigrateCommand.of(home));
                trees.add(Homes.tree(home));
            }
        }
        return trees;
    }

    private static int operations(Failure last) throws IOException {
        try (FileSystem jimfs = Homes.jimfs()) {
            seeded(jimfs);
            FaultyFileSystem fs = FaultyFileSystem.wrap(jimfs);
            Path home = fs.wrap(jimfs.getPath("/srv/home"));
            int before = fs.operationCount();
            Homes.runner(RollbackProperties.entries(STEPS, STEPS.size() - 1, 1, last)).migrate(MigrateCommand.of(home));
            return fs.operationCount() - before;
        }
    }

    private void crashAtEveryOperationThenRecover(Failure last) throws IOException {
        List<Map<String, String>> references = references(last);
        int operations = operations(last);
        assertThat(operations).isGreaterThan(20);
        for (int k = 1; k <= operations; k++) {
            try (FileSystem jimfs = Homes.jimfs()) {
                seeded(jimfs);
                FaultyFileSystem fs = FaultyFileSystem.wrap(jimfs);
                Path home = fs.wrap(jimfs.getPath("/srv/home"));
                fs.crashAt(k);
                try {
                    Homes.runner(RollbackProperties.entries(STEPS, STEPS.size() - 1, 1, last)).migrate(MigrateCommand.of(home));
                } catch (RuntimeException e) {
                    // the "process" died at operation k
                }
                fs.crash();

                MigrationState state = new JsonStateStore().load(home);
                new FileBackups(Homes.CLOCK).recover(home, state);

                int recorded = state.applied().size();
                assertThat(Homes.tree(home)).as("crash at operation %d of %d, %d steps recorded", k, operations, recorded)
                        .isEqualTo(references.get(recorded));
            }
        }
    }

    @Test
    void aCrashAtAnyOperationOfARunIsRolledBackToTheStepsTheStateRecords() throws IOException {
        crashAtEveryOperationThenRecover(Failure.NONE);
    }

    @Test
    void aCrashAtAnyOperationOfARollbackIsFinishedByTheNextRun() throws IOException {
        crashAtEveryOperationThenRecover(Failure.THROWS);
    }

    /** Creates directories and never syncs them, nor asks the barrier to: only a later sync makes them durable. */
    private static final class CarelessStep implements Migration {
        private final String name;

        CarelessStep(String name) {
            this.name = name;
        }

        @Override
        public boolean check(MigrationContext context) {
            return Files.isDirectory(context.home().resolve(name));
        }

        @Override
        public boolean migrate(MigrationContext context) throws IOException {
            Files.createDirectory(context.home().resolve(name));
            return true;
        }
    }

    /**
     * A pre-image of "nothing" is forced at the latest when the run's barrier is flushed, before the state
     * store writes (and syncs the home for) the record of its step: whatever a crash keeps of a created path,
     * the next run or a restore knows it was not there.
     */
    @Test
    void aPathCreatedByAStepThatNeverSyncsIsUndoneAfterACrashAtAnyOperation() throws IOException {
        List<Homes.Entry> entries = List.of(new Homes.Entry(RollbackProperties.id(0), () -> new CarelessStep("made")),
                new Homes.Entry(RollbackProperties.id(1), () -> new CarelessStep("also")));
        Map<String, String> before;
        int operations;
        try (FileSystem jimfs = Homes.jimfs()) {
            Path plain = seeded(jimfs);
            before = Homes.tree(plain);
            FaultyFileSystem fs = FaultyFileSystem.wrap(jimfs);
            int start = fs.operationCount();
            Homes.runner(entries).migrate(MigrateCommand.of(fs.wrap(plain)));
            operations = fs.operationCount() - start;
        }
        int restored = 0;
        for (int k = 1; k <= operations; k++) {
            try (FileSystem jimfs = Homes.jimfs()) {
                Path plain = seeded(jimfs);
                FaultyFileSystem fs = FaultyFileSystem.wrap(jimfs);
                Path home = fs.wrap(plain);
                fs.crashAt(k);
                try {
                    Homes.runner(entries).migrate(MigrateCommand.of(home));
                } catch (RuntimeException e) {
                    // died at operation k
                }
                fs.crash();

                FileBackups backups = new FileBackups(Homes.CLOCK);
                MigrationState state = new JsonStateStore().load(home);
                backups.recover(home, state);
                if (!state.applied().isEmpty()) {
                    new Restorer(backups, HomeLocks.NONE).restore(RestoreCommand.of(home));
                    restored++;
                }
                assertThat(Homes.tree(home)).as("crash at operation %d of %d, %d steps recorded", k, operations,
                        state.applied().size()).isEqualTo(before);
            }
        }
        assertThat(restored).as("crashes after a step was recorded").isPositive();
    }

    @Test
    void aCrashAtAnyOperationOfARestoreIsFinishedByTheNextRestore() throws IOException {
        Map<String, String> before;
        int operations;
        try (FileSystem jimfs = Homes.jimfs()) {
            Path home = seeded(jimfs);
            before = Homes.tree(home, false);
            Homes.runner(RollbackProperties.entries(STEPS, -1, 0, Failure.NONE)).migrate(MigrateCommand.of(home));
            FaultyFileSystem fs = FaultyFileSystem.wrap(jimfs);
            int start = fs.operationCount();
            new Restorer(new FileBackups(Homes.CLOCK), HomeLocks.NONE).restore(RestoreCommand.of(fs.wrap(home)));
            operations = fs.operationCount() - start;
            assertThat(Homes.tree(home, false)).isEqualTo(before);
        }
        assertThat(operations).isGreaterThan(10);
        for (int k = 1; k <= operations; k++) {
            try (FileSystem jimfs = Homes.jimfs()) {
                Path plain = seeded(jimfs);
                Homes.runner(RollbackProperties.entries(STEPS, -1, 0, Failure.NONE)).migrate(MigrateCommand.of(plain));
                FaultyFileSystem fs = FaultyFileSystem.wrap(jimfs);
                Path home = fs.wrap(plain);
                fs.crashAt(k);
                try {
                    new Restorer(new FileBackups(Homes.CLOCK), HomeLocks.NONE).restore(RestoreCommand.of(home));
                } catch (TelecException e) {
                    // died at operation k
                }
                fs.crash();

                FileBackups backups = new FileBackups(Homes.CLOCK);
                if (backups.interrupted(home).isPresent() || !backups.list(home).isEmpty()) {
                    new Restorer(backups, HomeLocks.NONE).restore(RestoreCommand.of(home));
                }

                assertThat(Homes.tree(home, false)).as("restore crashed at operation %d of %d", k, operations).isEqualTo(before);
                assertThat(home.resolve(".telec/restore.pending")).doesNotExist();
            }
        }
    }
}
