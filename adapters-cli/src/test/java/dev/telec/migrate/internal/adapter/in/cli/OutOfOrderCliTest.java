package dev.telec.migrate.internal.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steps a run would silently never reach (a hotfix backported below the home's version, the steps
 * --from skipped) and the versions that would poison the state (--to above the newest, below the recorded).
 */
class OutOfOrderCliTest {

    @TempDir
    Path tmp;
    Path home;
    Path manifest;
    Map<String, String> env = new TreeMap<>();

    @BeforeEach
    void manifest() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        manifest = tmp.resolve("manifest");
        entry("v1.0.0/001_zero.yaml");
        entry("v1.1.0/001_first.yaml");
        entry("v1.2.0/001_third.yaml");
    }

    private void entry(String path) throws IOException {
        CliRun.write(manifest.resolve(path), "class: " + MarkerStep.class.getName() + "\n");
    }

    private Result migrate(String... extra) {
        List<String> args = new ArrayList<>(List.of("migrate", "--home", home.toString(), "--migrations", manifest.toString()));
        args.addAll(List.of(extra));
        return CliRun.telec(env, tmp.resolve("user"), args.toArray(String[]::new));
    }

    private String version() throws IOException {
        return new ObjectMapper().readTree(home.resolve("migration_state.json").toFile()).get("version").asText();
    }

    @Test
    void aHotfixBackportedBelowTheHomesVersionIsReportedOnEveryRunAndOutOfOrderRunsIt() throws IOException {
        assertThat(migrate("-q").code()).isZero();
        entry("v1.1.0/002_hotfix.yaml");

        Result plain = migrate("--json");

        assertThat(plain.code()).isZero();
        assertThat(plain.json().get("ignored").toString()).isEqualTo("[\"1.1.0/002_hotfix\"]");
        assertThat(MarkerStep.marker(home, "1.1.0/002_hotfix")).doesNotExist();
        Result human = migrate();
        assertThat(human.err()).contains("warning: 1.1.0/002_hotfix", "ignored", "--out-of-order");
        assertThat(migrate("-q").err()).as("even quiet runs say so").contains("1.1.0/002_hotfix");

        Result dry = migrate("--out-of-order", "--dry-run", "--json");
        assertThat(dry.json().get("steps").get(0).get("outcome").asText()).isEqualTo("would_apply");
        Result out = migrate("--out-of-order", "--json");

        assertThat(out.code()).as(out.err()).isZero();
        assertThat(out.json().get("steps").get(0).get("id").asText()).isEqualTo("1.1.0/002_hotfix");
        assertThat(out.json().get("steps").get(0).get("outcome").asText()).isEqualTo("applied");
        assertThat(MarkerStep.marker(home, "1.1.0/002_hotfix")).exists();
        assertThat(migrate("--json").json().get("ignored")).isEmpty();
        assertThat(version()).isEqualTo("1.2.0");
    }

    @Test
    void outOfOrderStepsRunInOrderBeforeThePendingOnes() throws IOException {
        migrate("-q", "--to", "1.1.0");
        entry("v1.0.0/002_late.yaml");
        entry("v1.1.0/002_later.yaml");

        Result r = migrate("--out-of-order", "--json");

        List<String> ran = new ArrayList<>();
        r.json().get("steps").forEach(s -> {
            if (s.get("outcome").asText().equals("applied")) ran.add(s.get("id").asText());
        });
        assertThat(ran).containsExactly("1.0.0/002_late", "1.1.0/002_later", "1.2.0/001_third");
    }

    @Test
    void theStepsFromSkippedAreIgnoredNotLost() throws IOException {
        migrate("-q", "--to", "1.0.0");

        Result skipped = migrate("--from", "1.1.0", "--json");

        assertThat(skipped.json().get("ignored").toString()).isEqualTo("[\"1.1.0/001_first\"]");
        assertThat(version()).isEqualTo("1.2.0");
        Result later = migrate("--json");
        assertThat(later.json().get("ignored").toString()).as("every later run says so").isEqualTo("[\"1.1.0/001_first\"]");
        migrate("-q", "--out-of-order");
        assertThat(MarkerStep.marker(home, "1.1.0/001_first")).exists();
    }

    @Test
    void toAboveTheNewestStepIsAUsageErrorAndNeverPoisonsTheState() throws IOException {
        Result r = migrate("--to", "9.9.9", "--json");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.json().get("error").asText()).contains("--to 9.9.9", "newest step version in the manifest is 1.2.0");
        assertThat(Files.exists(home.resolve("migration_state.json"))).isFalse();
        assertThat(MarkerStep.marker(home, "1.0.0/001_zero")).as("nothing ran").doesNotExist();
        assertThat(migrate("-q").code()).isZero();
        assertThat(version()).isEqualTo("1.2.0");
    }

    @Test
    void toBelowTheRecordedVersionIsNothingToDoNotADowngradeError() throws IOException {
        migrate("-q");

        Result r = migrate("--to", "1.1.0");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("home is at 1.2.0, above --to 1.1.0: nothing to do (telec does not downgrade)");
        assertThat(migrate("--to", "1.1.0", "--json").json().get("notice").asText()).contains("telec does not downgrade");
        assertThat(version()).isEqualTo("1.2.0");
    }

    @Test
    void aHomeNewerThanEveryKnownStepIsStillTheOlderTelecCase() throws IOException {
        Files.writeString(home.resolve("migration_state.json"), "{\"applied\": [], \"version\": \"3.0.0\"}\n");

        Result r = migrate();

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("an older telec on a newer home?");
    }
}
