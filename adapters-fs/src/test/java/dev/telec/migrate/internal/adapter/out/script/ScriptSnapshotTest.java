package dev.telec.migrate.internal.adapter.out.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telec.migrate.internal.adapter.out.backup.FileBackups;
import dev.telec.migrate.internal.adapter.out.manifest.FileManifests;
import dev.telec.migrate.internal.adapter.out.state.JsonStateStore;
import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.internal.application.MigrationRunner;
import dev.telec.migrate.internal.application.Restorer;
import dev.telec.migrate.application.port.in.BackupOptions;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.RestoreCommand;
import dev.telec.migrate.internal.application.port.out.HomeLocks;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.StepOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Script steps (real processes, whose writes telec cannot see) with backups: the home is snapshotted before
 * each one, a failed one is rolled back from the snapshot, a restore undoes what it changed and created, and a
 * home larger than {@code backup_limit:} refuses the run before any step.
 */
class ScriptSnapshotTest {

    /** What the script does to the home: changes a file and its mode, deletes one, creates a tree. */
    static final String EDITS = "echo changed > config.yaml && chmod 600 config.yaml && rm data/old.txt"
            + " && mkdir -p new/deep && echo x > new/deep/f";

    @TempDir
    Path dir;
    ScriptTrees t;

    @BeforeEach
    void home() throws IOException {
        t = new ScriptTrees(dir);
        Files.createDirectories(t.home.resolve("data"));
        Files.writeString(t.home.resolve("config.yaml"), "port: 80\n");
        Files.setPosixFilePermissions(t.home.resolve("config.yaml"), PosixFilePermissions.fromString("rw-r-----"));
        Files.writeString(t.home.resolve("data/old.txt"), "old\n");
        Files.writeString(t.home.resolve("notes.txt"), "mine\n");
    }

    MigrationRunner runner() {
        return new MigrationRunner(new FileManifests(t.host), new JsonStateStore(), Clock.systemUTC(), HomeLocks.NONE,
                new FileBackups(Clock.systemUTC()));
    }

    MigrationReport migrate(BackupOptions options) {
        return runner().migrate(MigrateCommand.of(t.home).migrations(t.manifest).backupOptions(options));
    }

    /** Every path of the home but telec's own, with its kind, mode and content. */
    Map<String, String> tree() throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(t.home)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = t.home.relativize(p).toString();
                if (rel.startsWith(".telec") || rel.equals(".migration.lock") || rel.startsWith("migration_state.")) continue;
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                tree.put(rel, Files.isDirectory(p) ? "dir " + mode
                        : "file " + mode + " " + Base64.getEncoder().encodeToString(Files.readAllBytes(p)));
            }
        }
        return tree;
    }

    @Test
    void aFailedScriptStepIsRolledBackFromTheSnapshotOfTheHome() throws IOException {
        t.shell("1.1.0", "001_edit.sh", "test -f new/deep/f", EDITS + " && exit 3");
        Map<String, String> before = tree();

        MigrationReport report = migrate(BackupOptions.DEFAULT);

        assertThat(report.failedStep().orElseThrow().rolledBack()).as(report.toString()).isTrue();
        assertThat(report.error().orElseThrow()).endsWith("; its changes were rolled back");
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void aScriptStepEndedByItsTimeLimitIsRolledBackToo() throws IOException {
        t.host.configure(t.host.settings().flagTimeout(java.time.Duration.ofSeconds(2)));
        String marker = "60." + ProcessHandle.current().pid() + "2"; // a sleep no one else runs
        t.shell("1.1.0", "001_edit.sh", "test -f new/deep/f", EDITS + " && sleep " + marker);
        Map<String, String> before = tree();

        MigrationReport report = migrate(BackupOptions.DEFAULT);

        assertThat(report.error().orElseThrow()).contains("1.1.0/001_edit: migrate() timed out after 2s")
                .endsWith("; its changes were rolled back");
        assertThat(report.failedStep().orElseThrow().rolledBack()).isTrue();
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void withoutRollbackAFailedScriptStepsChangesStay() throws IOException {
        t.shell("1.1.0", "001_edit.sh", "test -f new/deep/f", EDITS + " && exit 3");

        MigrationReport report = migrate(BackupOptions.DEFAULT.rollback(false));

        assertThat(report.failedStep().orElseThrow().rolledBack()).isFalse();
        assertThat(t.home.resolve("new/deep/f")).exists();
        assertThat(t.home.resolve("data/old.txt")).doesNotExist();
    }

    @Test
    void aRestoreUndoesWhatAScriptChangedAndCreatedAndLeavesWhatItDidNotTouch() throws IOException {
        t.shell("1.1.0", "001_edit.sh", "test -f new/deep/f", EDITS);
        Map<String, String> before = tree();
        assertThat(migrate(BackupOptions.DEFAULT).succeeded()).isTrue();
        assertThat(Files.readString(t.home.resolve("config.yaml"))).isEqualTo("changed\n");
        // the app goes on: a file the script never touched changes, a new one appears
        Files.writeString(t.home.resolve("notes.txt"), "mine, later\n");
        Files.writeString(t.home.resolve("app.log"), "started\n");

        new Restorer(new FileBackups(Clock.systemUTC()), HomeLocks.NONE).restore(RestoreCommand.of(t.home));

        Map<String, String> expected = new TreeMap<>(before);
        expected.put("notes.txt", tree().get("notes.txt"));
        expected.put("app.log", tree().get("app.log"));
        assertThat(Files.readString(t.home.resolve("notes.txt"))).isEqualTo("mine, later\n");
        assertThat(tree()).isEqualTo(expected);
        assertThat(new JsonStateStore().load(t.home).applied()).isEmpty();
    }

    @Test
    void aHomeLargerThanBackupLimitRefusesTheRunBeforeAnyStepNamingItsSize() throws IOException {
        Files.writeString(t.manifest.resolve("telec.yaml"), "app: myapp\nbackup_limit: 1K\n");
        Files.createDirectories(t.manifest.resolve("v1.0.0"));
        Files.writeString(t.manifest.resolve("v1.0.0/001_first.yaml"), "operations:\n  - {op: mkdir, path: first}\n");
        t.shell("1.1.0", "001_edit.sh", "test -f new/deep/f", EDITS);
        Files.write(t.home.resolve("data/big.bin"), new byte[3000]);
        Map<String, String> before = tree();

        assertThatThrownBy(() -> migrate(BackupOptions.DEFAULT))
                .isInstanceOf(TelecException.class)
                .hasMessageContaining("the home holds 3018 bytes, more than backup_limit (1 KiB) for the snapshot taken before its script steps")
                .hasMessageContaining("--no-backup");
        assertThat(tree()).isEqualTo(before);
        assertThat(t.home.resolve("migration_state.json")).doesNotExist();

        MigrationReport report = migrate(BackupOptions.DEFAULT.backup(false));
        assertThat(report.succeeded()).as(report.toString()).isTrue();
        assertThat(t.home.resolve("first")).isDirectory();
    }

    @Test
    void theLimitIsOnlyForRunsWithAScriptStepToRun() throws IOException {
        Files.writeString(t.manifest.resolve("telec.yaml"), "app: myapp\nbackup_limit: 1K\n");
        Files.createDirectories(t.manifest.resolve("v1.0.0"));
        Files.writeString(t.manifest.resolve("v1.0.0/001_first.yaml"), "operations:\n  - {op: mkdir, path: first}\n");
        Files.write(t.home.resolve("data/big.bin"), new byte[3000]);

        MigrationReport report = migrate(BackupOptions.DEFAULT);

        assertThat(report.succeeded()).as(report.toString()).isTrue();
        assertThat(report.steps().get(0).outcome()).isEqualTo(StepOutcome.APPLIED);
    }
}
