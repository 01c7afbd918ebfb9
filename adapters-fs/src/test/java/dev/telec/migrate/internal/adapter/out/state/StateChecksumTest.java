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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checksums and the operator verbs' outcomes in the state file and the journal, next to older telec's files. */
class StateChecksumTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:15:02Z");
    private final Path home = Jimfs.newFileSystem(Configuration.unix()).getPath("/home");

    @Test
    void checksumsAndTheNewOutcomesRoundTripThroughTheSnapshot() {
        MigrationState state = MigrationState.EMPTY.toBuilder()
                .add(new HistoryEntry("1.1.0/001_a", StepOutcome.STAMPED, AT, Optional.of("sha256:ab")))
                .add(new HistoryEntry("1.1.0/002_b", StepOutcome.MARKED, AT, Optional.of("step:v2")))
                .add(new HistoryEntry("1.1.0/002_b", StepOutcome.REPAIRED, AT, Optional.of("step:v3")))
                .add(new HistoryEntry("1.1.0/003_c", StepOutcome.SKIPPED_CHECK, AT))
                .version(Version.parse("1.1.0")).build();

        new JsonStateStore().save(home, state);

        assertThat(new JsonStateStore().load(home)).isEqualTo(state);
        assertThat(new JsonStateStore().load(home).recordedChecksums())
                .containsEntry("1.1.0/001_a", "sha256:ab").containsEntry("1.1.0/002_b", "step:v3").doesNotContainKey("1.1.0/003_c");
    }

    @Test
    void aLineWithoutAChecksumIsWrittenWithoutTheKeySoOlderFilesKeepTheirShape() throws IOException {
        new JsonStateStore().save(home, MigrationState.EMPTY.record(
                dev.telec.migrate.domain.MigrationId.parse("1.1.0/001_a"), StepOutcome.APPLIED, AT));

        assertThat(Files.readString(home.resolve(JsonStateStore.FILE_NAME))).doesNotContain("checksum");
    }

    @Test
    void readsAStateAnOlderTelecWroteAndOneTheReferenceRunnerWrote() throws IOException {
        Files.createDirectories(home);
        Files.writeString(home.resolve(JsonStateStore.FILE_NAME), "{\"applied\": [\"1.1.0/001_a\"], \"version\": \"1.1.0\", "
                + "\"history\": [{\"id\": \"1.1.0/001_a\", \"outcome\": \"applied\", \"at\": \"2026-11-23T10:15:02Z\"}]}");
        assertThat(new JsonStateStore().load(home).history().get(0).checksum()).isEmpty();

        Files.writeString(home.resolve(JsonStateStore.FILE_NAME), "{\n  \"applied\": [\n    \"1.1.0/001_a.py\"\n  ]\n}\n");
        assertThat(new JsonStateStore().load(home).applied()).containsExactly("1.1.0/001_a.py");
    }

    @Test
    void aChecksumWithoutAnAlgorithmIsRefusedNamingTheLine() throws IOException {
        Files.createDirectories(home);
        Files.writeString(home.resolve(JsonStateStore.FILE_NAME), "{\"applied\": [\"1.1.0/001_a\"], \"history\": [{\"id\": "
                + "\"1.1.0/001_a\", \"outcome\": \"applied\", \"at\": \"2026-11-23T10:15:02Z\", \"checksum\": \"abc\"}]}");

        assertThatThrownBy(() -> new JsonStateStore().load(home)).isInstanceOf(StateException.class)
                .hasMessageContaining("\"history\"[0]: \"checksum\" must be algorithm:value");
    }

    @Test
    void journalRecordsCarryTheirChecksum() {
        JsonStateStore store = new JsonStateStore();
        store.load(home);
        store.record(home, new HistoryEntry("1.1.0/001_a", StepOutcome.APPLIED, AT, Optional.of("sha256:ff")));
        store.record(home, new HistoryEntry("1.1.0/002_b", StepOutcome.APPLIED, AT));
        store.commit(home, MigrationState.of(Set.of("1.1.0/001_a", "1.1.0/002_b"), Optional.empty(), List.of(
                new HistoryEntry("1.1.0/001_a", StepOutcome.APPLIED, AT, Optional.of("sha256:ff")),
                new HistoryEntry("1.1.0/002_b", StepOutcome.APPLIED, AT))));

        byte[] line = StateJournal.line(0, new HistoryEntry("1.1.0/001_a", StepOutcome.MARKED, AT, Optional.of("sha256:ff")));
        MigrationState replayed = StateJournal.replay(MigrationState.EMPTY, line).state();

        assertThat(replayed.history()).containsExactly(new HistoryEntry("1.1.0/001_a", StepOutcome.MARKED, AT, Optional.of("sha256:ff")));
        assertThat(new JsonStateStore().load(home).history().get(0).checksum()).contains("sha256:ff");
    }

    @Test
    void leftoversNameTheJournalAndTempFilesAndTidyRemovesThem() throws IOException {
        JsonStateStore store = new JsonStateStore();
        store.save(home, MigrationState.EMPTY);
        Files.write(home.resolve(StateJournal.FILE_NAME),
                StateJournal.line(0, new HistoryEntry("1.1.0/001_a", StepOutcome.APPLIED, AT)));
        Files.writeString(home.resolve(".migration_state.json.x1y2.tmp"), "{");

        List<String> leftovers = new JsonStateStore().leftovers(home);

        assertThat(leftovers).containsExactly("migration_state.journal (1 record not yet compacted into migration_state.json)",
                ".migration_state.json.x1y2.tmp (left by an interrupted write)");
        JsonStateStore tidy = new JsonStateStore();
        tidy.tidy(home, tidy.load(home));
        assertThat(new JsonStateStore().leftovers(home)).isEmpty();
        assertThat(new JsonStateStore().load(home).applied()).containsExactly("1.1.0/001_a");
    }
}
