package dev.telec.migrate.internal.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telec.migrate.internal.adapter.in.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Script steps through the command line: --json carries a failed step's output, --verbose streams it, --step-timeout. */
class ScriptStepsCliTest {

    @TempDir
    Path tmp;

    private Path script(String name, String check, String migrate) throws IOException {
        Path file = tmp.resolve("manifest/v1.0.0/" + name);
        Files.createDirectories(file.getParent());
        Files.createDirectories(tmp.resolve("home"));
        Files.writeString(file, "#!/bin/sh\ncase \"$1\" in\n  check) " + check + " ;;\n  migrate) " + migrate + " ;;\nesac\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private Result migrate(String... extra) {
        String[] args = Stream.concat(Stream.of("migrate", "--home", tmp.resolve("home").toString(),
                "--migrations", tmp.resolve("manifest").toString()), Stream.of(extra)).toArray(String[]::new);
        return CliRun.telec(new TreeMap<>(), tmp.resolve("user"), args);
    }

    @Test
    void jsonCarriesTheFailedStepsOutputAndStdoutHoldsOnlyTheDocument() throws Exception {
        script("001_fails.sh", "exit 1", "echo progress; echo 'no space left' >&2; exit 4");

        Result r = migrate("--json");

        assertThat(r.code()).isEqualTo(1);
        JsonNode step = r.json().get("steps").get(0);
        assertThat(step.get("outcome").asText()).isEqualTo("failed");
        assertThat(step.get("error").asText()).isEqualTo("migrate() exited 4; stderr: no space left");
        assertThat(step.get("stdout").asText()).isEqualTo("progress\n");
        assertThat(step.get("stderr").asText()).isEqualTo("no space left\n");
    }

    @Test
    void verboseStreamsEachLineOnStderrPrefixedWithTheStep() throws Exception {
        script("001_talks.sh", "[ -f done ]", "echo copying; echo warned >&2; touch done");

        Result r = migrate("--verbose");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("1.0.0/001_talks migrate: copying\n").contains("1.0.0/001_talks migrate: warned\n");
        assertThat(r.out()).doesNotContain("copying");
    }

    @Test
    void withoutVerboseAStepsOutputIsNotShown() throws Exception {
        script("001_talks.sh", "[ -f done ]", "echo copying; echo warned >&2; touch done");

        Result r = migrate();

        assertThat(r.code()).isZero();
        assertThat(r.out() + r.err()).doesNotContain("copying").doesNotContain("warned");
    }

    @Test
    void aDryRunWithAScriptStepSaysItsCopyIsOnDisk() throws Exception {
        script("001_touch.sh", "[ -f done ]", "touch done");

        Result r = migrate("--dry-run");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("(dry run, simulated on a copy on disk: nothing is changed)").doesNotContain("in-memory");
        assertThat(tmp.resolve("home/done")).doesNotExist();
    }

    @Test
    void stepTimeoutLimitsEachCall() throws Exception {
        script("001_slow.sh", "sleep 30", "exit 0");

        Result r = migrate("--step-timeout", "1s");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("telec: 1.0.0/001_slow: check() timed out after 1s");
    }

    @Test
    void aBadStepTimeoutIsAUsageError() throws Exception {
        script("001_x.sh", "exit 0", "exit 0");

        Result r = migrate("--step-timeout", "soon");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("not a duration: 'soon'");
    }
}
