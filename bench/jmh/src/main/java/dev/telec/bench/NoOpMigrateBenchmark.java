package dev.telec.bench;

import dev.telec.migrate.Telec;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A library caller's no-op: {@code migrate} on a home where every step of the manifest is already recorded,
 * through the migrator an updater builds once ({@link Telec#migrator()}). The reference's
 * {@code seed_runner.main} is timed on the same workload by bench/timeit_reference.py.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NoOpMigrateBenchmark {

    /** A declarative manifest (gen_workload.py's {@code OUT/telec}); empty: 100 steps made here the same way. */
    @Param("")
    public String manifest;

    /** The newest version in the manifest (what gen_workload.py printed). */
    @Param("1.0.0")
    public String to;

    private Path work;
    private MigrateUseCase migrator;
    private MigrateCommand command;

    @Setup(Level.Trial)
    public void applyEveryStep() throws IOException {
        work = Files.createTempDirectory("telec-jmh");
        Path steps = manifest.isEmpty() ? write100Steps(work.resolve("manifest")) : Path.of(manifest);
        Path home = Files.createDirectories(work.resolve("home"));
        migrator = Telec.migrator();
        command = MigrateCommand.of(home).migrations(steps).from(Version.parse("0.0.0")).to(Version.parse(to));
        MigrationReport first = migrator.migrate(command);
        if (!first.succeeded() || first.applied() == 0) {
            throw new IllegalStateException("the first run should apply the workload: " + first);
        }
        MigrationReport second = migrator.migrate(command);
        if (!second.succeeded() || second.applied() != 0) {
            throw new IllegalStateException("the second run should have nothing to do: " + second);
        }
    }

    @Benchmark
    public MigrationReport noOpMigrate() {
        return migrator.migrate(command);
    }

    @TearDown(Level.Trial)
    public void deleteWork() throws IOException {
        try (Stream<Path> paths = Files.walk(work)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** What gen_workload.py writes for telec: step i creates {@code done/1.0.0_NNN}. */
    private static Path write100Steps(Path root) throws IOException {
        Path version = Files.createDirectories(root.resolve("v1.0.0"));
        for (int i = 1; i <= 100; i++) {
            String nnn = String.format("%03d", i);
            Files.writeString(version.resolve(nnn + "_step.yaml"),
                    "operations:\n  - op: mkdir\n    path: done/1.0.0_" + nnn + "\n");
        }
        return root;
    }
}
