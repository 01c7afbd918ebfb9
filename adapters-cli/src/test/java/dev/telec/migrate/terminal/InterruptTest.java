package dev.telec.migrate.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import dev.telec.migrate.internal.adapter.in.cli.TelecModule;
import dev.telec.migrate.internal.application.port.out.StateStore;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.steps.AppendStep;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SIGINT and SIGTERM sent to a real child telec in the middle of a run: the step in flight finishes, the
 * run stops, says how far it got, exits 130 / 143, and the state records exactly what finished, so that a
 * rerun completes the home.
 */
class InterruptTest {

    static final int STEPS = 60;
    private static final Pattern SAID = Pattern.compile("telec: interrupted after (\\d+) of " + STEPS + " steps; run again to continue");

    @TempDir
    Path tmp;

    private final StateStore states = Guice.createInjector(new TelecModule()).getInstance(StateStore.class);

    @ParameterizedTest
    @CsvSource({"INT, 130", "TERM, 143"})
    void aSignalMidRunStopsAfterTheStepInFlightAndARerunCompletes(String signal, int exitCode) throws Exception {
        Path manifest = ChildTelec.manifest(tmp.resolve("manifest"), STEPS);
        Path home = tmp.resolve("home");
        Path err = tmp.resolve("stderr.txt");
        Process child = new ProcessBuilder(ChildTelec.command(40, "migrate", "--create-home", "--home", home.toString(),
                "--migrations", manifest.toString()))
                .redirectOutput(tmp.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
        awaitEffects(child, home, 5);

        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start();
        assertThat(kill.waitFor()).isZero();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(stderr).isEqualTo(exitCode);
        Matcher said = SAID.matcher(stderr);
        assertThat(said.find()).as(stderr).isTrue();
        int finished = Integer.parseInt(said.group(1));
        assertThat(finished).isBetween(5, STEPS - 1);
        List<String> effects = AppendStep.effects(home);
        MigrationState state = states.load(home);
        assertThat(effects).as("nothing ran after the step in flight").hasSize(finished);
        assertThat(state.applied()).as("the state records exactly what finished").containsExactlyElementsOf(effects);
        assertThat(state.version()).as("the run did not reach its version").isEmpty();

        Process rerun = new ProcessBuilder(ChildTelec.command(0, "migrate", "-q", "--home", home.toString(),
                "--migrations", manifest.toString())).redirectErrorStream(true).redirectOutput(tmp.resolve("rerun.txt").toFile()).start();
        assertThat(rerun.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(rerun.exitValue()).as(Files.readString(tmp.resolve("rerun.txt"))).isZero();
        assertThat(AppendStep.effects(home)).containsExactlyElementsOf(
                IntStream.rangeClosed(1, STEPS).mapToObj(n -> String.format("1.0.0/%03d_step", n)).toList());
    }

    @Test
    void aSignalBeforeAnyStepExitsAtOnceHavingChangedNothing() throws Exception {
        Path manifest = ChildTelec.manifest(tmp.resolve("manifest"), 3);
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path holder = tmp.resolve("holder");
        // a first run holds the home's lock, so the second waits (--wait) before its first step
        Process first = new ProcessBuilder(ChildTelec.command(3000, "migrate", "-q", "--home", home.toString(),
                "--migrations", manifest.toString())).redirectErrorStream(true).redirectOutput(holder.toFile()).start();
        try {
            awaitEffects(first, home, 1);
            Path err = tmp.resolve("stderr.txt");
            Process waiting = new ProcessBuilder(ChildTelec.command(0, "migrate", "--wait", "60", "--home", home.toString(),
                    "--migrations", manifest.toString())).redirectOutput(tmp.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
            awaitText(waiting, err, "waiting up to 60 s for another telec migrate");

            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(waiting.pid())).start().waitFor()).isZero();

            assertThat(waiting.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String stderr = Files.readString(err);
            assertThat(waiting.exitValue()).as(stderr).isEqualTo(130);
            assertThat(stderr).contains("telec: interrupted before any step ran; nothing was changed");
            assertThat(stderr.lines().filter(l -> l.contains("waiting up to")).count()).as("said once").isEqualTo(1);
        } finally {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitEffects(Process child, Path home, int lines) throws Exception {
        for (int i = 0; i < 6000; i++) {
            if (AppendStep.effects(home).size() >= lines) return;
            assertThat(child.isAlive()).as("the child is still running").isTrue();
            Thread.sleep(10);
        }
        throw new AssertionError("the child never got to " + lines + " steps");
    }

    private static void awaitText(Process child, Path file, String text) throws Exception {
        for (int i = 0; i < 6000; i++) {
            if (Files.exists(file) && Files.readString(file).contains(text)) return;
            assertThat(child.isAlive()).as("the child is still running: %s", Files.exists(file) ? Files.readString(file) : "").isTrue();
            Thread.sleep(10);
        }
        throw new AssertionError("the child never said: " + text);
    }
}
