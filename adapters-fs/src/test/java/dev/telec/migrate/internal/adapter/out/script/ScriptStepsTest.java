package dev.telec.migrate.internal.adapter.out.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.telec.migrate.api.ManifestException;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.spi.ScriptMigration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three kinds of script step, run as real processes through the real runner: confined by bubblewrap
 * when it can run here ({@link UnconfinedScriptStepsTest} runs them all again with {@code sandbox: off}).
 */
class ScriptStepsTest {

    @TempDir
    Path dir;

    /** Trees whose steps run as this class's tests want them: confined when bubblewrap can, here. */
    ScriptTrees trees() throws java.io.IOException {
        return new ScriptTrees(dir);
    }

    @Test
    void theReferenceRunnersExampleStepRunsUnchangedOnAHomeAtAnyPath() throws Exception {
        assumeTrue(ScriptTrees.pythonRuns(), "python3 is not installed");
        ScriptTrees t = trees();
        t.step("1.1.0", "001_rename_toggle.py", ScriptTrees.REFERENCE_EXAMPLE, false);
        Files.writeString(t.home.resolve("example_config.json"), "{\"legacy_feature_toggle\": true, \"other\": 1}");

        MigrationReport first = t.migrate();

        assertThat(first.succeeded()).as(first.toString()).isTrue();
        assertThat(first.steps().get(0).outcome()).isEqualTo(StepOutcome.APPLIED);
        assertThat(Files.readString(t.home.resolve("example_config.json")))
                .isEqualTo("{\"other\": 1, \"feature_toggle\": true}");
        MigrationReport again = t.runner().migrate(MigrateCommand.of(t.home).migrations(t.manifest)
                .from(dev.telec.migrate.domain.Version.ZERO));
        assertThat(again.steps().get(0).outcome()).isEqualTo(StepOutcome.SKIPPED_APPLIED);
    }

    @Test
    void aPythonStepWhoseCheckHoldsIsSkippedWithAMissingConfig() throws Exception {
        assumeTrue(ScriptTrees.pythonRuns(), "python3 is not installed");
        ScriptTrees t = trees();
        t.step("1.1.0", "001_rename_toggle.py", ScriptTrees.REFERENCE_EXAMPLE, false);

        MigrationReport report = t.migrate();

        assertThat(report.steps().get(0).outcome()).isEqualTo(StepOutcome.SKIPPED_CHECK);
        assertThat(t.home.resolve("example_config.json")).doesNotExist();
    }

    @Test
    void aPythonFunctionReturningSomethingElseThanABoolFailsSayingWhatItReturned() throws Exception {
        assumeTrue(ScriptTrees.pythonRuns(), "python3 is not installed");
        ScriptTrees t = trees();
        t.step("1.1.0", "001_truthy.py", "def check():\n    return 'yes'\n\ndef migrate():\n    return True\n", false);

        MigrationReport report = t.migrate();

        assertThat(t.error(report)).isEqualTo("1.1.0/001_truthy: check() returned 'yes' (str), not True or False");
    }

    @Test
    void aPythonExceptionFailsTheStepWithItsTypeAndTheTracebacksLastLines() throws Exception {
        assumeTrue(ScriptTrees.pythonRuns(), "python3 is not installed");
        ScriptTrees t = trees();
        t.step("1.1.0", "001_boom.py", "def check():\n    return False\n\ndef migrate():\n    raise KeyError('toggle')\n", false);

        MigrationReport report = t.migrate();

        assertThat(t.error(report)).startsWith("1.1.0/001_boom: migrate() raised KeyError: 'toggle'; stderr: ")
                .contains("in migrate").endsWith("KeyError: 'toggle'");
        assertThat(report.steps().get(0).outcome()).isEqualTo(StepOutcome.FAILED);
    }

    @Test
    void aPythonMigrateReturningFalseIsAFailureAndNothingIsRecorded() throws Exception {
        assumeTrue(ScriptTrees.pythonRuns(), "python3 is not installed");
        ScriptTrees t = trees();
        t.step("1.1.0", "001_no.py", "import sys\ndef check():\n    return False\n\ndef migrate():\n"
                + "    print('config is locked', file=sys.stderr)\n    return False\n", false);

        MigrationReport report = t.migrate();

        assertThat(t.error(report)).isEqualTo("1.1.0/001_no: migrate() returned False; stderr: config is locked");
        Path state = t.home.resolve("migration_state.json");
        assertThat(Files.exists(state) ? Files.readString(state) : "").doesNotContain("001_no");
    }

    @Test
    void aPythonModuleWithoutCheckFailsNamingTheFunction() throws Exception {
        assumeTrue(ScriptTrees.pythonRuns(), "python3 is not installed");
        ScriptTrees t = trees();
        t.step("1.1.0", "001_half.py", "def migrate():\n    return True\n", false);

        assertThat(t.error(t.migrate())).isEqualTo("1.1.0/001_half: check() is missing: the module has no check() function");
    }

    @Test
    void aScriptsExitStatusIsItsAnswer() throws Exception {
        ScriptTrees t = trees();
        t.shell("1.0.0", "001_done.sh", "exit 0", "exit 9");
        t.shell("1.0.0", "002_todo.sh", "[ -f marker ]", "touch marker");
        t.shell("1.0.0", "003_fails", "exit 1", "echo 'disk full' >&2; exit 1");

        MigrationReport report = t.migrate();

        assertThat(report.steps()).extracting(s -> s.outcome())
                .containsExactly(StepOutcome.SKIPPED_CHECK, StepOutcome.APPLIED, StepOutcome.FAILED);
        assertThat(t.home.resolve("marker")).exists();
        assertThat(t.error(report)).isEqualTo("1.0.0/003_fails: migrate() exited 1 (false); stderr: disk full");
    }

    @Test
    void anExitStatusOtherThanZeroOrOneIsAnErrorEndingWithTheLastLinesOfStderr() throws Exception {
        ScriptTrees t = trees();
        t.shell("1.0.0", "001_err.sh", "for i in 1 2 3 4 5 6 7; do echo line$i >&2; done; exit 3", "exit 0");

        assertThat(t.error(t.migrate()))
                .isEqualTo("1.0.0/001_err: check() exited 3; stderr: line3 | line4 | line5 | line6 | line7");
    }

    @Test
    void aScriptKilledByASignalIsAnError() throws Exception {
        ScriptTrees t = trees();
        t.shell("1.0.0", "001_killed.sh", "kill -s KILL $$", "exit 0");

        assertThat(t.error(t.migrate())).isEqualTo("1.0.0/001_killed: check() was killed by signal 9");
    }

    @Test
    void aScriptStepThatIsNotExecutableIsRefusedNamingTheFileAndNothingRuns() throws Exception {
        ScriptTrees t = trees();
        t.shell("1.0.0", "001_first.sh", "exit 1", "touch first-ran");
        Path second = t.step("1.0.0", "002_second.sh", "#!/bin/sh\nexit 0\n", false);

        assertThatThrownBy(t::migrate).isInstanceOf(ManifestException.class)
                .hasMessageStartingWith(second + ": not executable")
                .hasMessageContaining("chmod +x");
        assertThat(t.home.resolve("first-ran")).doesNotExist();
    }

    @Test
    void aScriptInAGroupWritableDirectoryIsRefusedUnlessInsecureMigrationsAreAllowed() throws Exception {
        ScriptTrees t = trees();
        Path step = t.shell("1.0.0", "001_step.sh", "[ -f done ]", "touch done");
        Files.setPosixFilePermissions(step.getParent(), PosixFilePermissions.fromString("rwxrwxr-x"));

        assertThatThrownBy(t::migrate).isInstanceOf(ManifestException.class)
                .hasMessageStartingWith(step.getParent() + ": refusing to load steps: it is group-writable");
        assertThat(t.home.resolve("done")).doesNotExist();

        MigrationReport allowed = t.runner().migrate(MigrateCommand.of(t.home).migrations(t.manifest).allowInsecureMigrations(true));
        assertThat(allowed.succeeded()).isTrue();
        assertThat(t.home.resolve("done")).exists();
    }

    @Test
    void aWorldWritableScriptFileIsRefused() throws Exception {
        ScriptTrees t = trees();
        Path step = t.shell("1.0.0", "001_step.sh", "exit 0", "exit 0");
        Files.setPosixFilePermissions(step, PosixFilePermissions.fromString("rwxr-xrwx"));

        assertThatThrownBy(t::migrate).isInstanceOf(ManifestException.class)
                .hasMessageStartingWith(step + ": refusing to load steps: it is world-writable");
    }

    @Test
    void stepsRunInTheHomeWithTheirEnvironmentAndNoInput() throws Exception {
        ScriptTrees t = trees();
        t.shell("1.2.0", "001_env.sh", "[ -f env.txt ]",
                "{ pwd; echo \"$TELEC_HOME|$TELEC_STEP_ID|$TELEC_FROM|$TELEC_TO|${TELEC_DRY_RUN-unset}\"; cat; } > env.txt");

        MigrationReport report = t.migrate();

        assertThat(report.succeeded()).as(report.toString()).isTrue();
        String real = t.home.toRealPath().toString();
        assertThat(Files.readString(t.home.resolve("env.txt")))
                .isEqualTo(real + "\n" + real + "|1.2.0/001_env|0.0.0|1.2.0|unset\n");
    }

    @Test
    void aCallOverItsTimeLimitIsEndedWithItsWholeProcessGroup() throws Exception {
        ScriptTrees t = trees();
        t.host.configure(t.host.settings().flagTimeout(Duration.ofSeconds(1)));
        String marker = "60." + ProcessHandle.current().pid() + "1"; // a sleep no one else runs
        t.shell("1.0.0", "001_hangs.sh", "sleep " + marker + " & echo waiting >&2; sleep " + marker, "exit 0");

        long started = System.nanoTime();
        MigrationReport report = t.migrate();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        assertThat(t.error(report)).isEqualTo("1.0.0/001_hangs: check() timed out after 1s; stderr: waiting");
        assertThat(seconds).isLessThan(20);
        long deadline = System.nanoTime() + 5_000_000_000L;
        java.util.List<Long> left;
        do {
            Thread.sleep(100);
            left = ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("sleep " + marker))
                    .map(ProcessHandle::pid).toList();
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        assertThat(left).as("processes of the timed-out step still running").isEmpty();
    }

    @Test
    void anExecEntryRunsItsCommandsFromTheEntrysDirectoryThenPath() throws Exception {
        ScriptTrees t = trees();
        Path tool = Files.createDirectories(dir.resolve("app/bin")).resolve("tool");
        Files.writeString(tool, "#!/bin/sh\n[ \"$1\" = upgrade ] && touch upgraded\n[ -f upgraded ]\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(t.manifest.resolve("v1.0.0"));
        Files.writeString(t.manifest.resolve("v1.0.0/001_upgrade.yaml"),
                "exec:\n  check: [../../app/bin/tool, check]\n  migrate: [../../app/bin/tool, upgrade]\n");
        Files.writeString(t.manifest.resolve("v1.0.0/002_path.yaml"), "exec:\n  check: [test, -f, upgraded]\n  migrate: [false]\n");

        MigrationReport report = t.migrate();

        assertThat(report.succeeded()).as(report.toString()).isTrue();
        assertThat(report.steps()).extracting(s -> s.outcome()).containsExactly(StepOutcome.APPLIED, StepOutcome.SKIPPED_CHECK);
        ScriptMigration step = (ScriptMigration) new dev.telec.migrate.internal.adapter.out.manifest.FileManifests(t.host)
                .load(dev.telec.migrate.application.port.in.StepSource.directory(t.manifest)).entries().get(0).resolve();
        assertThat(step.kind()).isEqualTo("exec");
        assertThat(step.files()).containsExactly(t.manifest.resolve("v1.0.0/001_upgrade.yaml"));
    }

    @Test
    void anExecEntrysOwnTimeoutWinsOverTheOthers() throws Exception {
        ScriptTrees t = trees();
        t.host.configure(t.host.settings().stepTimeout(Duration.ofMinutes(5)).flagTimeout(Duration.ofMinutes(7)));
        Files.createDirectories(t.manifest.resolve("v1.0.0"));
        Files.writeString(t.manifest.resolve("v1.0.0/001_slow.yaml"),
                "exec:\n  check: [sleep, '30']\n  migrate: ['true']\n  timeout: 700ms\n");

        assertThat(t.error(t.migrate())).isEqualTo("1.0.0/001_slow: check() timed out after 700ms");
    }

    @Test
    void anExecEntryNamingAMissingCommandIsRefusedBeforeAnythingRuns() throws Exception {
        ScriptTrees t = trees();
        Files.createDirectories(t.manifest.resolve("v1.0.0"));
        Path entry = t.manifest.resolve("v1.0.0/001_x.yaml");
        Files.writeString(entry, "exec:\n  check: [no-such-command-anywhere]\n  migrate: ['true']\n");

        assertThatThrownBy(t::migrate).isInstanceOf(ManifestException.class)
                .hasMessage(entry + ": exec.check: command 'no-such-command-anywhere' is neither in "
                        + entry.getParent() + " nor on PATH");
    }

    @Test
    void anExecEntryWithAnUnknownKeyIsRefused() throws Exception {
        ScriptTrees t = trees();
        Files.createDirectories(t.manifest.resolve("v1.0.0"));
        Path entry = t.manifest.resolve("v1.0.0/001_x.yaml");
        Files.writeString(entry, "exec:\n  check: ['true']\n  migrate: ['true']\n  timeot: 2m\n");

        assertThatThrownBy(t::migrate).isInstanceOf(ManifestException.class)
                .hasMessage(entry + ": unknown key 'exec.timeot' (known keys: check, migrate, timeout)");
    }

    @Test
    void sandboxRequiredRefusesToRunAnyStepWhenBubblewrapIsMissing() throws Exception {
        ScriptTrees t = new ScriptTrees(dir, Map.of("TELEC_BWRAP", dir.resolve("no-bwrap").toString()));
        t.host.configure(t.host.settings().sandbox(Sandboxing.REQUIRED));
        Path step = t.shell("1.0.0", "001_step.sh", "exit 1", "touch ran");

        assertThatThrownBy(t::migrate).isInstanceOf(ManifestException.class)
                .hasMessage(step + ": sandbox: required, but script steps cannot be confined here: bwrap (bubblewrap) is not installed");
        assertThat(t.home.resolve("ran")).doesNotExist();
    }

    @Test
    void sandboxAutoWithoutBubblewrapRunsUnconfinedAfterOneNotice() throws Exception {
        ScriptTrees t = new ScriptTrees(dir, Map.of("TELEC_BWRAP", dir.resolve("no-bwrap").toString()));
        java.util.List<String> notices = new java.util.ArrayList<>();
        t.host.notices(notices::add);
        t.shell("1.0.0", "001_a.sh", "[ -f a ]", "touch a");
        t.shell("1.0.0", "002_b.sh", "[ -f b ]", "touch b");

        assertThat(t.migrate().succeeded()).isTrue();

        assertThat(notices).containsExactly("telec: notice: script steps run unconfined (bwrap (bubblewrap) is not installed);"
                + " install bubblewrap to confine them to the home, or set sandbox: off in telec.yaml");
        assertThat(t.host.confined()).isFalse();
    }

    @Test
    void aBubblewrapThatCannotStartHereCountsAsMissingWithItsReason() throws Exception {
        Path fake = dir.resolve("bwrap");
        Files.writeString(fake, "#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        ScriptTrees t = new ScriptTrees(dir, Map.of("TELEC_BWRAP", fake.toString()));
        java.util.List<String> notices = new java.util.ArrayList<>();
        t.host.notices(notices::add);
        t.shell("1.0.0", "001_a.sh", "[ -f a ]", "touch a");

        assertThat(t.migrate().succeeded()).isTrue();

        assertThat(t.home.resolve("a")).exists();
        assertThat(notices).containsExactly("telec: notice: script steps run unconfined (" + fake
                + " cannot start here (exit 1: bwrap: No permissions to create new namespace)); install bubblewrap to"
                + " confine them to the home, or set sandbox: off in telec.yaml");

        ScriptTrees required = new ScriptTrees(dir.resolve("required"), Map.of("TELEC_BWRAP", fake.toString()));
        required.host.configure(required.host.settings().sandbox(Sandboxing.REQUIRED));
        required.shell("1.0.0", "001_a.sh", "[ -f a ]", "touch a");
        assertThatThrownBy(required::migrate).isInstanceOf(ManifestException.class)
                .hasMessageEndingWith("sandbox: required, but script steps cannot be confined here: " + fake
                        + " cannot start here (exit 1: bwrap: No permissions to create new namespace)");
    }
}
