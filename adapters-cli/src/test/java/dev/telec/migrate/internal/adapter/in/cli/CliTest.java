package dev.telec.migrate.internal.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telec.migrate.internal.adapter.in.cli.CliRun.Result;
import dev.telec.migrate.steps.MarkerStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path tmp;
    Path home;
    Path manifest;
    Map<String, String> env = new TreeMap<>();

    @BeforeEach
    void manifest() throws IOException {
        home = tmp.resolve("home");
        Files.createDirectories(home);
        manifest = tmp.resolve("manifest");
        entry("v1.1.0/001_first.yaml");
        entry("v1.1.0/002_second.json");
        entry("v1.2.0/001_third.yml");
    }

    private void entry(String path) throws IOException {
        CliRun.write(manifest.resolve(path), path.endsWith(".json")
                ? "{\"class\": \"" + MarkerStep.class.getName() + "\"}\n"
                : "class: " + MarkerStep.class.getName() + "\n");
    }

    private Result telec(String... args) {
        return CliRun.telec(env, tmp.resolve("user"), args);
    }

    private Result migrate(String... extra) {
        String[] args = Stream.concat(Stream.of("migrate", "--home", home.toString(), "--migrations", manifest.toString()),
                Stream.of(extra)).toArray(String[]::new);
        return telec(args);
    }

    static Map<String, String> hashTree(Path root) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        if (!Files.exists(root)) return hashes;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String key = root.relativize(p) + (Files.isDirectory(p) ? "/" : "");
                hashes.put(key, Files.isDirectory(p) ? "dir " + Files.getLastModifiedTime(p)
                        : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))
                                + " " + Files.getLastModifiedTime(p));
            }
        }
        return hashes;
    }

    @Test
    void appliesEveryStepInOrderAndRecordsTheState() throws IOException {
        Result r = migrate();

        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).containsSubsequence("0.0.0 -> 1.2.0",
                "applied", "1.1.0/001_first", "applied", "1.1.0/002_second", "applied", "1.2.0/001_third", "3 applied");
        JsonNode state = new ObjectMapper().readTree(home.resolve("migration_state.json").toFile());
        assertThat(state.get("applied").toString())
                .isEqualTo("[\"1.1.0/001_first\",\"1.1.0/002_second\",\"1.2.0/001_third\"]");
        assertThat(state.get("version").asText()).isEqualTo("1.2.0");
        assertThat(state.get("history")).hasSize(3);
        assertThat(MarkerStep.marker(home, "1.2.0/001_third")).exists();
    }

    @Test
    void aSecondRunHasNothingToDo() {
        migrate();

        Result again = migrate();

        assertThat(again.code()).isZero();
        assertThat(again.out()).isEqualTo(home + ": nothing to do (1.2.0 -> 1.2.0)" + System.lineSeparator());
    }

    @Test
    void quietPrintsNothingOnSuccess() {
        Result r = migrate("--quiet");

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonPrintsExactlyOneDocumentOfTheDocumentedShape() throws IOException {
        Result r = migrate("--json", "--to", "1.1.0");

        assertThat(r.code()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.fieldNames()).toIterable()
                .containsExactly("from", "to", "dryRun", "steps", "applied", "skipped", "ignored", "error", "simulated", "notice");
        assertThat(doc.get("from").asText()).isEqualTo("0.0.0");
        assertThat(doc.get("to").asText()).isEqualTo("1.1.0");
        assertThat(doc.get("dryRun").asBoolean()).isFalse();
        assertThat(doc.get("steps").get(0).toString())
                .isEqualTo("{\"id\":\"1.1.0/001_first\",\"outcome\":\"applied\",\"error\":null,\"notes\":[]}");
        assertThat(doc.get("applied").asInt()).isEqualTo(2);
        assertThat(doc.get("error").isNull()).isTrue();
        assertThat(r.out().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void dryRunReportsWhatWouldHappenAndWritesNothing() throws Exception {
        Files.createDirectories(home);
        Files.writeString(home.resolve("keep.txt"), "untouched");
        Map<String, String> before = hashTree(home);

        Result r = migrate("--dry-run", "--json");

        assertThat(r.code()).isZero();
        assertThat(r.json().get("steps").findValuesAsText("outcome")).containsOnly("would_apply");
        assertThat(r.json().get("dryRun").asBoolean()).isTrue();
        assertThat(hashTree(home)).isEqualTo(before);
    }

    @Test
    void dryRunOfAMissingHomeWithCreateHomeSimulatesFromNothingAndDoesNotCreateIt() throws IOException {
        Files.delete(home);

        Result r = migrate("--dry-run", "--create-home");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("would apply").contains("dry run");
        assertThat(home).doesNotExist();
    }

    @Test
    void aFailingStepExitsOneNamingTheStepAndTheCause() throws IOException {
        entry("v1.1.0/003_will_fail.yaml");

        Result r = migrate();

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED").contains("not run");
        assertThat(r.err()).isEqualTo("telec: 1.1.0/003_will_fail: migrate() failed: boom in 1.1.0/003_will_fail"
                + "; its changes were rolled back" + System.lineSeparator());
        JsonNode state = new ObjectMapper().readTree(home.resolve("migration_state.json").toFile());
        assertThat(state.get("applied")).hasSize(2);
        assertThat(state.has("version")).isFalse();
    }

    @Test
    void aCorruptStateIsAOneLineErrorAndStaysByteForByte() throws Exception {
        Files.createDirectories(home);
        Path state = home.resolve("migration_state.json");
        Files.writeString(state, "{\"applied\": [1, 2");
        Map<String, String> before = hashTree(home);

        Result r = migrate();

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("telec: " + state).doesNotContain("\tat ");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(hashTree(home)).isEqualTo(before);
    }

    @Test
    void aManifestErrorWithJsonIsStillOneDocument() throws Exception {
        Files.createDirectories(manifest.resolve("v1.3"));

        Result r = migrate("--json");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().get("error").asText()).contains("v1.3");
        assertThat(r.err()).contains("v1.3");
        assertThat(home).isEmptyDirectory();
    }

    @Test
    void badVersionsAreUsageErrorsQuotingTheInput() {
        Result r = migrate("--to", "1.2");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'1.2'");
        assertThat(home).isEmptyDirectory();
    }

    @Test
    void fromAfterToIsAUsageError() {
        Result r = migrate("--from", "2.0.0", "--to", "1.0.0");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("2.0.0").contains("1.0.0");
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        assertThat(telec("migrate", "--frobnicate").code()).isEqualTo(2);
        assertThat(telec().code()).isEqualTo(2);
    }

    @Test
    void helpAndVersionExitZero() {
        Result version = telec("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("telec ").doesNotContain("unknown");

        Result help = telec("migrate", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--dry-run", "--from", "--to", "--home", "--migrations", "--json");
        assertThat(telec("--help").out()).contains("migrate");
    }

    @Test
    void homeDefaultsToTheProfilesVariableThenToItsHomeUnderHOME() throws IOException {
        Files.writeString(manifest.resolve("telec.yaml"), "app: teleclaude\nhome: ~/.teleclaude\nhome_env: TELECLAUDE_HOME\n");
        env.put("TELECLAUDE_HOME", home.toString());
        Result fromEnv = telec("migrate", "--migrations", manifest.toString(), "--quiet");
        assertThat(fromEnv.code()).isZero();
        assertThat(home.resolve("migration_state.json")).exists();

        env.clear();
        env.put("HOME", tmp.resolve("elsewhere").toString());
        Files.createDirectories(tmp.resolve("elsewhere/.teleclaude"));
        Result fallback = telec("migrate", "--migrations", manifest.toString(), "--quiet");
        assertThat(fallback.code()).isZero();
        assertThat(tmp.resolve("elsewhere/.teleclaude/migration_state.json")).exists();
    }
}
