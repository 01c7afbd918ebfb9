package dev.telec.migrate.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.telec.migrate.steps.AppendStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terminal behaviour in a real pseudo-terminal: util-linux {@code script} runs a child telec with its stdout
 * and stderr on a pty, and what the terminal received is read back.
 */
class TerminalTest {

    private static final String CLEAR_LINE = "\r\u001b[K";

    @TempDir
    Path tmp;

    @BeforeAll
    static void scriptIsThere() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is not installed");
    }

    /** Runs {@code command} on a pty; what the terminal showed. */
    private String onATerminal(List<String> command) throws Exception {
        Path shown = tmp.resolve("terminal-" + System.nanoTime());
        List<String> script = new ArrayList<>(List.of("script", "-qfec", ChildTelec.shell(command), "/dev/null"));
        Process p = new ProcessBuilder(script).redirectErrorStream(true).redirectOutput(shown.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the run finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(shown)).isZero();
        return Files.readString(shown, StandardCharsets.UTF_8);
    }

    /** {@code telec: step n of 40: id} was drawn, and the line cleared before the report of {@code home}. */
    private static void assertShowedProgressOf40ThenClearedIt(String shown, Path home) {
        assertThat(shown).containsPattern("telec: step \\d+ of 40: 1\\.0\\.0/0\\d\\d_step");
        int lastProgress = shown.lastIndexOf("telec: step ");
        int report = shown.indexOf(home + ": 0.0.0 -> 1.0.0");
        assertThat(report).as("the report comes after the progress line").isGreaterThan(lastProgress);
        assertThat(shown.substring(lastProgress, report)).as("the line is cleared before the report").contains(CLEAR_LINE);
    }

    @Test
    void aLongRunShowsStepNOfMWithTheIdAndClearsItAtTheEnd() throws Exception {
        Path manifest = ChildTelec.manifest(tmp.resolve("manifest"), 40);
        Path home = tmp.resolve("home");

        String shown = onATerminal(ChildTelec.command(60, "migrate", "--create-home", "--home", home.toString(),
                "--migrations", manifest.toString(), "--color=never"));

        assertShowedProgressOf40ThenClearedIt(shown, home);
        assertThat(shown).contains("40 applied");
        assertThat(AppendStep.effects(home)).hasSize(40);
    }

    @Test
    void aLongDryRunShowsTheSameProgressAndClearsItBeforeTheReport() throws Exception {
        Path manifest = ChildTelec.manifest(tmp.resolve("manifest"), 40);
        Path home = Files.createDirectories(tmp.resolve("home"));

        String shown = onATerminal(ChildTelec.command(60, "migrate", "--dry-run", "--home", home.toString(),
                "--migrations", manifest.toString(), "--color=never"));

        assertShowedProgressOf40ThenClearedIt(shown, home);
        assertThat(shown).contains("40 would apply");
        assertThat(home).isEmptyDirectory();
    }

    @Test
    void aQuickRunQuietOrJsonShowNoProgress() throws Exception {
        Path manifest = ChildTelec.manifest(tmp.resolve("manifest"), 40);
        Path few = ChildTelec.manifest(tmp.resolve("few"), 3);

        String quick = onATerminal(ChildTelec.command(0, "migrate", "--create-home", "--home", tmp.resolve("a").toString(),
                "--migrations", few.toString()));
        String quiet = onATerminal(ChildTelec.command(60, "migrate", "-q", "--create-home", "--home", tmp.resolve("b").toString(),
                "--migrations", manifest.toString()));
        String json = onATerminal(ChildTelec.command(60, "migrate", "--json", "--create-home", "--home", tmp.resolve("c").toString(),
                "--migrations", manifest.toString()));

        assertThat(quick).doesNotContain("telec: step ").contains("3 applied");
        assertThat(quiet).isEmpty();
        assertThat(json).doesNotContain("telec: step ").startsWith("{");
    }

    @Test
    void theReportIsColouredOnATerminal() throws Exception {
        Path manifest = ChildTelec.manifest(tmp.resolve("manifest"), 2);

        String shown = onATerminal(ChildTelec.command(0, "migrate", "--create-home", "--home", tmp.resolve("h").toString(),
                "--migrations", manifest.toString()));

        assertThat(shown).contains("\u001b[32m");
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
