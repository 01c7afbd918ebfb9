package dev.telec.migrate.internal.adapter.out.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telec.migrate.internal.adapter.out.backup.RandomStep.Failure;
import dev.telec.migrate.internal.adapter.out.backup.RandomStep.Write;
import dev.telec.migrate.internal.adapter.out.state.JsonStateStore;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A failed step is rolled back: whatever prefix of its writes it did, and however it failed, the home after the
 * run equals the home after running only the steps before it, and the state records exactly those.
 */
class RollbackProperties {

    private static final List<String> NAMES = List.of("a", "b", "d/x", "d/y", "d", "e/f/g", "e");

    @Provide
    Arbitrary<Write> writes() {
        Arbitrary<String> names = Arbitraries.of(NAMES);
        Arbitrary<String> kinds = Arbitraries.of("write", "write", "append", "delete", "mkdir", "move", "chmod", "link");
        Arbitrary<String> texts = Arbitraries.strings().alpha().ofMaxLength(12);
        return Combinators.combine(kinds, names, names, texts).as((kind, name, other, text) ->
                new Write(kind, name, kind.equals("move") || kind.equals("link") ? other : "",
                        kind.equals("chmod") ? (text.length() % 2 == 0 ? "rw-------" : "r-xr-x---") : text));
    }

    @Provide
    Arbitrary<List<List<Write>>> steps() {
        return writes().list().ofMaxSize(6).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<Write>> initial() {
        return writes().filter(w -> w.kind().equals("write") || w.kind().equals("mkdir")).list().ofMaxSize(5);
    }

    @Property(tries = 150)
    void aFailedStepLeavesTheHomeAsTheStepsBeforeItAlone(@ForAll("initial") List<Write> initial,
                                                         @ForAll("steps") List<List<Write>> steps,
                                                         @ForAll("failures") Failure failure,
                                                         @ForAll int seed) throws IOException {
        int k = Math.floorMod(seed, steps.size()); // the failing step, 0-based
        int prefix = Math.floorMod(seed / 7, steps.get(k).size() + 1);
        try (FileSystem fs = Homes.jimfs(); FileSystem reference = Homes.jimfs()) {
            Path home = seeded(fs, initial);
            Path expected = seeded(reference, initial);

            MigrationReport report = Homes.runner(entries(steps, k, prefix, failure)).migrate(MigrateCommand.of(home));
            Homes.runner(Homes.prefix(entries(steps, -1, 0, Failure.NONE), k)).migrate(MigrateCommand.of(expected));

            assertThat(report.failedStep()).isPresent();
            assertThat(report.failedStep().get().id()).isEqualTo(id(k));
            assertThat(report.failedStep().get().rolledBack()).isTrue();
            assertThat(report.error().orElseThrow()).endsWith("; its changes were rolled back");
            assertThat(Homes.tree(home)).isEqualTo(Homes.tree(expected));
            TreeSet<String> recorded = new TreeSet<>();
            for (int i = 0; i < k; i++) recorded.add(id(i).toString());
            assertThat(new JsonStateStore().load(home).applied()).isEqualTo(recorded);
        }
    }

    /** A file written through a link to a directory is the directory's: rolled back there. */
    @Example
    void aWriteThroughALinkedDirectoryIsRolledBackWhereItLanded() throws IOException {
        aFailedStepLeavesTheHomeAsTheStepsBeforeItAlone(List.of(new Write("mkdir", "a", "", "")),
                List.of(List.of(new Write("link", "d", "a", "")), List.of(new Write("write", "d/x", "", "one"))),
                Failure.THROWS, 7); // step 1 fails after its one write
    }

    /**
     * A directory replaced by a link within one step: what is written through the link afterwards is rolled back
     * where it landed, not where the directory's real path was when the step first wrote in it.
     */
    @Example
    void aWriteThroughADirectoryTheStepTurnedIntoALinkIsRolledBackWhereItLanded() throws IOException {
        aFailedStepLeavesTheHomeAsTheStepsBeforeItAlone(List.of(new Write("mkdir", "a", "", ""), new Write("mkdir", "d", "", "")),
                List.of(List.of(new Write("write", "d/x", "", "one"), new Write("delete", "d", "", ""),
                        new Write("link", "d", "a", ""), new Write("write", "d/y", "", "two"))),
                Failure.THROWS, 28); // the one step fails after all four writes
    }

    @Property(tries = 60)
    void withoutRollbackTheFailedStepsChangesStay(@ForAll("steps") List<List<Write>> steps, @ForAll int seed) throws IOException {
        int k = steps.size() - 1;
        try (FileSystem fs = Homes.jimfs(); FileSystem reference = Homes.jimfs()) {
            Path home = seeded(fs, List.of());
            Path expected = seeded(reference, List.of());
            int all = steps.get(k).size();

            MigrationReport report = Homes.runner(entries(steps, k, all, Failure.THROWS))
                    .migrate(MigrateCommand.of(home).backupOptions(
                            dev.telec.migrate.application.port.in.BackupOptions.DEFAULT.rollback(false)));
            // the reference: the same writes, the failing step's too, with no marker (it threw before writing it)
            Homes.runner(entries(steps, k, all, Failure.CHECK_STILL_FALSE)).migrate(MigrateCommand.of(expected)
                    .backupOptions(dev.telec.migrate.application.port.in.BackupOptions.DEFAULT.rollback(false)));

            assertThat(report.failedStep().orElseThrow().rolledBack()).isFalse();
            assertThat(Homes.tree(home)).isEqualTo(Homes.tree(expected));
        }
    }

    @Provide
    Arbitrary<Failure> failures() {
        return Arbitraries.of(Failure.THROWS, Failure.RETURNS_FALSE, Failure.CHECK_STILL_FALSE);
    }

    static MigrationId id(int i) {
        return new MigrationId(Version.parse("1." + (i / 3) + ".0"), i % 3 + 1, "step" + i);
    }

    /** One entry per step; step {@code failing} does {@code prefix} of its writes and fails. */
    static List<Homes.Entry> entries(List<List<Write>> steps, int failing, int prefix, Failure failure) {
        List<Homes.Entry> entries = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            List<Write> writes = steps.get(i);
            boolean fails = i == failing;
            int n = i;
            entries.add(new Homes.Entry(id(i), () -> new RandomStep("done-" + n, writes, fails ? prefix : writes.size(),
                    fails ? failure : Failure.NONE)));
        }
        return entries;
    }

    static Path seeded(FileSystem fs, List<Write> initial) throws IOException {
        Path home = fs.getPath("/srv/home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.yaml"), "kept: true\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(home.resolve("config.yaml"), PosixFilePermissions.fromString("rw-r-----"));
        for (Write w : initial) w.apply(home);
        return home;
    }

    static Map<String, String> tree(Path home) {
        return Homes.tree(home);
    }
}
