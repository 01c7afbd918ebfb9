package dev.telec.migrate.internal.adapter.out.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.api.StateException;
import dev.telec.migrate.domain.HistoryEntry;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.testing.FaultyFileSystem;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JsonStateStoreProperties {

    @Property(tries = 200)
    void aSavedStateLoadsBackEqual(@ForAll("states") MigrationState state) throws IOException {
        try (FileSystem fs = fs()) {
            Path home = fs.getPath("/home/app");
            new JsonStateStore().save(home, state);
            assertThat(new JsonStateStore().load(home)).isEqualTo(state);
        }
    }

    @Property(tries = 40)
    void aSaveFailingAtAnyOperationLeavesExactlyTheOldOrTheNewStateAndNoTemporaryFile(
            @ForAll("optionalStates") Optional<MigrationState> old, @ForAll("states") MigrationState next) throws IOException {
        int operations = operationsOfASave(old, next);
        assertThat(operations).isGreaterThanOrEqualTo(4); // open, write, force, move at least
        for (int k = 1; k <= operations + 1; k++) {
            try (FileSystem jimfs = fs()) {
                FaultyFileSystem fs = FaultyFileSystem.wrap(jimfs);
                Path home = fs.getPath("/home/app");
                setUp(home, old);
                fs.arm(k);
                if (k <= operations) {
                    assertThatThrownBy(() -> new JsonStateStore().save(home, next))
                            .as("failing at operation %d of %d", k, operations)
                            .isInstanceOf(StateException.class)
                            .hasMessageEndingWith(": No space left on device");
                    assertThat(new JsonStateStore().load(home)).isIn(old.orElse(MigrationState.EMPTY), next);
                } else {
                    new JsonStateStore().save(home, next);
                    assertThat(new JsonStateStore().load(home)).isEqualTo(next);
                }
                assertNoTemporaryFiles(home);
            }
        }
    }

    @Property(tries = 40)
    void aCrashAtAnyOperationOfASaveLeavesExactlyTheOldOrTheNewState(
            @ForAll("optionalStates") Optional<MigrationState> old, @ForAll("states") MigrationState next) throws IOException {
        int operations = operationsOfASave(old, next);
        for (int k = 1; k <= operations + 1; k++) {
            try (FileSystem jimfs = fs()) {
                FaultyFileSystem fs = FaultyFileSystem.wrap(jimfs);
                Path home = fs.getPath("/home/app");
                setUp(home, old);
                fs.crashAt(k);
                boolean saved;
                try {
                    new JsonStateStore().save(home, next);
                    saved = true;
                } catch (StateException e) {
                    saved = false;
                }
                assertThat(saved).as("saved despite a crash at operation %d of %d", k, operations).isEqualTo(k > operations);
                fs.crash();
                MigrationState after = new JsonStateStore().load(home);
                if (saved) {
                    assertThat(after).as("a completed save survives a crash").isEqualTo(next);
                } else {
                    assertThat(after).isIn(old.orElse(MigrationState.EMPTY), next);
                }
                // the next store cleans what the crash left behind
                new JsonStateStore().save(home, after);
                assertNoTemporaryFiles(home);
            }
        }
    }

    private static int operationsOfASave(Optional<MigrationState> old, MigrationState next) throws IOException {
        try (FileSystem jimfs = fs()) {
            FaultyFileSystem fs = FaultyFileSystem.wrap(jimfs);
            Path home = fs.getPath("/home/app");
            setUp(home, old);
            int before = fs.operationCount();
            new JsonStateStore().save(home, next);
            return fs.operationCount() - before;
        }
    }

    /** The old state written behind the decorator's back, so that it is durable and uncounted. */
    private static void setUp(Path home, Optional<MigrationState> old) {
        if (old.isPresent()) {
            FaultyFileSystem fs = (FaultyFileSystem) home.getFileSystem();
            new JsonStateStore().save(fs.unwrap(home), old.get());
        }
    }

    private static void assertNoTemporaryFiles(Path home) throws IOException {
        if (!Files.exists(home)) return;
        try (Stream<Path> entries = Files.list(home)) {
            assertThat(entries.map(p -> p.getFileName().toString())).allMatch(n -> !n.endsWith(".tmp"));
        }
    }

    private static FileSystem fs() {
        return Jimfs.newFileSystem(Configuration.unix().toBuilder().setAttributeViews("basic", "owner", "posix").build());
    }

    @Provide
    Arbitrary<Optional<MigrationState>> optionalStates() {
        return states().optional(0.8);
    }

    @Provide
    static Arbitrary<MigrationState> states() {
        Arbitrary<String> ids = Arbitraries.oneOf(
                Combinators.combine(versions(), Arbitraries.integers().between(0, 999), Arbitraries.strings().alpha().numeric().withChars('_').ofMinLength(1).ofMaxLength(20))
                        .as((v, n, d) -> v + "/" + String.format("%03d", n) + "_" + d),
                Arbitraries.strings().withCharRange(' ', '~').withChars('é', '€', '\n', '\t', '"', '\\', '\u0000', '語').ofMaxLength(30));
        Arbitrary<Instant> instants = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 7_258_118_400L).map(Instant::ofEpochSecond),
                Arbitraries.longs().between(0, 7_258_118_400L).map(s -> Instant.ofEpochSecond(s, 123_000_000)));
        Arbitrary<HistoryEntry> entries = Combinators.combine(ids, Arbitraries.of(StepOutcome.class), instants).as(HistoryEntry::new);
        return Combinators.combine(ids.set().ofMaxSize(8), versions().optional(0.7), entries.list().ofMaxSize(6))
                .as(MigrationState::of);
    }

    static Arbitrary<Version> versions() {
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 30);
        Arbitrary<String> pre = Arbitraries.of("", "-rc.1", "-alpha", "-0.3.7", "-x-y.1");
        Arbitrary<String> build = Arbitraries.of("", "", "+build.5", "+001");
        return Combinators.combine(n, n, n, pre, build).as((a, b, c, p, m) -> Version.parse(a + "." + b + "." + c + p + m));
    }

}
