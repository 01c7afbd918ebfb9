package dev.telec.migrate.internal.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telec.migrate.internal.adapter.in.cli.CliRun.Result;
import dev.telec.migrate.steps.ForgetfulStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** telec test: passes on the bundled fixtures, fails on one byte of difference and on a step that is not idempotent. */
class TestVerbTest {

    static final Path BUNDLED_FIXTURES = Path.of("..", "examples", "fixtures", "teleclaude");

    @TempDir
    Path tmp;

    Result telec(String... args) {
        return CliRun.telec(Map.of(), tmp.resolve("user"), args);
    }

    @Test
    void theBundledManifestPassesItsFixtures() {
        Result r = telec("test", "--fixtures", BUNDLED_FIXTURES.toString());

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("ok    from-1.0", "ok    from-1.1", "ok    already-migrated", "3 fixtures: 3 passed, 0 failed");
    }

    @Test
    void theExampleVendorManifestPassesItsFixtures() {
        Result r = telec("test", "--migrations", Path.of("..", "examples", "myapp", "migrations").toString());

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("ok    from-1.0", "ok    to-1.1", "2 fixtures: 2 passed, 0 failed");
    }

    @Test
    void anAfterThatDiffersByOneByteFailsWithAUnifiedDiff() throws IOException {
        Path fixtures = tmp.resolve("fixtures");
        FixtureTree.copy(BUNDLED_FIXTURES.resolve("from-1.0"), fixtures.resolve("from-1.0"));
        Path config = fixtures.resolve("from-1.0/after/config.json");
        byte[] bytes = Files.readAllBytes(config);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.indexOf("\"stable\"") + 1;
        bytes[at] = (byte) 'S'; // "stable" -> "Stable"
        Files.write(config, bytes);
        Map<String, FixtureTree.Content> before = FixtureTree.read(fixtures, false);

        Result r = telec("test", "--fixtures", fixtures.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  from-1.0: the home after the run differs from after/")
                .contains("--- a/config.json", "+++ b/config.json", "-  \"update_channel\": \"Stable\"", "+  \"update_channel\": \"stable\"")
                .contains("1 fixture: 0 passed, 1 failed");
        assertThat(FixtureTree.read(fixtures, false)).as("before/ and after/ are never touched").isEqualTo(before);
    }

    @Test
    void aStepThatIsNotIdempotentFails() throws IOException {
        Path tree = tmp.resolve("manifest");
        write(tree.resolve("v1.0.0/001_forgetful.yaml"), "class: " + ForgetfulStep.class.getName() + "\n");
        write(tree.resolve("fixtures/once/before/keep.txt"), "x\n");
        write(tree.resolve("fixtures/once/after/keep.txt"), "x\n");
        write(tree.resolve("fixtures/once/after/notes.txt"), "migrated\n");

        Result r = telec("test", "--migrations", tree.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  once:").contains("1.0.0/001_forgetful did not find its change there")
                .contains("not idempotent").contains("+migrated");
    }

    @Test
    void aFileTheRunCreatesThatAfterLacksFailsAndJsonCarriesTheDiff() throws IOException {
        Path tree = tmp.resolve("manifest");
        write(tree.resolve("v1.0.0/001_typo.yaml"), "operations:\n  - {op: write, path: a.txt, content: \"a\\n\"}\n");
        write(tree.resolve("fixtures/typo/before/keep.txt"), "x\n");
        write(tree.resolve("fixtures/typo/after/keep.txt"), "x\n");

        Result r = telec("test", "--migrations", tree.toString(), "--json");

        assertThat(r.code()).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("failed").asInt()).isEqualTo(1);
        JsonNode failures = doc.get("fixtures").get(0).get("failures");
        assertThat(failures.get(0).get("message").asText()).isEqualTo("the home after the run differs from after/");
        assertThat(failures.get(0).get("details").asText()).contains("+++ b/a.txt", "+a");
        assertThat(r.out().strip().lines()).hasSize(1);
    }

    @Test
    void expectFailureInFixtureYamlPassesWhenTheRunFails() throws IOException {
        Path tree = tmp.resolve("manifest");
        write(tree.resolve("v1.0.0/001_conflict.yaml"), "operations:\n  - {op: move, from: a, to: b}\n");
        write(tree.resolve("fixtures/conflict/before/a"), "1\n");
        write(tree.resolve("fixtures/conflict/before/b"), "2\n");
        write(tree.resolve("fixtures/conflict/after/a"), "1\n");
        write(tree.resolve("fixtures/conflict/after/b"), "2\n");
        write(tree.resolve("fixtures/conflict/fixture.yaml"), "expect: failure\n");

        Result r = telec("test", "--migrations", tree.toString());

        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("ok    conflict");
    }

    @Test
    void usageErrors() {
        assertThat(telec("test").code()).isEqualTo(2);
        assertThat(telec("test", "--fixtures", tmp.resolve("none").toString()).err()).contains("no fixtures folder");
        assertThat(telec("test", "--fixtures", tmp.toString(), "--json", "-q").code()).isEqualTo(2);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
