package dev.telec.migrate.internal.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.util.Modules;
import dev.telec.migrate.steps.MarkerStep;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line's conventions: strict options, one JSON document always, help, suggestions, completion, colours. */
class ConventionsTest {

    private static final String ESC = "\u001b[";

    @TempDir
    Path tmp;
    Path home;
    Path manifest;
    Map<String, String> env = new TreeMap<>();
    boolean stdoutTerminal;

    record Result(int code, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    @BeforeEach
    void manifest() throws IOException {
        home = Files.createDirectories(tmp.resolve("home")); // telec refuses a home that does not exist
        manifest = tmp.resolve("manifest");
        Path entry = manifest.resolve("v1.1.0/001_first.yaml");
        Files.createDirectories(entry.getParent());
        Files.writeString(entry, "class: " + MarkerStep.class.getName() + "\n");
    }

    Result telec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(Guice.createInjector(Modules.override(new TelecModule()).with(binder -> binder.bind(Environment.class)
                .toInstance(Environment.of(env, tmp.resolve("user"), stdoutTerminal, false)))));
        int code = cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    Result migrate(String... extra) {
        return telec(Stream.concat(Stream.of("migrate", "--home", home.toString(), "--migrations", manifest.toString()),
                Stream.of(extra)).toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--no-diff", "--show-secrets", "--secret-words=token", "--simulation-limit=1M"})
    void aDryRunOnlyOptionWithoutDryRunIsAUsageErrorNamingItAndRunsNothing(String option) {
        Result r = migrate(option, "-q");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("telec: " + option.replaceAll("=.*", "") + " only means something with --dry-run");
        assertThat(home).isEmptyDirectory();
    }

    @Test
    void theSameOptionsWithDryRunAreAccepted() {
        assertThat(migrate("--dry-run", "--no-diff", "--simulation-limit", "1M").code()).isZero();
        assertThat(migrate("--dry-run", "--show-secrets", "--secret-words", "token").code()).isZero();
        assertThat(home).isEmptyDirectory();
    }

    @Test
    void otherCombinationsThatMeanNothingAreUsageErrorsToo() {
        assertThat(migrate("--dry-run", "--wait", "5").err()).contains("--wait means nothing with --dry-run");
        assertThat(migrate("--dry-run", "--no-diff", "--show-secrets").err()).contains("--show-secrets means nothing with --no-diff");
        assertThat(migrate("--json", "-q").err()).contains("--quiet means nothing with --json");
        assertThat(migrate("--from", "1.0.0", "--allow-downgrade").err()).contains("--allow-downgrade means nothing with --from");
        assertThat(migrate("--wait", "-1").code()).isEqualTo(2);
        assertThat(home).isEmptyDirectory();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--to=1.2", "--bogus", "--no-diff", "--from=1.2.0 --to=1.1.0", "--simulation-limit=lots --dry-run"})
    void everyUsageErrorWithJsonIsOneDocumentOnStdoutWithTheErrorAndExitTwo(String options) throws IOException {
        Result r = migrate(Stream.concat(Stream.of("--json"), Stream.of(options.split(" "))).toArray(String[]::new));

        assertThat(r.code()).isEqualTo(2);
        JsonNode doc = r.json();
        assertThat(doc.get("error").asText()).isNotBlank();
        assertThat(doc.fieldNames()).toIterable().contains("from", "to", "steps", "error");
        assertThat(r.out().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("telec: ");
    }

    @Test
    void aUsageErrorOfTheTopCommandWithJsonIsADocumentToo() throws IOException {
        Result r = telec("migarte", "--json");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.json().get("error").asText()).contains("migarte");
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        Result r = telec("migarte");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("telec: unknown command 'migarte'; did you mean 'telec migrate'");
    }

    @Test
    void aMistypedOptionGetsASuggestion() {
        Result r = migrate("--dyr-run");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("telec: unknown option '--dyr-run'; did you mean '--dry-run'?");
    }

    @Test
    void helpWorksAsACommand() {
        Result top = telec("help");
        assertThat(top.code()).isZero();
        assertThat(top.out()).contains("migrate", "completion", "help");

        Result migrate = telec("help", "migrate");
        assertThat(migrate.code()).isZero();
        assertThat(migrate.out()).contains("--dry-run", "--no-diff", "Exit codes");
    }

    @Test
    void completionPrintsABashScriptThatKnowsTheCommandsAndOptions() {
        for (String shell : new String[] {"bash", "zsh"}) {
            Result r = telec("completion", shell);

            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("complete -F", "migrate", "--dry-run", "--simulation-limit", "bashcompinit");
        }
        assertThat(telec("completion", "fish").code()).isEqualTo(2);
    }

    @Test
    void noColoursWhenStdoutIsNotATerminal() {
        assertThat(migrate("--dry-run").out()).doesNotContain(ESC);
    }

    @Test
    void coloursOnATerminalUnlessNoColorOrNeverAndAlwaysForcesThem() {
        stdoutTerminal = true;
        assertThat(migrate("--dry-run").out()).contains(ESC);
        assertThat(migrate("--dry-run", "--color=never").out()).doesNotContain(ESC);
        env.put("NO_COLOR", "1");
        assertThat(migrate("--dry-run").out()).doesNotContain(ESC);

        stdoutTerminal = false;
        assertThat(migrate("--dry-run", "--color=always").out()).contains(ESC + "32m");
        assertThat(migrate("--dry-run", "--color", "sometimes").code()).isEqualTo(2);
    }

    @Test
    void verboseGivesTheStepFailuresTypeAndStackTrace() throws IOException {
        Path entry = manifest.resolve("v1.1.0/002_will_fail.yaml");
        Files.writeString(entry, "class: " + MarkerStep.class.getName() + "\n");

        Result plain = migrate();
        Result verbose = telec("migrate", "--home", Files.createDirectories(tmp.resolve("other")).toString(), "--migrations", manifest.toString(), "--verbose");

        assertThat(plain.code()).isEqualTo(1);
        assertThat(plain.err()).doesNotContain("java.io.IOException").doesNotContain("\tat ");
        assertThat(verbose.err()).contains("java.io.IOException: boom").contains("\tat ");
    }
}
