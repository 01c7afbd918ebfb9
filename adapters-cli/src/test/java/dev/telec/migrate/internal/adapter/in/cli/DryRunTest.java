package dev.telec.migrate.internal.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telec.migrate.steps.MarkerStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code telec migrate --dry-run}: simulated on an in-memory copy, with each step's changes. */
class DryRunTest {

    static final Path EXAMPLE = Path.of("..", "examples", "teleclaude-home-1.0");

    @TempDir
    Path tmp;
    Path home;

    record Result(int code, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }

        /** id -> the step's changes, as "kind path[ -> to]" */
        Map<String, List<String>> changes() throws IOException {
            Map<String, List<String>> byStep = new TreeMap<>();
            for (JsonNode step : json().get("steps")) {
                List<String> lines = new ArrayList<>();
                for (JsonNode c : step.get("changes")) {
                    lines.add(c.get("kind").asText() + " " + c.get("path").asText() + (c.has("to") ? " -> " + c.get("to").asText() : ""));
                }
                byStep.put(step.get("id").asText(), lines);
            }
            return byStep;
        }

        String diff(String id, String path) throws IOException {
            for (JsonNode step : json().get("steps")) {
                if (!step.get("id").asText().equals(id)) continue;
                for (JsonNode c : step.get("changes")) {
                    if (c.get("path").asText().equals(path)) return c.get("diff").asText();
                }
            }
            throw new AssertionError("no change of " + path + " in " + id + ": " + out);
        }
    }

    @BeforeEach
    void copyExample() throws IOException {
        home = tmp.resolve("home");
        try (Stream<Path> walk = Files.walk(EXAMPLE)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = home.resolve(EXAMPLE.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private Result telec(String... args) {
        CliRun.Result r = CliRun.telec(Map.of(), tmp.resolve("user"), args);
        return new Result(r.code(), r.out(), r.err());
    }

    private Result dryRun(String... extra) {
        return telec(Stream.concat(Stream.of("migrate", "--dry-run", "--home", home.toString()), Stream.of(extra)).toArray(String[]::new));
    }

    private static List<String> lines(String diff, char sign) {
        return diff.lines().filter(l -> l.length() > 0 && l.charAt(0) == sign && !l.startsWith("---") && !l.startsWith("+++")).toList();
    }

    @Test
    void eachBundledStepShowsItsChangesOnTheExampleHomeAndTheHomeStaysByteIdentical() throws Exception {
        Map<String, String> before = CliTest.hashTree(home);

        Result r = dryRun("--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.get("simulated").asBoolean()).isTrue();
        assertThat(doc.get("dryRun").asBoolean()).isTrue();
        assertThat(doc.get("steps").findValuesAsText("outcome")).containsOnly("would_apply");
        Map<String, List<String>> changes = r.changes();
        assertThat(changes.get("1.1.0/001_rename_feature_toggle")).containsExactly("modified config.json");
        String rename = r.diff("1.1.0/001_rename_feature_toggle", "config.json");
        assertThat(lines(rename, '-')).singleElement().asString().contains("\"legacy_feature_toggle\"");
        assertThat(lines(rename, '+')).anySatisfy(l -> assertThat(l).contains("\"feature_toggle\"").contains("true"));

        assertThat(changes.get("1.1.0/002_default_update_channel")).containsExactly("modified config.json");
        assertThat(lines(r.diff("1.1.0/002_default_update_channel", "config.json"), '+'))
                .anySatisfy(l -> assertThat(l).contains("\"update_channel\"").contains("\"stable\""));

        assertThat(changes.get("1.2.0/001_move_sessions")).contains("moved sessions/ -> state/sessions/")
                .allSatisfy(c -> assertThat(c).isIn("moved sessions/ -> state/sessions/", "created state/"));

        assertThat(changes.get("1.2.0/002_todos_state_to_yaml")).containsExactlyInAnyOrder(
                "deleted todos/fix-login-timeout/state.json", "created todos/fix-login-timeout/state.yaml",
                "deleted todos/weekly-digest/state.json", "created todos/weekly-digest/state.yaml");
        assertThat(lines(r.diff("1.2.0/002_todos_state_to_yaml", "todos/weekly-digest/state.yaml"), '+'))
                .anySatisfy(l -> assertThat(l).matches("\\+phase: \"?review\"?"));
        assertThat(r.diff("1.2.0/002_todos_state_to_yaml", "todos/weekly-digest/state.json")).contains("-  \"phase\": \"review\",");

        assertThat(r.out()).doesNotContain("migration_state");
        assertThat(CliTest.hashTree(home)).as("content and mtimes of the real home").isEqualTo(before);
    }

    @Test
    void humanOutputListsChangesWithIndentedDiffs() {
        Result r = dryRun();

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("(dry run, simulated on an in-memory copy: nothing is changed)")
                .contains("\n    ~ modified config.json\n        --- a/config.json\n        +++ b/config.json\n")
                .contains("\n    > moved sessions/ -> state/sessions/\n")
                .contains("\n    + created todos/weekly-digest/state.yaml\n")
                .contains("\n    - deleted todos/weekly-digest/state.json\n");
    }

    @Test
    void noDiffListsOnlyTheChangedPaths() throws Exception {
        Result r = dryRun("--no-diff");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("~ modified config.json").doesNotContain("@@").doesNotContain("+++");
        assertThat(dryRun("--no-diff", "--json").json().findValues("diff")).allSatisfy(d -> assertThat(d.isNull()).isTrue());
    }

    @Test
    void secretValuesAreMaskedInDiffsUnlessAskedFor() throws Exception {
        String config = Files.readString(home.resolve("config.json"))
                .replace("\"computer_name\": \"studio-mac\",", "\"computer_name\": \"studio-mac\",\n  \"api_token\": \"tk-51c7e7\",\n  \"db\": {\"Password\": \"hunter2\"},");
        Files.writeString(home.resolve("config.json"), config);

        Result masked = dryRun();
        assertThat(masked.code()).isZero();
        assertThat(masked.out()).doesNotContain("tk-51c7e7").doesNotContain("hunter2")
                .contains("\"api_token\": \"***\"").contains("\"Password\": \"***\"");

        Result shown = dryRun("--show-secrets");
        assertThat(shown.out()).contains("\"api_token\": \"tk-51c7e7\"").contains("hunter2");

        Result otherWords = dryRun("--secret-words", "password");
        assertThat(otherWords.out()).contains("tk-51c7e7").doesNotContain("hunter2");
    }

    @Test
    void aStepThatWouldFailIsReportedAndTheDryRunExitsOne() throws Exception {
        Path manifest = tmp.resolve("manifest");
        for (String entry : List.of("v1.1.0/001_first.yaml", "v1.1.0/002_will_fail.yaml", "v1.2.0/001_third.yaml")) {
            Path file = manifest.resolve(entry);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "class: " + MarkerStep.class.getName() + "\n");
        }
        Map<String, String> before = CliTest.hashTree(home);

        Result r = dryRun("--migrations", manifest.toString(), "--json");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().get("steps").findValuesAsText("outcome")).containsExactly("would_apply", "failed", "not_run");
        assertThat(r.json().get("error").asText()).isEqualTo("1.1.0/002_will_fail: migrate() failed: boom in 1.1.0/002_will_fail");
        assertThat(r.changes().get("1.1.0/001_first")).containsExactly("created done/", "created done/1.1.0_001_first");
        assertThat(r.err()).contains("boom in 1.1.0/002_will_fail");
        assertThat(CliTest.hashTree(home)).isEqualTo(before);

        Result human = dryRun("--migrations", manifest.toString());
        assertThat(human.code()).isEqualTo(1);
        assertThat(human.out()).contains("FAILED").contains("not run");
    }

    @Test
    void aMissingHomeIsSimulatedFromNothingAndNotCreated() throws Exception {
        Path missing = tmp.resolve("nowhere/home");

        Result r = telec("migrate", "--dry-run", "--create-home", "--json", "--home", missing.toString());

        assertThat(r.code()).isZero();
        assertThat(r.json().get("simulated").asBoolean()).isTrue();
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void aHomeOverTheLimitGetsTheCheckOnlyPlanAndSaysSo() throws Exception {
        Map<String, String> before = CliTest.hashTree(home);

        Result r = dryRun("--simulation-limit", "100", "--json");

        assertThat(r.code()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.get("simulated").asBoolean()).isFalse();
        assertThat(doc.get("notice").asText()).contains("larger than the simulation limit (100 bytes");
        assertThat(doc.get("steps").findValuesAsText("outcome")).containsOnly("would_apply");
        assertThat(doc.get("steps").get(0).has("changes")).isFalse();
        assertThat(dryRun("--simulation-limit", "100").out()).contains("note: not simulated: the home is larger");
        assertThat(dryRun("--simulation-limit", "1M", "--json").json().get("simulated").asBoolean()).isTrue();
        assertThat(CliTest.hashTree(home)).isEqualTo(before);
    }

    @Test
    void simulationLimitsAcceptSuffixesAndRefuseNonsense() {
        assertThat(new Converters.SizeConverter().convert("256M")).isEqualTo(256L << 20);
        assertThat(new Converters.SizeConverter().convert("1G")).isEqualTo(1L << 30);
        assertThat(new Converters.SizeConverter().convert("512k")).isEqualTo(512L << 10);
        assertThat(new Converters.SizeConverter().convert("4096")).isEqualTo(4096L);
        Result r = dryRun("--simulation-limit", "lots");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'lots'");
        assertThat(dryRun("--simulation-limit", "-5").code()).isEqualTo(2);
        assertThat(dryRun("--secret-words", ",").code()).isEqualTo(2);
    }
}
