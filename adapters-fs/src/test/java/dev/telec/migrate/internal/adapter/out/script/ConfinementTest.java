package dev.telec.migrate.internal.adapter.out.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.StepOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Under bubblewrap a step writes its home and nothing else; with sandbox: off the same step can. */
class ConfinementTest {

    @TempDir
    Path dir;

    @Test
    void aConfinedStepThatWritesOutsideItsHomeFailsAndNothingOutsideChanges() throws Exception {
        ScriptTrees t = new ScriptTrees(dir);
        assumeTrue(t.host.confined(), "bubblewrap cannot confine processes on this machine (not installed, or no namespaces)");
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path etc = Path.of("/etc/telec-confinement-test-" + ProcessHandle.current().pid());
        t.shell("1.0.0", "001_escape.sh", "exit 1",
                "touch inside && echo x > " + outside.resolve("stolen") + "; touch " + etc + "; touch " + t.manifest.resolve("planted")
                        + " && exit 0; exit 5");

        MigrationReport report = t.migrate();

        assertThat(report.steps().get(0).outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(t.error(report)).startsWith("1.0.0/001_escape: migrate() exited 5; stderr: ").contains("Read-only file system");
        assertThat(t.home.resolve("inside")).exists();
        assertThat(outside.resolve("stolen")).doesNotExist();
        assertThat(etc).doesNotExist();
        assertThat(t.manifest.resolve("planted")).doesNotExist();
    }

    @Test
    void aConfinedStepHasNoNetworkButLoopback() throws Exception {
        ScriptTrees t = new ScriptTrees(dir);
        assumeTrue(t.host.confined(), "bubblewrap cannot confine processes on this machine (not installed, or no namespaces)");
        t.shell("1.0.0", "001_net.sh", "[ -f interfaces ]", "cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' ' > interfaces");

        assertThat(t.migrate().succeeded()).isTrue();

        assertThat(Files.readString(t.home.resolve("interfaces")).strip()).isEqualTo("lo");
    }

    @Test
    void unconfinedTheSameStepDoesWriteOutsideItsHome() throws Exception {
        ScriptTrees t = new ScriptTrees(dir);
        t.host.configure(t.host.settings().sandbox(Sandboxing.OFF));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        t.shell("1.0.0", "001_escape.sh", "[ -f inside ]", "touch inside && echo x > " + outside.resolve("stolen"));

        assertThat(t.migrate().succeeded()).isTrue();

        assertThat(outside.resolve("stolen")).exists();
    }
}
