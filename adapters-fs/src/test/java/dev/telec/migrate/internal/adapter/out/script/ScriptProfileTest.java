package dev.telec.migrate.internal.adapter.out.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.telec.migrate.api.ManifestException;
import dev.telec.migrate.domain.MigrationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** telec.yaml's python:, sandbox: and step_timeout:, and what the app's name and home give script steps. */
class ScriptProfileTest {

    @TempDir
    Path dir;

    @Test
    void theProfileNamesTheAppAndItsStepTimeoutWinsOverTheFlag() throws Exception {
        ScriptTrees t = new ScriptTrees(dir);
        t.host.configure(t.host.settings().flagTimeout(Duration.ofMinutes(3)));
        Files.writeString(t.manifest.resolve("telec.yaml"), "app: scripted\nhome: ~/.scripted\nstep_timeout: 1s\n");
        t.shell("1.0.0", "001_app.sh", "[ -f app ]", "echo \"$TELEC_APP\" > app");
        t.shell("1.0.0", "002_slow.sh", "sleep 20", "exit 0");

        MigrationReport report = t.migrate();

        assertThat(Files.readString(t.home.resolve("app"))).isEqualTo("scripted\n");
        assertThat(t.error(report)).isEqualTo("1.0.0/002_slow: check() timed out after 1s");
    }

    @Test
    void aPythonStepOfAnotherAppFindsItsHomeUnderTheProfilesHomeName() throws Exception {
        assumeTrue(ScriptTrees.pythonRuns(), "python3 is not installed");
        ScriptTrees t = new ScriptTrees(dir);
        Files.writeString(t.manifest.resolve("telec.yaml"), "app: myapp\nhome: ~/.myapp\npython: python3\n");
        t.step("1.0.0", "001_mark.py", "from pathlib import Path\nM = Path.home() / '.myapp' / 'marked'\n"
                + "def check():\n    return M.exists()\n\ndef migrate():\n    M.write_text('x')\n    return True\n", false);

        assertThat(t.migrate().succeeded()).isTrue();

        assertThat(t.home.resolve("marked")).hasContent("x");
    }

    @Test
    void sandboxRequiredInTheProfileRefusesEveryStepWithoutBubblewrap() throws Exception {
        ScriptTrees t = new ScriptTrees(dir, Map.of("TELEC_BWRAP", dir.resolve("none").toString()));
        Files.writeString(t.manifest.resolve("telec.yaml"), "app: scripted\nsandbox: required\n");
        t.shell("1.0.0", "001_a.sh", "exit 1", "touch a");

        assertThatThrownBy(t::migrate).isInstanceOf(ManifestException.class)
                .hasMessageContaining("sandbox: required, but script steps cannot be confined here");
        assertThat(t.home.resolve("a")).doesNotExist();
    }

    @Test
    void badScriptKeysAreOneLineErrorsNamingTheProfile() throws Exception {
        ScriptTrees t = new ScriptTrees(dir);
        Path profile = t.manifest.resolve("telec.yaml");
        t.shell("1.0.0", "001_a.sh", "exit 0", "exit 0");

        Files.writeString(profile, "app: scripted\nsandbox: sometimes\n");
        assertThatThrownBy(t::migrate).isInstanceOf(ManifestException.class)
                .hasMessage(profile + ": sandbox: sandbox must be auto, required or off, got 'sometimes'");

        Files.writeString(profile, "app: scripted\nstep_timeout: forever\n");
        assertThatThrownBy(t::migrate).isInstanceOf(ManifestException.class)
                .hasMessage(profile + ": step_timeout: not a duration: 'forever' (a number with ms, s, m or h, like 90s or 2m)");
    }
}
