package dev.telec.migrate.internal.adapter.out.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telec.migrate.internal.adapter.out.state.JsonStateStore;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import dev.telec.migrate.testing.FaultyFileSystem;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A full disk at any I/O operation of a run with backups: when it hits the saving of a pre-image, the step fails
 * before it changes that path and its rollback leaves the home as it was, at once; whatever it hits, the home is
 * never half-changed (after the rollback the next run does first), and the rerun completes it.
 */
class FullDiskRollbackTest {

    /** Overwrites two files and creates a third, letting every I/O error through. */
    static final class TwoEdits implements Migration {
        @Override
        public boolean check(MigrationContext context) {
            return Files.exists(context.home().resolve("c.txt"));
        }

        @Override
        public boolean migrate(MigrationContext context) throws IOException {
            Files.writeString(context.home().resolve("a.txt"), "a2\n");
            Files.writeString(context.home().resolve("b.txt"), "b2\n");
            Files.writeString(context.home().resolve("c.txt"), "c\n");
            return true;
        }
    }

    private static final MigrationId ID = new MigrationId(Version.parse("1.0.0"), 1, "edits");

    private static Path seeded(FileSystem fs) throws IOException {
        Path home = fs.getPath("/srv/home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("a.txt"), "a1\n");
        Files.writeString(home.resolve("b.txt"), "b1\n");
        return home;
    }

    private static MigrationReport run(Path home) {
        return Homes.runner(List.of(new Homes.Entry(ID, TwoEdits::new))).migrate(MigrateCommand.of(home));
    }

    @Test
    void aFullDiskAtAnyOperationFailsTheStepBeforeItChangesThatPathAndTheRollbackLeavesTheHomeAsItWas() throws IOException {
        Map<String, String> before;
        Map<String, String> after;
        int operations;
        try (FileSystem jimfs = Homes.jimfs()) {
            Path home = seeded(jimfs);
            before = Homes.tree(home);
            FaultyFileSystem fs = FaultyFileSystem.wrap(jimfs);
            run(fs.wrap(home));
            operations = fs.operationCount();
            after = Homes.tree(home);
        }
        int preImageRefusals = 0;
        int failed = 0;
        for (int k = 1; k <= operations; k++) {
            try (FileSystem jimfs = Homes.jimfs()) {
                Path real = seeded(jimfs);
                FaultyFileSystem fs = FaultyFileSystem.wrap(jimfs);
                Path home = fs.wrap(real);
                fs.arm(k);
                MigrationReport report;
                try {
                    report = run(home);
                } catch (RuntimeException e) {
                    report = null; // the run could not start or record (its state or backup): nothing was changed
                }
                fs.disarm();
                String at = "disk full at operation " + k + " of " + operations + ": "
                        + (report == null ? "the run could not start" : report.error().orElse("no error"));
                if (report == null || !report.succeeded()) failed++;
                if (report != null && report.error().orElse("").contains("cannot save what it holds before changing it")) {
                    preImageRefusals++;
                    assertThat(report.error().get()).as(at).endsWith("; its changes were rolled back");
                    assertThat(Homes.tree(real)).as(at).isEqualTo(before); // at once, not only after the next run
                }
                // what the next run does first; then the home is as the step left it or as before it, never half of
                // it, and as it left it when the state records it (a step done but not recorded is found done by its
                // check() on the rerun, as before backups)
                MigrationState state = new JsonStateStore().load(real);
                new FileBackups(Homes.CLOCK).recover(real, state);
                if (state.isApplied(ID)) assertThat(Homes.tree(real)).as(at).isEqualTo(after);
                else assertThat(Homes.tree(real)).as(at).isIn(before, after);
                MigrationReport rerun = run(home);
                assertThat(rerun.error()).as("rerun, " + at).isEmpty();
                assertThat(Homes.tree(real)).as("rerun, " + at).isEqualTo(after);
            }
        }
        assertThat(preImageRefusals).as("faults that hit the saving of a pre-image").isPositive();
        assertThat(failed).isGreaterThan(operations / 2);
    }
}
