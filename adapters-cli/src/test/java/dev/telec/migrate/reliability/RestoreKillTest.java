package dev.telec.migrate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import dev.telec.migrate.internal.adapter.in.cli.Cli;
import dev.telec.migrate.internal.adapter.in.cli.TelecModule;
import dev.telec.migrate.internal.adapter.out.state.JsonStateStore;
import dev.telec.migrate.domain.HistoryEntry;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real kills of {@code telec restore}: a child JVM restoring a home whose last run rewrote and created many
 * files is sent SIGKILL after a random delay, again and again, until a restore finishes. After every kill,
 * {@code telec migrate} never changes the home (it refuses while the restore is unfinished); after the restore
 * that finishes, the home is as before the run, the state records what it did then, and its history says once
 * which steps the restore undid, however many restores it took.
 */
class RestoreKillTest {

    static final int FILES = 150;

    @TempDir
    Path work;
    final Random random = new Random(Long.getLong("telec.seed", System.nanoTime()));
    int runs;

    private int inProcess(String... args) {
        StringWriter out = new StringWriter();
        return new Cli(Guice.createInjector(new TelecModule())).run(new PrintWriter(out), new PrintWriter(out), args);
    }

    private Process child(String... args) throws IOException {
        runs++;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "dev.telec.migrate.internal.adapter.in.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(work.resolve("stderr.txt").toFile()).start();
    }

    private String stderr() throws IOException {
        return Files.readString(work.resolve("stderr.txt"), StandardCharsets.UTF_8).strip();
    }

    /** A home at 1.0.0 whose files the 1.1.0 run rewrote and added to; the home as it was before that run. */
    private Map<String, String> homeAfterARun(Path home, Path manifest) throws IOException {
        Files.createDirectories(home.resolve("data"));
        StringBuilder rewrite = new StringBuilder("operations:\n");
        for (int i = 0; i < FILES; i++) {
            Files.writeString(home.resolve("data/f" + i + ".txt"), ("line " + i + "\n").repeat(200));
            rewrite.append("  - {op: write, path: data/f").append(i).append(".txt, content: \"new ").append(i).append("\\n\"}\n");
            rewrite.append("  - {op: write, path: added/g").append(i).append(".txt, content: x}\n");
        }
        Files.createDirectories(manifest.resolve("v1.0.0"));
        Files.writeString(manifest.resolve("v1.0.0/001_base.yaml"), "operations:\n  - {op: mkdir, path: base}\n");
        assertThat(inProcess("migrate", "-q", "--home", home.toString(), "--migrations", manifest.toString())).isZero();
        Map<String, String> before = tree(home);
        Files.createDirectories(manifest.resolve("v1.1.0"));
        Files.writeString(manifest.resolve("v1.1.0/001_rewrite.yaml"), rewrite.toString());
        Files.writeString(manifest.resolve("v1.1.0/002_more.yaml"), "operations:\n  - {op: mkdir, path: more}\n");
        assertThat(inProcess("migrate", "-q", "--home", home.toString(), "--migrations", manifest.toString())).isZero();
        return before;
    }

    /** Every path but telec's own and the state files, with its content. */
    static Map<String, String> tree(Path home) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = home.relativize(p).toString();
                if (rel.startsWith(".telec") || rel.equals(".migration.lock") || rel.startsWith("migration_state.")) continue;
                tree.put(rel, Files.isDirectory(p) ? "dir" : Base64.getEncoder().encodeToString(Files.readAllBytes(p)));
            }
        }
        return tree;
    }

    @Test
    void aKilledRestoreIsFinishedByTheNextOneAndMigrateNeverChangesTheHomeMeanwhile() throws Exception {
        int kills = Integer.getInteger("telec.restoreKills", 6);
        long span = 0;
        int killed = 0;
        int pending = 0;
        int homes = 0;
        while (killed < kills) {
            Path home = work.resolve("home-" + homes);
            Path manifest = work.resolve("manifest-" + homes++);
            Map<String, String> before = homeAfterARun(home, manifest);
            while (true) {
                long t0 = System.nanoTime();
                Process p = child("restore", "-q", "--home", home.toString());
                // most of a child's life is the JVM starting: kills are drawn from the later half, where restores run
                if (span > 0 && killed < kills && !p.waitFor(span / 2 + random.nextLong(span / 2 + 1), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                }
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("a restore did not end").isTrue();
                if (span == 0) span = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)); // the first home calibrates
                if (p.exitValue() == 0) break;
                assertThat(p.exitValue()).as(stderr()).isEqualTo(137);
                killed++;
                boolean begun = Files.exists(home.resolve(".telec/restore.pending"));
                if (!begun && tree(home).equals(before)) break; // killed as it exited: the restore had finished
                if (begun) {
                    pending++;
                    Map<String, String> now = tree(home);
                    Process m = child("migrate", "-q", "--home", home.toString(), "--migrations", manifest.toString());
                    assertThat(m.waitFor(120, TimeUnit.SECONDS)).isTrue();
                    assertThat(tree(home)).as("migrate changed a home with an unfinished restore").isEqualTo(now);
                    if (m.exitValue() != 0) assertThat(stderr()).contains("a restore of this home was interrupted; run telec restore");
                }
            }
            Map<String, String> after = tree(home);
            List<String> differ = new ArrayList<>();
            for (String k : new java.util.TreeSet<>(java.util.stream.Stream.concat(before.keySet().stream(), after.keySet().stream()).toList())) {
                if (!java.util.Objects.equals(before.get(k), after.get(k))) differ.add(k + (after.containsKey(k) ? before.containsKey(k) ? " differs" : " is left" : " is missing"));
            }
            assertThat(differ).as("the restored home of " + home).isEmpty();
            assertThat(home.resolve(".telec/restore.pending")).doesNotExist();
            MigrationState state = new JsonStateStore().load(home);
            assertThat(state.applied()).containsExactly("1.0.0/001_base");
            List<String> undone = state.history().stream().filter(e -> e.outcome() == StepOutcome.UNDONE)
                    .map(HistoryEntry::id).toList();
            assertThat(undone).containsExactly("1.1.0/001_rewrite", "1.1.0/002_more");
        }
        System.out.println("[reliability] restore: " + killed + " kills survived (" + pending + " with the restore begun), "
                + homes + " homes, " + runs + " child runs: every home restored, its history told once");
    }
}
