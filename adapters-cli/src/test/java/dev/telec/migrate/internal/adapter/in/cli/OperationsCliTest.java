package dev.telec.migrate.internal.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telec.migrate.internal.adapter.in.cli.CliRun.Result;
import dev.telec.migrate.steps.MarkerStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** status, validate, stamp, mark and repair through the command line, on real temporary directories. */
class OperationsCliTest {

    @TempDir
    Path tmp;
    Path home;
    Path manifest;
    Map<String, String> env = new TreeMap<>();

    @BeforeEach
    void manifest() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        manifest = tmp.resolve("manifest");
        classEntry("v1.1.0/001_first.yaml");
        declarative("v1.1.0/002_second.yaml", "/b");
        classEntry("v1.2.0/001_third.yaml");
    }

    private void classEntry(String path) throws IOException {
        write(manifest.resolve(path), "class: " + MarkerStep.class.getName() + "\n");
    }

    /** A declarative entry: its checksum is of its own bytes, so editing it is drift. */
    private void declarative(String path, String pointer) throws IOException {
        write(manifest.resolve(path), "operations:\n  - op: default\n    file: config.json\n    pointer: " + pointer
                + "\n    value: x\n");
    }

    private static void write(Path file, String text) throws IOException {
        CliRun.write(file, text);
    }

    private Result telec(String... args) {
        return CliRun.telec(env, tmp.resolve("user"), args);
    }

    /** {@code telec VERB --home H --migrations M ARGS...} */
    private Result verb(String verb, String... extra) {
        List<String> args = new ArrayList<>(List.of(verb, "--home", home.toString(), "--migrations", manifest.toString()));
        args.addAll(List.of(extra));
        return telec(args.toArray(String[]::new));
    }

    private JsonNode state() throws IOException {
        return new ObjectMapper().readTree(home.resolve("migration_state.json").toFile());
    }

    private static List<String> states(JsonNode status) {
        List<String> out = new ArrayList<>();
        status.get("steps").forEach(s -> out.add(s.get("id").asText() + "=" + s.get("state").asText()
                + (s.get("drifted").asBoolean() ? "+drifted" : "")));
        return out;
    }

    // --- status -------------------------------------------------------------------------------------

    @Test
    void statusOfAFreshHomeListsEveryStepPendingAndCheckExitsFour() throws IOException {
        Result r = verb("status", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.get("version").isNull()).isTrue();
        assertThat(doc.get("newest").asText()).isEqualTo("1.2.0");
        assertThat(doc.get("home").asText()).isEqualTo(home.toString());
        assertThat(states(doc)).containsExactly("1.1.0/001_first=pending", "1.1.0/002_second=pending", "1.2.0/001_third=pending");
        assertThat(doc.get("pending").asInt()).isEqualTo(3);
        assertThat(verb("status", "--check").code()).isEqualTo(4);
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files).as("status writes nothing, not even a lock").isEmpty();
        }
    }

    @Test
    void statusAfterAMigrateIsUpToDateWithWhenAndHow() throws IOException {
        assertThat(verb("migrate", "-q").code()).isZero();

        Result r = verb("status", "--json");

        JsonNode doc = r.json();
        assertThat(states(doc)).containsExactly("1.1.0/001_first=applied", "1.1.0/002_second=applied", "1.2.0/001_third=applied");
        JsonNode first = doc.get("steps").get(0);
        assertThat(first.get("outcome").asText()).isEqualTo("applied");
        assertThat(first.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(verb("status", "--check").code()).isZero();
        Result human = verb("status");
        assertThat(human.out()).contains("version: 1.2.0", "newest:  1.2.0", "3 applied, 0 pending, 0 ignored, 0 missing, 0 drifted");
    }

    @Test
    void statusRecordsEveryHistoryEntryWithASha256Checksum() throws IOException {
        verb("migrate", "-q");

        JsonNode history = state().get("history");

        assertThat(history).hasSize(3);
        history.forEach(line -> assertThat(line.get("checksum").asText()).matches("sha256:[0-9a-f]{64}"));
        assertThat(history.get(0).get("checksum")).as("class steps: the class file").isEqualTo(history.get(2).get("checksum"));
        assertThat(history.get(1).get("checksum")).as("declarative: the entry file").isNotEqualTo(history.get(0).get("checksum"));
    }

    @Test
    void theHotfixBackportedBelowTheHomesVersionIsIgnoredNotSilentlyLost() throws IOException {
        verb("migrate", "-q");
        classEntry("v1.1.0/003_hotfix.yaml");

        Result r = verb("status", "--json");

        assertThat(states(r.json())).containsExactly("1.1.0/001_first=applied", "1.1.0/002_second=applied",
                "1.1.0/003_hotfix=ignored", "1.2.0/001_third=applied");
        assertThat(r.json().get("ignored").asInt()).isEqualTo(1);
        assertThat(verb("status", "--check").code()).as("ignored is not up to date").isEqualTo(4);
        assertThat(verb("status").out()).contains("ignored  1.1.0/003_hotfix", "--out-of-order");
        Result v = verb("validate", "--json");
        assertThat(v.code()).isEqualTo(1);
        assertThat(v.json().get("problems").get(0).get("kind").asText()).isEqualTo("ignored");
        assertThat(v.json().get("problems").get(0).get("id").asText()).isEqualTo("1.1.0/003_hotfix");
    }

    @Test
    void aChangedDefinitionIsDriftedAndRepairReRecordsIt() throws IOException {
        verb("migrate", "-q");
        declarative("v1.1.0/002_second.yaml", "/c");

        JsonNode doc = verb("status", "--json").json();
        assertThat(states(doc)).contains("1.1.0/002_second=applied+drifted");
        assertThat(doc.get("drifted").asInt()).isEqualTo(1);
        Result v = verb("validate");
        assertThat(v.code()).isEqualTo(1);
        assertThat(v.err()).startsWith("telec: drifted: 1.1.0/002_second: its definition changed since it was recorded (recorded sha256:")
                .contains("telec repair");

        Result dry = verb("repair", "--dry-run");
        assertThat(dry.out()).contains("would re-record checksum 1.1.0/002_second");
        assertThat(verb("status", "--json").json().get("drifted").asInt()).as("a dry-run changes nothing").isEqualTo(1);

        Result repair = verb("repair", "--json");
        assertThat(repair.code()).as(repair.err()).isZero();
        assertThat(repair.json().get("repaired").toString()).isEqualTo("[\"1.1.0/002_second\"]");
        assertThat(verb("status", "--json").json().get("drifted").asInt()).isZero();
        JsonNode history = state().get("history");
        assertThat(history.get(history.size() - 1).get("outcome").asText()).isEqualTo("repaired");
        assertThat(verb("validate").code()).isZero();
    }

    @Test
    void migrateWarnsAboutADriftedStepButRuns() throws IOException {
        verb("migrate", "-q", "--to", "1.1.0");
        declarative("v1.1.0/002_second.yaml", "/c");

        Result r = verb("migrate");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("note: drifted: 1.1.0/002_second was applied but changed since it was recorded",
                "applied", "1.2.0/001_third");
        assertThat(verb("migrate", "--json").json().get("notice").isNull()).as("nothing to do: no entry is read").isTrue();
    }

    @Test
    void aStepNoLongerInTheManifestIsMissingAndPruneMissingDropsIt() throws IOException {
        verb("migrate", "-q");
        Files.delete(manifest.resolve("v1.1.0/001_first.yaml"));

        assertThat(states(verb("status", "--json").json())).contains("1.1.0/001_first=missing");
        assertThat(verb("validate", "--json").json().get("problems").get(0).get("kind").asText()).isEqualTo("missing");
        Result kept = verb("repair", "--json");
        assertThat(kept.json().get("missing").toString()).isEqualTo("[\"1.1.0/001_first\"]");
        assertThat(state().get("applied").toString()).contains("1.1.0/001_first");

        Result pruned = verb("repair", "--prune-missing", "--json");

        assertThat(pruned.json().get("pruned").toString()).isEqualTo("[\"1.1.0/001_first\"]");
        assertThat(state().get("applied").toString()).doesNotContain("1.1.0/001_first");
        assertThat(verb("validate").code()).isZero();
    }

    @Test
    void statusAndValidateReadAStateWrittenByTheReferenceRunner() throws IOException {
        write(home.resolve("migration_state.json"), "{\n  \"applied\": [\n    \"1.1.0/001_first.py\",\n    \"0.9.0/001_gone.py\"\n  ]\n}\n");

        Result r = verb("status", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(states(r.json())).containsExactly("1.1.0/001_first=applied", "1.1.0/002_second=pending",
                "1.2.0/001_third=pending", "0.9.0/001_gone.py=missing");
        assertThat(r.json().get("steps").get(0).get("at").isNull()).as("no history").isTrue();
        Result v = verb("validate", "--json");
        assertThat(v.json().get("problems")).hasSize(1);
        assertThat(v.json().get("problems").get(0).get("id").asText()).isEqualTo("0.9.0/001_gone.py");
    }

    @Test
    void statusOnACorruptStateIsOneJsonDocumentAndExitOne() throws IOException {
        write(home.resolve("migration_state.json"), "{not json");

        Result r = verb("status", "--json");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().get("error").asText()).contains("migration_state.json", "invalid JSON");
        assertThat(r.json().get("steps")).isEmpty();
        assertThat(r.err()).startsWith("telec: ");
    }

    @Test
    void theVerbsFindTheHomeThroughTheProfileNameItsAppAndRefuseAForeignOne() throws IOException {
        write(manifest.resolve("telec.yaml"), "app: myapp\nhome: ~/.myapp\nhome_env: MYAPP_HOME\n");
        env.put("MYAPP_HOME", home.toString());

        Result stamped = telec("stamp", "1.1.0", "--migrations", manifest.toString(), "--json");
        assertThat(stamped.code()).as(stamped.err()).isZero();
        assertThat(state().get("app").asText()).as("adopted, as migrate adopts it").isEqualTo("myapp");
        JsonNode status = telec("status", "--migrations", manifest.toString(), "--json").json();
        assertThat(status.get("app").asText()).isEqualTo("myapp");
        assertThat(status.get("home").asText()).isEqualTo(home.toString());

        write(manifest.resolve("telec.yaml"), "app: otherapp\nhome_env: MYAPP_HOME\n");
        for (String verb : List.of("status", "validate", "repair")) {
            Result r = telec(verb, "--migrations", manifest.toString(), "--json");
            assertThat(r.code()).as(verb).isEqualTo(1);
            assertThat(r.json().get("error").asText()).as(verb).contains("belongs to app 'myapp', these steps are for 'otherapp'");
        }
    }

    // --- validate ----------------------------------------------------------------------------------

    @Test
    void validateWithoutAHomeChecksTheManifestAloneAndNamesTheUnresolvableEntry() throws IOException {
        assertThat(telec("validate", "--migrations", manifest.toString()).code()).isZero();
        write(manifest.resolve("v1.2.0/002_typo.yaml"), "class: com.example.NoSuchStep\n");
        write(manifest.resolve("v1.2.0/003_bad_op.yaml"), "operations:\n  - op: nonsense\n");

        Result r = telec("validate", "--migrations", manifest.toString(), "--json");

        assertThat(r.code()).isEqualTo(1);
        JsonNode problems = r.json().get("problems");
        assertThat(r.json().get("valid").asBoolean()).isFalse();
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).get("id").asText()).isEqualTo("1.2.0/002_typo");
        assertThat(problems.get(0).get("kind").asText()).isEqualTo("unresolvable");
        assertThat(problems.get(0).get("message").asText()).contains("com.example.NoSuchStep not found");
        assertThat(problems.get(1).get("id").asText()).isEqualTo("1.2.0/003_bad_op");
        Result human = telec("validate", "--migrations", manifest.toString());
        assertThat(human.err().lines()).hasSize(2).allMatch(l -> l.startsWith("telec: unresolvable: 1.2.0/00"));
    }

    @Test
    void validateWithAHomeWarnsOfALiteralPathThatNamesNoFileInAPendingStepAndStaysValid() throws IOException {
        write(manifest.resolve("v1.2.0/002_typo.yaml"), "operations:\n  - op: remove\n    file: settings.yml\n    pointer: /legacy\n");
        write(home.resolve("settings.yaml"), "legacy: 1\n");

        Result human = verb("validate");
        Result json = verb("validate", "--json");

        assertThat(human.code()).as(human.err()).isZero();
        assertThat(human.err().lines()).containsExactly("telec: warning: 1.2.0/002_typo: settings.yml does not exist (remove, operation 1)");
        assertThat(human.out()).startsWith("valid: ");
        assertThat(json.code()).as(json.err()).isZero();
        assertThat(json.json().get("valid").asBoolean()).isTrue();
        assertThat(json.json().get("warnings")).hasSize(1);
        assertThat(json.json().get("warnings").get(0).get("id").asText()).isEqualTo("1.2.0/002_typo");
        assertThat(json.json().get("warnings").get(0).get("kind").asText()).isEqualTo("note");
        assertThat(json.json().get("warnings").get(0).get("message").asText()).isEqualTo("settings.yml does not exist (remove, operation 1)");
        assertThat(home.resolve("migration_state.json")).as("validate writes nothing").doesNotExist();
        assertThat(home.resolve("done")).as("no step ran on the home").doesNotExist();

        verb("migrate", "-q");
        Result applied = verb("validate", "--json");
        assertThat(applied.json().get("warnings")).as("a recorded step is not pending").isEmpty();
        assertThat(verb("validate").err()).isEmpty();
    }

    @Test
    void validateWithAHomeWarnsOfAPendingStepThatWouldFailButAManifestAloneDoesNotRunAnything() throws IOException {
        classEntry("v1.2.0/002_fail.yaml");

        Result r = verb("validate", "--json");
        Result manifestAlone = telec("validate", "--migrations", manifest.toString(), "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("warnings")).hasSize(1);
        assertThat(r.json().get("warnings").get(0).get("kind").asText()).isEqualTo("would_fail");
        assertThat(r.json().get("warnings").get(0).get("message").asText()).startsWith("would fail in a run: ").contains("boom in 1.2.0/002_fail");
        assertThat(manifestAlone.json().get("warnings")).isEmpty();
    }

    @Test
    void validateOfAMalformedTreeIsOneJsonDocument() throws IOException {
        write(manifest.resolve("1.3.0/001_x.yaml"), "class: x\n");

        Result r = telec("validate", "--migrations", manifest.toString(), "--json");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().get("valid").asBoolean()).isFalse();
        assertThat(r.json().get("error").asText()).contains("not a version directory");
    }

    // --- stamp --------------------------------------------------------------------------------------

    @Test
    void stampRecordsAFreshHomeWithoutRunningAnything() throws IOException {
        Result r = verb("stamp", "1.1.0", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("stamped").toString()).isEqualTo("[\"1.1.0/001_first\",\"1.1.0/002_second\"]");
        assertThat(state().get("version").asText()).isEqualTo("1.1.0");
        assertThat(state().get("history").get(0).get("outcome").asText()).isEqualTo("stamped");
        assertThat(state().get("history").get(0).get("checksum").asText()).startsWith("sha256:");
        assertThat(MarkerStep.marker(home, "1.1.0/001_first")).as("migrate() never called").doesNotExist();
        assertThat(states(verb("status", "--json").json())).containsExactly(
                "1.1.0/001_first=applied", "1.1.0/002_second=applied", "1.2.0/001_third=pending");

        verb("migrate", "-q");
        assertThat(MarkerStep.marker(home, "1.1.0/001_first")).doesNotExist();
        assertThat(MarkerStep.marker(home, "1.2.0/001_third")).exists();
    }

    @Test
    void stampIsRefusedOnAHomeThatRecordsStepsUnlessForced() throws IOException {
        verb("migrate", "-q", "--to", "1.1.0");
        byte[] before = Files.readAllBytes(home.resolve("migration_state.json"));

        Result refused = verb("stamp", "1.2.0", "--json");

        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.json().get("error").asText()).contains("already records 2 steps");
        assertThat(Files.readAllBytes(home.resolve("migration_state.json"))).isEqualTo(before);

        Result forced = verb("stamp", "1.2.0", "--force", "--json");
        assertThat(forced.code()).isZero();
        assertThat(forced.json().get("stamped").toString()).isEqualTo("[\"1.2.0/001_third\"]");
        assertThat(state().get("version").asText()).isEqualTo("1.2.0");
    }

    @Test
    void stampAboveTheNewestStepIsAUsageErrorAndWritesNothing() throws IOException {
        Result r = verb("stamp", "9.9.9", "--json");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.json().get("error").asText()).contains("9.9.9", "newest step version in the manifest is 1.2.0");
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files).isEmpty();
        }
        assertThat(verb("stamp", "1.2").code()).isEqualTo(2);
    }

    @Test
    void aStepAddedBelowAStampedVersionIsIgnored() throws IOException {
        verb("stamp", "1.2.0");
        classEntry("v1.1.0/003_late.yaml");

        assertThat(states(verb("status", "--json").json())).contains("1.1.0/003_late=ignored");
    }

    // --- mark ---------------------------------------------------------------------------------------

    @Test
    void markAppliedRecordsWithoutRunningAndPendingTakesItBack() throws IOException {
        Result applied = verb("mark", "1.2.0/001_third", "v1.1.0/001_first.yaml", "--applied", "--json");

        assertThat(applied.code()).as(applied.err()).isZero();
        assertThat(applied.json().get("changed").toString()).isEqualTo("[\"1.2.0/001_third\",\"1.1.0/001_first\"]");
        assertThat(MarkerStep.marker(home, "1.2.0/001_third")).doesNotExist();
        assertThat(state().get("history").get(0).get("outcome").asText()).isEqualTo("marked");
        assertThat(states(verb("status", "--json").json())).containsExactly(
                "1.1.0/001_first=applied", "1.1.0/002_second=pending", "1.2.0/001_third=applied");

        Result again = verb("mark", "1.2.0/001_third", "--applied", "--json");
        assertThat(again.json().get("unchanged").toString()).isEqualTo("[\"1.2.0/001_third\"]");

        Result pending = verb("mark", "1.2.0/001_third", "--pending");
        assertThat(pending.code()).isZero();
        assertThat(pending.out()).contains("marked pending  1.2.0/001_third");
        assertThat(states(verb("status", "--json").json())).contains("1.2.0/001_third=pending");
        verb("migrate", "-q");
        assertThat(MarkerStep.marker(home, "1.2.0/001_third")).as("the next migrate asks it again").exists();
    }

    @Test
    void markPendingBelowTheVersionSaysTheStepIsNowIgnored() throws IOException {
        verb("migrate", "-q");

        Result r = verb("mark", "1.1.0/001_first", "--pending", "--json");

        assertThat(r.json().get("ignored").toString()).isEqualTo("[\"1.1.0/001_first\"]");
        assertThat(states(verb("status", "--json").json())).contains("1.1.0/001_first=ignored");
    }

    @Test
    void markWithAnUnknownIdNamesItAndWritesNothing() throws IOException {
        verb("migrate", "-q", "--to", "1.1.0");
        byte[] before = Files.readAllBytes(home.resolve("migration_state.json"));

        Result r = verb("mark", "1.2.0/001_third", "1.2.0/009_nope", "--applied", "--json");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().get("error").asText()).isEqualTo("nothing marked: no step 1.2.0/009_nope in the manifest");
        assertThat(Files.readAllBytes(home.resolve("migration_state.json"))).isEqualTo(before);
        assertThat(verb("mark", "not-an-id", "--applied").code()).as("a malformed id is a usage error").isEqualTo(2);
        Result neither = verb("mark", "1.2.0/001_third", "--json");
        assertThat(neither.code()).as("--applied or --pending is required").isEqualTo(2);
        assertThat(neither.json().get("changed")).as("a usage error is one document of the verb's shape").isEmpty();
        assertThat(neither.json().get("error").asText()).contains("--applied");
        assertThat(verb("mark", "1.2.0/001_third", "--applied", "--pending").code()).isEqualTo(2);
    }

    // --- repair -------------------------------------------------------------------------------------

    @Test
    void repairCompactsTheJournalAndRemovesLeftoverTempFiles() throws IOException {
        verb("migrate", "-q", "--to", "1.1.0");
        // what a crash between records and the run's end leaves: a journal line, and a temp file of a write
        String journalLine = "{\"n\":2,\"id\":\"1.2.0/001_third\",\"outcome\":\"applied\",\"at\":\"2026-11-23T10:15:02Z\"";
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(journalLine.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String hex = String.format("%08x", crc.getValue());
        write(home.resolve("migration_state.journal"), journalLine + ",\"crc\":\"" + hex + "\"}\n");
        write(home.resolve(".migration_state.json.abc123.tmp"), "{\"applied\": [");

        Result dry = verb("repair", "--dry-run", "--json");
        assertThat(dry.json().get("leftovers")).hasSize(2);
        assertThat(Files.exists(home.resolve("migration_state.journal"))).isTrue();

        Result r = verb("repair");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("tidy   migration_state.journal (1 record not yet compacted into migration_state.json)",
                "tidy   .migration_state.json.abc123.tmp");
        assertThat(Files.exists(home.resolve("migration_state.journal"))).isFalse();
        assertThat(Files.exists(home.resolve(".migration_state.json.abc123.tmp"))).isFalse();
        assertThat(state().get("applied").toString()).contains("1.2.0/001_third");
        Result again = verb("repair");
        assertThat(again.out()).as(again.err()).isEqualTo(home + ": nothing to repair" + System.lineSeparator());
    }

    @Test
    void aHomeThatDoesNotExistIsAnErrorNotAFreshHome() throws IOException {
        home = tmp.resolve("typo");
        for (String[] verb : List.of(new String[] {"status"}, new String[] {"validate"}, new String[] {"stamp", "1.1.0"},
                new String[] {"mark", "1.1.0/001_first", "--applied"}, new String[] {"repair"})) {
            Result r = verb(verb[0], Stream.concat(Stream.of(verb).skip(1), Stream.of("--json")).toArray(String[]::new));
            assertThat(r.code()).as(verb[0]).isEqualTo(1);
            assertThat(r.json().get("error").asText()).as(verb[0]).contains("no such home");
        }
        assertThat(Files.exists(home)).isFalse();
    }

    @Test
    void everyVerbAnswersJsonWithOneDocumentOnAForeignFileAsHome() throws IOException {
        Files.delete(home);
        write(home, "not a directory");
        for (String[] verb : List.of(new String[] {"status"}, new String[] {"validate"}, new String[] {"stamp", "1.1.0"},
                new String[] {"mark", "1.1.0/001_first", "--applied"}, new String[] {"repair"})) {
            Result r = verb(verb[0], Stream.concat(Stream.of(verb).skip(1), Stream.of("--json")).toArray(String[]::new));
            assertThat(r.code()).as(verb[0]).isEqualTo(1);
            assertThat(r.json().get("error").asText()).as(verb[0]).contains("not a directory");
            assertThat(r.out().lines()).as(verb[0]).hasSize(1);
        }
    }
}
