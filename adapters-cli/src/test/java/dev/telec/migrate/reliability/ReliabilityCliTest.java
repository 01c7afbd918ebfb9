package dev.telec.migrate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telec.migrate.reliability.BadInput.Result;
import dev.telec.migrate.steps.BlockingStep;
import dev.telec.migrate.steps.ErrorStep;
import dev.telec.migrate.testing.BrokenSteps;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locks held by real processes, the downgrade guard, bad manifests and a bad home, on the command line. */
class ReliabilityCliTest {

    @TempDir
    Path tmp;
    BadInput in;

    @BeforeEach
    void setUp() throws Exception {
        in = new BadInput(tmp);
    }

    private Process childRun(Path manifest) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.telec.migrate.internal.adapter.in.cli.Main", "migrate", "--quiet", "--home", in.home.toString(),
                "--migrations", manifest.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.txt").toFile()).start();
    }

    /** Waits (bounded) until the child holds the lock and has said so in the lock file. */
    private void awaitHolder(Process child) throws Exception {
        Path lock = in.home.resolve(".migration.lock");
        for (int i = 0; i < 3000; i++) {
            if (Files.exists(lock) && Files.readString(lock).startsWith("pid " + child.pid() + " ") && inItsStep()) return;
            assertThat(child.isAlive()).as("child output: %s", Files.exists(tmp.resolve("child.txt"))
                    ? Files.readString(tmp.resolve("child.txt")) : "").isTrue();
            Thread.sleep(10);
        }
        throw new AssertionError("the child never took the lock");
    }

    /** The holder is in its step, its backup begun: it writes nothing more until it is let go. */
    private boolean inItsStep() {
        return Files.exists(in.home.resolveSibling("entered"));
    }

    @Test
    void aSecondRunExitsThreeNamingTheHoldingProcessAndAKilledHolderLeavesNoStaleLock() throws Exception {
        Path blocking = tmp.resolve("blocking");
        Files.createDirectories(blocking.resolve("v1.0.0"));
        Files.writeString(blocking.resolve("v1.0.0/001_block.yaml"), "class: " + BlockingStep.class.getName() + "\n");
        Process holder = childRun(blocking);
        try {
            awaitHolder(holder);
            var before = in.snapshot();

            Result refused = in.migrate();

            assertThat(refused.code()).isEqualTo(3);
            assertThat(refused.err()).matches("telec: another telec migrate \\(pid " + holder.pid()
                    + ", since \\d{4}-\\d\\d-\\d\\dT[0-9:]+Z\\) holds " + java.util.regex.Pattern.quote(in.home.toString())
                    + "; --wait SECONDS waits for it\\R");
            assertThat(in.snapshot()).isEqualTo(before);
            assertThat(in.migrate("--dry-run").code()).as("a dry-run takes no lock").isZero();
        } finally {
            holder.destroyForcibly(); // SIGKILL: the kernel releases the lock
            holder.waitFor(60, TimeUnit.SECONDS);
        }

        Result next = in.migrate();

        assertThat(next.code()).as(next.err()).isZero();
    }

    @Test
    void waitWaitsForTheHolderToFinish() throws Exception {
        Path blocking = tmp.resolve("blocking");
        Files.createDirectories(blocking.resolve("v1.0.0"));
        Files.writeString(blocking.resolve("v1.0.0/001_block.yaml"), "class: " + BlockingStep.class.getName() + "\n");
        Process holder = childRun(blocking);
        try {
            awaitHolder(holder);
            Files.writeString(in.home.resolveSibling("go"), "go"); // the holder finishes now, not before

            Result waited = in.migrate("--wait", "120");

            assertThat(waited.code()).as(waited.err()).isZero();
            assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(holder.exitValue()).isZero();
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aHomeNewerThanEveryKnownStepIsRefusedUnlessDowngradesAreAllowed() throws Exception {
        Files.writeString(in.home.resolve("migration_state.json"), "{\"applied\": [], \"version\": \"3.0.0\"}\n");
        var before = in.snapshot();

        Result refused = in.migrate();
        Result allowed = in.migrate("--allow-downgrade");

        BadInput.assertOneLineError(refused, in.home, "the home is at 3.0.0, newer than the newest step this telec knows (1.2.0)");
        assertThat(refused.err()).contains("--allow-downgrade");
        assertThat(allowed.code()).isZero();
        assertThat(allowed.out()).isEqualTo(in.home + ": left as it is: it is at 3.0.0, newer than 1.2.0 (--allow-downgrade)"
                + System.lineSeparator());
        assertThat(in.snapshot()).isEqualTo(before);
    }

    @Test
    void badManifestsAreOneLineErrorsNamingTheEntryAndNothingIsWritten() throws Exception {
        record Case(String name, String text, String cause) {
        }
        List<Case> cases = List.of(
                new Case("v1.3.0/001_unknown.yaml", "class: com.example.Nope\n", "com.example.Nope"),
                new Case("v1.3.0/001_throws.yaml", "class: " + BrokenSteps.ThrowingConstructor.class.getName() + "\n", "boom"),
                new Case("v1.3.0/001_error.yaml", "class: " + BrokenSteps.ErrorInConstructor.class.getName() + "\n", "com/example/Gone"),
                new Case("v1.3/001_bad_version.yaml", "class: x\n", "v1.3"),
                new Case("v1.3.0/1_bad_number.yaml", "class: x\n", "1_bad_number"),
                new Case("v1.2.0/001_duplicate.yaml", "class: x\n", "001"));
        for (Case c : cases) {
            BadInput fresh = new BadInput(Files.createTempDirectory(tmp, "case"));
            fresh.entry(c.name(), c.text());
            var before = fresh.snapshot();

            Result r = fresh.migrate();

            BadInput.assertOneLineError(r, fresh.manifest.resolve(c.name()).getParent(), c.cause());
            assertThat(fresh.snapshot()).as(c.name()).isEqualTo(before);
        }
    }

    @Test
    void aStepThatThrowsAnErrorHaltsTheRunNamingItAndRecordsNothing() throws Exception {
        Path manifest = tmp.resolve("erroring");
        Files.createDirectories(manifest.resolve("v1.0.0"));
        Files.writeString(manifest.resolve("v1.0.0/001_gone.yaml"), "class: " + ErrorStep.class.getName() + "\n");
        Result r = BadInput.telec("migrate", "--home", in.home.toString(), "--migrations", manifest.toString(), "--quiet");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("telec: 1.0.0/001_gone: migrate() failed: a class it needs is missing: com.example.Gone"
                + "; its changes were rolled back" + System.lineSeparator());
        assertThat(in.home.resolve("migration_state.json")).doesNotExist();
    }

    @Test
    void aHugeStateFileIsRefusedUnread() throws Exception {
        Path state = in.home.resolve("migration_state.json");
        try (RandomAccessFile f = new RandomAccessFile(state.toFile(), "rw")) {
            f.setLength(65L * 1024 * 1024); // sparse: cheap to make
        }
        var before = in.snapshot();

        Result r = in.migrate();

        BadInput.assertOneLineError(r, state, "");
        assertThat(in.snapshot()).isEqualTo(before);
    }

    @Test
    void aHomeThatIsAFileIsAOneLineError() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-home"), "x");

        Result refused = BadInput.telec("migrate", "--home", file.toString(), "--migrations", in.manifest.toString());

        BadInput.assertOneLineError(refused, file, "not a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
    }
}
