package dev.telec.migrate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import dev.telec.migrate.internal.adapter.in.cli.Cli;
import dev.telec.migrate.internal.adapter.in.cli.TelecModule;
import dev.telec.migrate.internal.adapter.out.lock.FileHomeLocks;
import dev.telec.migrate.internal.application.port.out.HomeLocks;
import dev.telec.migrate.steps.BlockingStep;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verbs that write take the home's lock, held here by a real child process; status takes none. */
class OperationsLockTest {

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    private Result telec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(Guice.createInjector(new TelecModule())).run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void stampMarkAndRepairExitThreeWhileAnotherRunHoldsTheHomeAndStatusDoesNot() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path manifest = tmp.resolve("manifest");
        Files.createDirectories(manifest.resolve("v1.0.0"));
        Files.writeString(manifest.resolve("v1.0.0/001_block.yaml"), "class: " + BlockingStep.class.getName() + "\n");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(javaBin, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.telec.migrate.internal.adapter.in.cli.Main", "migrate", "--quiet", "--home", home.toString(),
                "--migrations", manifest.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.txt").toFile()).start();
        try {
            Path lock = home.resolve(".migration.lock");
            for (int i = 0; i < 3000 && !(Files.exists(lock) && Files.readString(lock).startsWith("pid " + holder.pid() + " ")); i++) {
                assertThat(holder.isAlive()).as("child output: %s", Files.readString(tmp.resolve("child.txt"))).isTrue();
                Thread.sleep(10);
            }
            Files.writeString(home.resolve(".migration_state.json.left1.tmp"), "{"); // something for repair to do
            String[] where = {"--home", home.toString(), "--migrations", manifest.toString()};

            for (String[] verb : new String[][] {{"stamp", "1.0.0"}, {"mark", "1.0.0/001_block", "--applied"}, {"repair", "--prune-missing"}}) {
                String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(verb), java.util.Arrays.stream(where))
                        .toArray(String[]::new);
                Result r = telec(args);
                assertThat(r.code()).as(verb[0] + ": " + r.err()).isEqualTo(3);
                assertThat(r.err()).as(verb[0]).contains("another telec migrate (pid " + holder.pid() + ",");
            }
            assertThat(Files.exists(home.resolve("migration_state.json"))).as("nothing written").isFalse();
            assertThat(Files.exists(home.resolve(".migration_state.json.left1.tmp"))).as("nothing removed").isTrue();
            Result status = telec(java.util.stream.Stream.concat(java.util.stream.Stream.of("status"), java.util.Arrays.stream(where))
                    .toArray(String[]::new));
            assertThat(status.code()).as(status.err()).isZero();
            assertThat(status.out()).contains("pending  1.0.0/001_block");
        } finally {
            holder.destroyForcibly();
            holder.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRefusedRunNamesTheVerbThatHoldsTheHomeNotAlwaysMigrate() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        for (String verb : new String[] {"stamp", "mark", "repair", "restore"}) {
            try (HomeLocks.Held held = new FileHomeLocks(Clock.systemUTC()).acquire(home, Duration.ZERO, verb)) {
                Result r = telec("migrate", "--home", home.toString());

                assertThat(r.code()).as(r.err()).isEqualTo(3);
                assertThat(r.err()).matches("telec: another telec " + verb + " \\(pid " + ProcessHandle.current().pid()
                        + ", since [0-9T:-]+Z\\) holds " + java.util.regex.Pattern.quote(home.toString()) + "; --wait SECONDS waits for it\\R");
            }
        }
        assertThat(Files.exists(home.resolve("migration_state.json"))).as("nothing written").isFalse();
    }
    @Test
    void stampMarkRepairAndRestoreWithWaitSayOnceThatTheyWaitThenRunWhenTheHomeIsReleased() throws Exception {
        Path manifest = tmp.resolve("manifest");
        Files.createDirectories(manifest.resolve("v1.0.0"));
        Files.writeString(manifest.resolve("v1.0.0/001_mk.yaml"), "operations:\n  - op: mkdir\n    path: done\n");
        for (String[] verb : new String[][] {{"stamp", "1.0.0"}, {"mark", "1.0.0/001_mk", "--applied"}, {"repair"}, {"restore"}}) {
            Path home = Files.createDirectories(tmp.resolve("home-" + verb[0]));
            Files.writeString(home.resolve(".migration_state.json.left1.tmp"), "{"); // something for repair to do
            if (verb[0].equals("restore")) { // a run to undo
                assertThat(telec("migrate", "-q", "--home", home.toString(), "--migrations", manifest.toString()).code()).isZero();
            }
            HomeLocks.Held held = new FileHomeLocks(Clock.systemUTC()).acquire(home, Duration.ZERO, "migrate");
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(1500);
                    held.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(verb),
                    verb[0].equals("restore") ? java.util.stream.Stream.of("--wait", "30", "--home", home.toString())
                            : java.util.stream.Stream.of("--wait", "30", "--home", home.toString(), "--migrations", manifest.toString()))
                    .toArray(String[]::new);
            Result r = telec(args);
            release.join();

            assertThat(r.code()).as(verb[0] + ": " + r.err()).isZero();
            assertThat(r.err().lines().filter(l -> l.startsWith("telec: waiting up to 30 s for another telec migrate")).count())
                    .as(verb[0] + ": " + r.err()).isEqualTo(1);
        }
    }
}
