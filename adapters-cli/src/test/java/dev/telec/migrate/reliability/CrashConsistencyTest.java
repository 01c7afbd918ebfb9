package dev.telec.migrate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.telec.migrate.internal.adapter.in.cli.TelecModule;
import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.internal.application.port.out.Manifests;
import dev.telec.migrate.internal.application.port.out.StateStore;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.testing.FaultyFileSystem;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash-consistency at every I/O point, the way SQLite tests its writes: a whole run over the production
 * wiring ({@link TelecModule}: its state store and lock) on a {@link FaultyFileSystem}, crashed (unforced data
 * lost) or failed ("No space left on device") at its 1st, 2nd, ... Nth counted operation, then rerun on the
 * recovered file system. After each: the state parses; every step it records has its effect; no effect is
 * applied twice (a step whose record was lost is rolled back by the rerun and run again); the final home
 * equals an uninterrupted run's; no temporary file remains.
 */
class CrashConsistencyTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:15:02Z");
    static final List<String> IDS = List.of("1.1.0/001_a", "1.1.0/002_b", "1.2.0/001_c", "1.2.0/002_d", "2.0.0/001_e",
            "2.0.0/002_f");

    @TempDir
    Path tmp;

    /** One simulated machine: a file system, a home on it and the executions its steps completed. */
    static final class Machine {
        final FaultyFileSystem fs;
        final Path home;
        final Map<String, Integer> completed = new ConcurrentHashMap<>();
        final List<String> ids;

        Machine(FileSystem delegate, Path delegateHome, List<String> ids) throws IOException {
            this.ids = ids;
            // the home as installed: durable before the run starts, so written past the fault injection
            Files.createDirectories(delegateHome);
            Files.writeString(delegateHome.resolve("config.json"), "{\"keep\": true}\n");
            fs = FaultyFileSystem.wrap(delegate);
            home = fs.wrap(delegateHome);
        }

        Injector process() {
            Manifests manifests = new Manifests() {
                @Override
                public Manifest load(StepSource source) {
                    List<Manifest.Entry> entries = new ArrayList<>();
                    for (String id : ids) entries.add(entry(id, () -> new JournalStep(completed)));
                    return Manifest.of(entries);
                }
            };
            return Guice.createInjector(Modules.override(new TelecModule()).with(b -> {
                b.bind(Manifests.class).toInstance(manifests);
                b.bind(Clock.class).toInstance(Clock.fixed(NOW, ZoneOffset.UTC));
            }));
        }

        /** A run in a fresh "process": its report, or the message of what stopped it. */
        Object run() {
            try {
                return process().getInstance(MigrateUseCase.class).migrate(MigrateCommand.of(home));
            } catch (TelecException e) {
                return e.getMessage();
            }
        }

        MigrationState state() {
            return process().getInstance(StateStore.class).load(home);
        }

        /** Every file of the home but the state store's own, byte for byte. */
        Map<String, String> files() throws IOException {
            Map<String, String> files = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(home)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    String name = home.relativize(p).toString();
                    if (Files.isRegularFile(p) && !name.startsWith("migration_state") && !name.startsWith(".telec/")) {
                        files.put(name, Files.readString(p));
                    }
                }
            }
            return files;
        }

        List<String> temporaryFiles() throws IOException {
            try (Stream<Path> walk = Files.walk(home)) {
                return walk.map(p -> home.relativize(p).toString()).filter(n -> n.endsWith(".tmp")).toList();
            }
        }
    }

    static Manifest.Entry entry(String id, Supplier<Migration> step) {
        MigrationId mid = MigrationId.parse(id);
        return new Manifest.Entry() {
            @Override
            public MigrationId id() {
                return mid;
            }

            @Override
            public String source() {
                return "test:" + id;
            }

            @Override
            public Migration resolve() {
                return step.get();
            }
        };
    }

    /** What an uninterrupted run leaves, and how many counted operations it takes. */
    record Reference(Map<String, String> files, MigrationState state, int operations) {
    }

    static Reference reference(Supplier<Machine> machines) throws IOException {
        Machine m = machines.get();
        int before = m.fs.operationCount();
        Object result = m.run();
        assertThat(result).isInstanceOf(MigrationReport.class);
        assertThat(((MigrationReport) result).succeeded()).isTrue();
        return new Reference(m.files(), m.state(), m.fs.operationCount() - before);
    }

    /** The invariants that hold after any crash or failure, before the rerun. */
    static void assertConsistentAfterInterruption(Machine m, String at) throws IOException {
        MigrationState state = m.state(); // parses: throws otherwise
        List<String> journal = JournalStep.journal(m.home);
        assertThat(new HashSet<>(journal)).as("no step applied twice, %s", at).hasSameSizeAs(journal);
        assertThat(journal).as("every recorded step has its effect, %s", at).containsAll(state.applied());
        for (String id : journal) {
            assertThat(m.files()).as("%s", at).containsEntry("docs/" + id.replace('/', '_') + ".txt", "written by " + id + "\n");
        }
    }

    static void assertSameAsUninterrupted(Machine m, Reference ref, String at) throws IOException {
        Object rerun = m.run();
        assertThat(rerun).as("rerun %s", at).isInstanceOf(MigrationReport.class);
        assertThat(((MigrationReport) rerun).error()).as("rerun %s", at).isEmpty();
        assertThat(m.files()).as("home after rerun, %s", at).isEqualTo(ref.files());
        MigrationState state = m.state();
        assertThat(state.applied()).as("%s", at).isEqualTo(ref.state().applied());
        assertThat(state.version()).as("%s", at).isEqualTo(ref.state().version());
        // A completed execution whose record the crash lost is rolled back from its pre-images by the rerun and
        // run again (docs/backups.md): executed more than once, in effect once, as the home equal to the
        // uninterrupted run's (whose journal names each step once) shows.
        for (String id : m.ids) {
            assertThat(m.completed.get(id)).as("executions of %s that completed, %s", id, at).isNotNull().isPositive();
        }
        List<String> journal = JournalStep.journal(m.home);
        assertThat(journal).as("each step in effect once, %s", at).doesNotHaveDuplicates().hasSameSizeAs(m.ids);
        assertThat(m.temporaryFiles()).as("%s", at).isEmpty();
    }

    static Supplier<Machine> onJimfs() {
        return () -> {
            try {
                FileSystem jimfs = Jimfs.newFileSystem(Configuration.unix());
                return new Machine(jimfs, jimfs.getPath("/home/app/.teleclaude"), IDS);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    /** Real fsyncs are slow: two steps (one version), so that every crash point stays affordable. */
    Supplier<Machine> onDisk() {
        int[] n = {0};
        return () -> {
            try {
                return new Machine(FileSystems.getDefault(), tmp.resolve("home" + n[0]++), IDS.subList(0, 2));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    /** Figures for the README, printed by the tests that produce them. */
    static void report(String what, Object figure) {
        System.out.println("[reliability] " + what + ": " + figure);
    }

    void crashAtEveryOperation(Supplier<Machine> machines, String where) throws IOException {
        Reference ref = reference(machines);
        assertThat(ref.operations()).isGreaterThan(8);
        int crashed = 0;
        for (int k = 1; k <= ref.operations(); k++) {
            Machine m = machines.get();
            m.fs.crashAt(k);
            m.run();
            m.fs.crash();
            String at = "crash at operation " + k + " of " + ref.operations() + " on " + where;
            assertConsistentAfterInterruption(m, at);
            assertSameAsUninterrupted(m, ref, at);
            crashed++;
        }
        assertThat(crashed).isEqualTo(ref.operations());
        report("crash points covered on " + where, crashed + " of " + ref.operations() + " counted operations (100%), 0 lost, 0 doubled, 0 corrupt");
    }

    @Test
    void aCrashAtAnyOperationOfARunLosesNothingDoublesNothingAndCorruptsNothingOnJimfs() throws IOException {
        crashAtEveryOperation(onJimfs(), "Jimfs");
    }

    @Test
    void aCrashAtAnyOperationOfARunLosesNothingDoublesNothingAndCorruptsNothingOnTheDefaultFileSystem() throws IOException {
        crashAtEveryOperation(onDisk(), "the default file system");
    }

    @Test
    void aFullDiskAtAnyOperationFailsTheRunNamingAPathAndTheRerunCompletesIt() throws IOException {
        Supplier<Machine> machines = onJimfs();
        Reference ref = reference(machines);
        int failedRuns = 0;
        for (int k = 1; k <= ref.operations(); k++) {
            Machine m = machines.get();
            m.fs.arm(k);
            Object result = m.run();
            m.fs.disarm();
            String at = "disk full at operation " + k + " of " + ref.operations();
            String message = result instanceof MigrationReport r ? r.error().orElse(null) : (String) result;
            if (message != null) {
                failedRuns++;
                assertThat(message).as(at).contains("/home/app/.teleclaude").contains("No space left on device");
            }
            assertConsistentAfterInterruption(m, at);
            assertSameAsUninterrupted(m, ref, at);
        }
        // the only faults a run may survive are in best-effort clean-up (leftover deletion, directory sync)
        assertThat(failedRuns).isGreaterThan(ref.operations() * 3 / 4);
        report("disk-full faults injected", ref.operations() + " (" + failedRuns + " failed the run), 0 lost, 0 doubled, 0 corrupt");
    }
}
