package dev.telec.migrate.reliability;

import com.google.inject.Guice;
import dev.telec.migrate.internal.adapter.in.cli.TelecModule;
import dev.telec.migrate.internal.application.port.out.Backups;
import dev.telec.migrate.internal.application.port.out.StateStore;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.steps.AppendStep;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real kills: runs {@code telec migrate} as a child JVM on a temporary home with a manifest of many small
 * {@link AppendStep}s, sends it SIGKILL ({@link Process#destroyForcibly()}) after a random delay, checks the
 * home, reruns it (killing again while kills remain) until a run finishes by itself, checks the finished
 * home, and goes on with a fresh home until {@code kills} kills have landed.
 *
 * <p>After every kill: the state parses; every step it records has its effect line (0 lost); no effect line
 * is there twice (0 doubled). The next run is never refused with exit 3 (no stale lock). After the run that
 * finishes: exit 0, the state records every step and the newest version, every step's line is there exactly
 * once and in order, and no temporary file is left in the home.
 */
public final class KillHarness {

    static final int VERSIONS = 3;
    static final int STEPS_PER_VERSION = 10;
    /**
     * How long each step of a child run pauses after its effect is durable: without it 30 steps take a few
     * ms of a run that is mostly JVM start, and kills would almost never land while steps run.
     */
    static final long STEP_MILLIS = 15;

    /**
     * Figures of one harness run: kills in all; of those, the ones that landed with some but not all steps'
     * effects on disk (mid-migration), and the ones that landed with effects on disk that the state does not
     * record yet (between a step's effect and its record, or before a group of records was written).
     */
    public record Figures(int kills, int midMigration, int effectsNotYetRecorded, int homes, int runs) {
        @Override
        public String toString() {
            return kills + " kills survived (" + midMigration + " mid-migration, " + effectsNotYetRecorded
                    + " with effects not yet recorded), " + homes + " homes, " + runs
                    + " child runs: 0 lost, 0 doubled, 0 corrupt, 0 stale locks";
        }
    }

    private final Path work;
    private final Random random;
    private final Path manifest;
    private final List<String> ids = new ArrayList<>();
    private final com.google.inject.Injector wiring = Guice.createInjector(new TelecModule());
    private final StateStore states = wiring.getInstance(StateStore.class);
    private final Backups backups = wiring.getInstance(Backups.class);
    private int runs;

    /**
     * A shell step with {@link AppendStep}'s effect (its id appended to {@code effects.log} in one write) and
     * its pause, run as a process: kills land while the script runs, between its effect and its record.
     */
    static final String APPEND_SCRIPT = "#!/bin/sh\ncase \"$1\" in\n"
            + "  check) [ -f " + AppendStep.LOG + " ] && grep -qx \"$TELEC_STEP_ID\" " + AppendStep.LOG + " ;;\n"
            + "  migrate) echo \"$TELEC_STEP_ID\" >> " + AppendStep.LOG + " && sleep 0.0" + STEP_MILLIS + " ;;\n"
            + "  *) exit 64 ;;\nesac\n";

    KillHarness(Path work, long seed) throws IOException {
        this(work, seed, false);
    }

    /** @param scripts the steps are shell scripts ({@link #APPEND_SCRIPT}) instead of Java {@link AppendStep}s */
    KillHarness(Path work, long seed, boolean scripts) throws IOException {
        this.work = work;
        this.random = new Random(seed);
        this.manifest = work.resolve("manifest");
        for (int v = 1; v <= VERSIONS; v++) {
            for (int n = 1; n <= STEPS_PER_VERSION; n++) {
                String name = String.format(scripts ? "v1.%d.0/%03d_step.sh" : "v1.%d.0/%03d_step.yaml", v, n);
                Path entry = manifest.resolve(name);
                Files.createDirectories(entry.getParent());
                Files.writeString(entry, scripts ? APPEND_SCRIPT : "class: " + AppendStep.class.getName() + "\n");
                ids.add(String.format("1.%d.0/%03d_step", v, n));
            }
        }
        try (Stream<Path> walk = Files.walk(manifest)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                boolean runnable = Files.isDirectory(p) || scripts;
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(runnable ? "rwx------" : "rw-------"));
            }
        }
    }

    private Process start(Path home) throws IOException {
        runs++;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Dtelec.test.stepMillis=" + STEP_MILLIS,
                "-cp", System.getProperty("java.class.path"), "dev.telec.migrate.internal.adapter.in.cli.Main",
                "migrate", "--quiet", "--create-home", "--home", home.toString(), "--migrations", manifest.toString());
        return new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(work.resolve("stderr.txt").toFile())
                .start();
    }

    private String stderr() throws IOException {
        return Files.readString(work.resolve("stderr.txt"), StandardCharsets.UTF_8).strip();
    }

    Figures run(int kills) throws Exception {
        // How long an uninterrupted run takes here: kill delays are drawn from [0, that).
        Path calibration = work.resolve("calibration");
        long t0 = System.nanoTime();
        Process first = start(calibration);
        check(first.waitFor(120, TimeUnit.SECONDS), "the calibration run did not finish");
        check(first.exitValue() == 0, "the calibration run failed: " + stderr());
        long span = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        assertFinished(calibration);

        int killed = 0;
        int midMigration = 0;
        int notYetRecorded = 0;
        int homes = 0;
        while (killed < kills) {
            Path home = work.resolve("home-" + homes++);
            while (true) {
                Process p = start(home);
                boolean mayKill = killed < kills;
                if (mayKill && !p.waitFor(random.nextLong(span), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    check(p.waitFor(60, TimeUnit.SECONDS), "a killed run did not end");
                } else {
                    check(p.waitFor(120, TimeUnit.SECONDS), "a run did not finish");
                }
                int code = p.exitValue();
                if (code == 0) {
                    assertFinished(home);
                    break;
                }
                check(code == 137, "a run exited " + code + " (3: a stale lock?): " + stderr());
                killed++;
                if (killed % 100 == 0) System.out.println("[reliability] " + killed + " kills so far, all consistent");
                int effects = AppendStep.effects(home).size(); // as the kill left them, before the rollback below
                int recorded = assertConsistentAfterKill(home);
                if (effects > 0 && effects < ids.size()) midMigration++;
                if (effects > recorded) notYetRecorded++;
            }
        }
        return new Figures(killed, midMigration, notYetRecorded, homes, runs);
    }

    /** The invariants after a kill; returns how many steps the state records. */
    private int assertConsistentAfterKill(Path home) throws IOException {
        MigrationState state = states.load(home); // a StateException here is a corrupt state
        List<String> effects = AppendStep.effects(home);
        check(new HashSet<>(effects).size() == effects.size(), "doubled: a step's effect is there twice in " + effects);
        check(effects.containsAll(state.applied()), "lost: the state records " + state.applied() + " but the effects are " + effects);
        // what the next run does first: roll back what the killed one left of a step it did not record; then the
        // home is the one a run that stopped cleanly after the last recorded step leaves
        backups.recover(home, state);
        List<String> recovered = AppendStep.effects(home);
        check(new TreeSet<>(recovered).equals(new TreeSet<>(state.applied())) && recovered.size() == state.applied().size(),
                "after the rollback of the interrupted step the effects are " + recovered + " but the state records " + state.applied());
        return state.applied().size();
    }

    private void assertFinished(Path home) throws IOException {
        MigrationState state = states.load(home);
        check(state.applied().equals(new TreeSet<>(ids)), "the finished state records " + state.applied());
        check(state.version().equals(java.util.Optional.of(Version.parse("1." + VERSIONS + ".0"))),
                "the finished state is at " + state.version());
        check(AppendStep.effects(home).equals(ids), "the effects of a finished home are " + AppendStep.effects(home));
        try (Stream<Path> walk = Files.walk(home)) {
            List<Path> temps = walk.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            check(temps.isEmpty(), "temporary files left: " + temps);
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) throw new AssertionError(message);
    }

    /** {@code KillHarness KILLS [WORKDIR]}: the same harness outside the test suite. */
    public static void main(String[] args) throws Exception {
        int kills = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("telec-kill-test");
        long seed = Long.getLong("telec.seed", System.nanoTime());
        System.out.println("seed " + seed + ", work " + work + File.separator);
        System.out.println(new KillHarness(work, seed, Boolean.getBoolean("telec.scripts")).run(kills));
    }
}
