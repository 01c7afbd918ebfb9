package dev.telec.migrate.internal.adapter.out.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.telec.migrate.internal.adapter.out.sandbox.DiskSandbox;
import dev.telec.migrate.internal.adapter.out.sandbox.JimfsSandbox;
import dev.telec.migrate.internal.application.SimulatingMigrator;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.domain.Change;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.StepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dry-run with pending script steps simulates every pending step on a private copy of the home on disk. */
class ScriptDryRunTest {

    @TempDir
    Path dir;

    private MigrationReport dryRun(ScriptTrees t, Path temp) {
        return new SimulatingMigrator(t.runner(), new JimfsSandbox(), new DiskSandbox(temp))
                .dryRun(dev.telec.migrate.application.port.in.DryRunCommand.of(MigrateCommand.of(t.home).migrations(t.manifest)));
    }

    private static Map<String, String> tree(Path root) throws Exception {
        Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                files.put(root.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "<dir>");
            }
        }
        return files;
    }

    @Test
    void theReferenceExampleIsShownWithItsDiffAndTheHomeIsUntouched() throws Exception {
        assumeTrue(ScriptTrees.pythonRuns(), "python3 is not installed");
        ScriptTrees t = new ScriptTrees(dir);
        t.step("1.1.0", "001_rename_toggle.py", ScriptTrees.REFERENCE_EXAMPLE, false);
        Files.writeString(t.home.resolve("example_config.json"), "{\"legacy_feature_toggle\": true}\n");
        Map<String, String> before = tree(t.home);
        Path temp = Files.createDirectories(dir.resolve("tmp"));

        MigrationReport report = dryRun(t, temp);

        assertThat(report.succeeded()).as(report.toString()).isTrue();
        assertThat(report.simulated()).isTrue();
        StepResult step = report.steps().get(0);
        assertThat(step.outcome()).isEqualTo(StepOutcome.WOULD_APPLY);
        assertThat(step.changes()).extracting(Change::path, Change::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("example_config.json", Change.Kind.MODIFIED));
        assertThat(step.changes().get(0).diff().orElseThrow())
                .contains("-{\"legacy_feature_toggle\": true}").contains("+{\"feature_toggle\": true}");
        assertThat(tree(t.home)).isEqualTo(before);
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left.toList()).as("the copy is removed").isEmpty();
        }
    }

    @Test
    void everyPendingStepRunsOnTheCopyWithItsOwnChangesAndTheDryRunVariable() throws Exception {
        ScriptTrees t = new ScriptTrees(dir);
        Files.createDirectories(t.manifest.resolve("v1.0.0"));
        Files.writeString(t.manifest.resolve("v1.0.0/001_logs.yaml"), "operations:\n  - op: mkdir\n    path: logs\n");
        t.shell("1.0.0", "002_note.sh", "[ -f logs/note ]", "echo \"$TELEC_DRY_RUN\" > logs/note");
        t.shell("1.0.0", "003_move.sh", "[ -f logs/moved ]", "mv logs/note logs/moved");
        Map<String, String> before = tree(t.home);
        Path temp = Files.createDirectories(dir.resolve("tmp"));

        MigrationReport report = dryRun(t, temp);

        assertThat(report.succeeded()).as(report.toString()).isTrue();
        List<StepResult> steps = report.steps();
        assertThat(steps).extracting(StepResult::outcome).containsOnly(StepOutcome.WOULD_APPLY);
        assertThat(steps.get(0).changes()).extracting(Change::path).containsExactly("logs/");
        assertThat(steps.get(1).changes()).extracting(Change::path, Change::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("logs/note", Change.Kind.CREATED));
        assertThat(steps.get(1).changes().get(0).diff().orElseThrow()).contains("+1");
        assertThat(steps.get(2).changes()).extracting(Change::kind).containsExactly(Change.Kind.MOVED);
        assertThat(tree(t.home)).isEqualTo(before);
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void aStepThatWouldFailIsReportedAndTheCopyIsStillRemoved() throws Exception {
        ScriptTrees t = new ScriptTrees(dir);
        t.shell("1.0.0", "001_ok.sh", "[ -f a ]", "touch a");
        t.shell("1.0.0", "002_bad.sh", "exit 1", "echo broken >&2; exit 3");
        Path temp = Files.createDirectories(dir.resolve("tmp"));

        MigrationReport report = dryRun(t, temp);

        assertThat(report.steps()).extracting(StepResult::outcome).containsExactly(StepOutcome.WOULD_APPLY, StepOutcome.FAILED);
        assertThat(report.error()).contains("1.0.0/002_bad: migrate() exited 3; stderr: broken");
        assertThat(t.home.resolve("a")).doesNotExist();
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left.toList()).isEmpty();
        }
    }
}
