package dev.telec.migrate.internal.adapter.out.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.internal.adapter.out.state.JsonStateStore;
import dev.telec.migrate.internal.application.MigrationRunner;
import dev.telec.migrate.internal.application.SimulatingMigrator;
import dev.telec.migrate.application.port.in.DryRunCommand;
import dev.telec.migrate.application.port.in.DryRunOptions;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.domain.Change;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.StepResult;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For random steps that create, modify, delete and move files and directories on a Jimfs home: replaying
 * the changes the simulation reports, step by step (diffs applied as patches), on the home as it was gives
 * exactly the home a real run leaves; the simulated outcomes are the real ones; the simulation leaves the
 * home as it was.
 */
class SimulationProperties {

    static final List<String> FILES = List.of("a.txt", "b.txt", "d/c.txt", "d/e/f.txt", "x/g.txt");
    static final List<String> DIRS = List.of("d", "d/e", "x", "y", "y/z");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:15:02Z"), ZoneOffset.UTC);

    sealed interface Op {
        void apply(Path home) throws IOException;
    }

    record Write(String path, String text) implements Op {
        public void apply(Path home) throws IOException {
            Path p = home.resolve(path);
            Files.createDirectories(p.getParent());
            if (!Files.isDirectory(p)) Files.writeString(p, text);
        }
    }

    record Append(String path, String line) implements Op {
        public void apply(Path home) throws IOException {
            Path p = home.resolve(path);
            if (Files.isRegularFile(p)) Files.writeString(p, Files.readString(p) + line);
        }
    }

    record Delete(String path) implements Op {
        public void apply(Path home) throws IOException {
            Path p = home.resolve(path);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
            try (Stream<Path> walk = Files.walk(p)) {
                for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
            }
        }
    }

    record Move(String from, String to) implements Op {
        public void apply(Path home) throws IOException {
            Path s = home.resolve(from);
            Path t = home.resolve(to);
            if (!Files.exists(s) || Files.exists(t) || t.startsWith(s) || !Files.isDirectory(t.getParent())) return;
            Files.move(s, t);
        }
    }

    record Mkdir(String path) implements Op {
        public void apply(Path home) throws IOException {
            Path p = home.resolve(path);
            if (!Files.exists(p)) Files.createDirectories(p);
        }
    }

    record Fail() implements Op {
        public void apply(Path home) throws IOException {
            throw new IOException("this step fails");
        }
    }

    /** A step doing {@code ops}; done in a file system once it ran there. */
    static final class OpsStep implements Migration {
        final List<Op> ops;
        final Set<FileSystem> ranIn = Collections.newSetFromMap(new IdentityHashMap<>());

        OpsStep(List<Op> ops) {
            this.ops = ops;
        }

        @Override
        public boolean check(MigrationContext context) {
            return ranIn.contains(context.home().getFileSystem());
        }

        @Override
        public boolean migrate(MigrationContext context) throws IOException {
            ranIn.add(context.home().getFileSystem());
            for (Op op : ops) op.apply(context.home());
            return true;
        }

        @Override
        public String toString() {
            return ops.toString();
        }
    }

    record Entry(MigrationId id, Migration migration) implements Manifest.Entry {
        public String source() {
            return id.toString();
        }

        public Migration resolve() {
            return migration;
        }
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.of("alpha", "beta", "gamma", "delta", "+plus", "-minus", "")
                .list().ofMaxSize(6).map(lines -> lines.stream().map(l -> l + "\n").reduce("", String::concat));
    }

    @Provide
    Arbitrary<Op> op() {
        Arbitrary<String> file = Arbitraries.of(FILES);
        Arbitrary<String> any = Arbitraries.of(Stream.concat(FILES.stream(), DIRS.stream()).toList());
        return Arbitraries.frequencyOf(
                Tuple(4, Combinators.combine(file, text()).as(Write::new)),
                Tuple(2, Combinators.combine(file, Arbitraries.of("omega\n", "alpha\n")).as(Append::new)),
                Tuple(2, any.map(Delete::new)),
                Tuple(3, Combinators.combine(any, any).as(Move::new)),
                Tuple(2, Arbitraries.of(DIRS).map(Mkdir::new)),
                Tuple(1, Arbitraries.just(new Fail())));
    }

    private static net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends Op>> Tuple(int weight, Arbitrary<? extends Op> a) {
        return net.jqwik.api.Tuple.of(weight, a);
    }

    @Provide
    Arbitrary<List<List<Op>>> steps() {
        return op().list().ofMinSize(1).ofMaxSize(4).list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 150)
    void replayingTheSimulatedChangesGivesTheRealRunsResult(@ForAll("steps") List<List<Op>> steps,
                                                            @ForAll("steps") List<List<Op>> initial) throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path home = fs.getPath("/srv/home");
            Files.createDirectories(home);
            for (List<Op> ops : initial) {
                for (Op op : ops) {
                    if (op instanceof Fail) continue;
                    try {
                        op.apply(home);
                    } catch (IOException impossibleHere) {
                        // the initial home is whatever the possible ops make of it (mkdir under a file is not)
                    }
                }
            }
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                entries.add(new Entry(new MigrationId(Version.parse("1.0.0"), i + 1, "step" + i), new OpsStep(steps.get(i))));
            }
            Manifest manifest = Manifest.of(entries);
            MigrationRunner runner = new MigrationRunner(dir -> manifest, new JsonStateStore(), CLOCK);
            Map<String, List<String>> before = snapshot(home);

            MigrationReport simulated = new SimulatingMigrator(runner, new JimfsSandbox())
                    .dryRun(new DryRunCommand(MigrateCommand.of(home), DryRunOptions.DEFAULT.showSecrets(true)));
            assertThat(snapshot(home)).as("the simulation changed nothing").isEqualTo(before);
            assertThat(simulated.simulated()).isTrue();

            MigrationReport real = runner.migrate(MigrateCommand.of(home));
            Map<String, List<String>> after = snapshot(home);
            after.remove(JsonStateStore.FILE_NAME);
            before.remove(JsonStateStore.FILE_NAME);

            assertThat(simulated.steps().stream().map(s -> s.outcome().wireName().replace("would_", "").replace("apply", "applied")).toList())
                    .isEqualTo(real.steps().stream().map(s -> s.outcome().wireName()).toList());
            assertThat(simulated.error()).isEqualTo(real.error());
            Map<String, List<String>> replayed = new TreeMap<>(before);
            for (StepResult step : simulated.steps()) {
                for (Change c : step.changes()) {
                    replay(replayed, c);
                }
            }
            assertThat(replayed).isEqualTo(after);
        }
    }

    private static final List<String> DIR = List.of("<dir>");

    /** path (dirs end with /) -> lines of a file, or DIR */
    static Map<String, List<String>> snapshot(Path home) throws IOException {
        Map<String, List<String>> tree = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : walk.toList()) {
                if (p.equals(home)) continue;
                String rel = home.relativize(p).toString();
                if (Files.isDirectory(p)) tree.put(rel + "/", DIR);
                else tree.put(rel, Files.readString(p).lines().toList());
            }
        }
        return tree;
    }

    static void replay(Map<String, List<String>> tree, Change c) {
        switch (c.kind()) {
            case CREATED -> {
                assertThat(tree).as("created " + c.path()).doesNotContainKey(c.path());
                tree.put(c.path(), c.isDirectory() ? DIR : added(c.diff().orElseThrow()));
            }
            case DELETED -> {
                assertThat(tree).as("deleted " + c.path()).containsKey(c.path());
                tree.remove(c.path());
            }
            case MODIFIED -> {
                List<String> old = tree.get(c.path());
                assertThat(old).as("modified " + c.path()).isNotNull();
                try {
                    tree.put(c.path(), DiffUtils.patch(old, UnifiedDiffUtils.parseUnifiedDiff(Arrays.asList(c.diff().orElseThrow().split("\n")))));
                } catch (Exception e) {
                    throw new AssertionError("the diff of " + c.path() + " does not apply: " + c.diff().orElseThrow(), e);
                }
            }
            case MOVED -> {
                String from = c.path();
                String to = c.to().orElseThrow();
                assertThat(tree).as("moved " + from).containsKey(from).doesNotContainKey(to);
                for (String key : new ArrayList<>(tree.keySet())) {
                    if (key.equals(from) || (from.endsWith("/") && key.startsWith(from))) {
                        tree.put(to + key.substring(from.length()), tree.remove(key));
                    }
                }
            }
        }
    }

    private static List<String> added(String diff) {
        return diff.lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")).map(l -> l.substring(1)).toList();
    }
}
