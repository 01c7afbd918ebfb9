package dev.telec.migrate.internal.adapter.out.script;

import dev.telec.migrate.internal.adapter.out.manifest.FileManifests;
import dev.telec.migrate.internal.adapter.out.state.JsonStateStore;
import dev.telec.migrate.internal.application.MigrationRunner;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.domain.MigrationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Manifest trees with script steps on disk, and runs of them through the real runner and state store. */
final class ScriptTrees {

    /** The reference runner's example step, byte for byte as its authors write them. */
    static final String REFERENCE_EXAMPLE = String.join("\n",
            "import json",
            "from pathlib import Path",
            "",
            "CONFIG = Path.home() / \".teleclaude\" / \"example_config.json\"",
            "",
            "",
            "def _load():",
            "    if not CONFIG.exists():",
            "        return {}",
            "    return json.loads(CONFIG.read_text())",
            "",
            "",
            "def check():",
            "    return \"legacy_feature_toggle\" not in _load()",
            "",
            "",
            "def migrate():",
            "    config = _load()",
            "    config[\"feature_toggle\"] = config.pop(\"legacy_feature_toggle\")",
            "    CONFIG.write_text(json.dumps(config))",
            "    return True",
            "");

    /** Whether python3 runs here: the Python steps' tests are skipped, saying so, where it does not. */
    static boolean pythonRuns() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "pass").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    final Path manifest;
    final Path home;
    final ScriptHost host;

    ScriptTrees(Path dir) throws IOException {
        this(dir, Map.of());
    }

    ScriptTrees(Path dir, Map<String, String> extraEnvironment) throws IOException {
        manifest = Files.createDirectories(dir.resolve("manifest"));
        home = Files.createDirectories(dir.resolve("some/where/home"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(extraEnvironment);
        host = new ScriptHost(env);
        host.configure(host.settings().grace(Duration.ofMillis(500)));
    }

    /** Writes {@code v<version>/<name>} with {@code text}; executable when {@code executable}. */
    Path step(String version, String name, String text, boolean executable) throws IOException {
        Path file = Files.createDirectories(manifest.resolve("v" + version)).resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        return file;
    }

    /** A shell script step: {@code check} runs {@code check}, {@code migrate} runs {@code migrate}. */
    Path shell(String version, String name, String check, String migrate) throws IOException {
        return step(version, name, "#!/bin/sh\ncase \"$1\" in\n  check) " + check + " ;;\n  migrate) " + migrate
                + " ;;\n  *) exit 64 ;;\nesac\n", true);
    }

    MigrationRunner runner() {
        return new MigrationRunner(new FileManifests(host), new JsonStateStore(), Clock.systemUTC());
    }

    MigrationReport migrate() {
        return runner().migrate(MigrateCommand.of(home).migrations(manifest));
    }

    String error(MigrationReport report) {
        return report.error().orElseThrow(() -> new AssertionError("the run did not fail: " + report));
    }
}
