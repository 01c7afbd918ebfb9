package dev.telec.migrate.internal.adapter.out.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
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
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StateJournalTest {

    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path home = fs.getPath("/home/app");
    private final Path journal = home.resolve(StateJournal.FILE_NAME);
    private final Path snapshot = home.resolve(JsonStateStore.FILE_NAME);

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    /** A store whose groups are cut by count alone: on a loaded machine the 200 ms timer would cut them early. */
    private static JsonStateStore stoppedClock() {
        return new JsonStateStore(() -> 0L);
    }

    private static HistoryEntry entry(int i) {
        return new HistoryEntry(String.format("1.0.0/%03d_step", i), StepOutcome.APPLIED, Instant.ofEpochSecond(1_700_000_000L + i));
    }

    @Test
    void recordsAreReadBackFromTheJournalBeforeAnySnapshotIsWritten() {
        JsonStateStore store = stoppedClock();
        store.load(home);
        for (int i = 1; i <= JsonStateStore.GROUP_RECORDS + 3; i++) store.record(home, entry(i));
        // one group was committed; the last 3 records are still buffered, as after a crash
        MigrationState read = new JsonStateStore().load(home);
        assertThat(read.history()).hasSize(JsonStateStore.GROUP_RECORDS);
        assertThat(Files.exists(snapshot)).isFalse();
    }

    @Test
    void aCommittedGroupSurvivesACrashThatDropsUnsyncedDirectoryEntries() throws IOException {
        Files.createDirectories(home); // durable: made behind the decorator
        FaultyFileSystem faulty = FaultyFileSystem.wrap(fs);
        Path home = faulty.wrap(this.home);
        JsonStateStore store = stoppedClock();
        store.load(home);
        for (int i = 1; i <= JsonStateStore.GROUP_RECORDS + 3; i++) store.record(home, entry(i));
        faulty.crash(); // the journal's records were forced; its name must be too
        assertThat(new JsonStateStore().load(home).history()).hasSize(JsonStateStore.GROUP_RECORDS);
    }

    @Test
    void commitCompactsTheJournalIntoTheSnapshot() {
        JsonStateStore store = new JsonStateStore();
        MigrationState.Builder expected = store.load(home).toBuilder();
        for (int i = 1; i <= 5; i++) {
            store.record(home, entry(i));
            expected.add(entry(i));
        }
        store.commit(home, expected.build());
        assertThat(Files.exists(journal)).isFalse();
        assertThat(new JsonStateStore().load(home)).isEqualTo(expected.build());
    }

    @Test
    void aTornOrCorruptTailIsIgnoredAndTruncatedBeforeTheNextAppend() throws IOException {
        JsonStateStore store = new JsonStateStore();
        store.save(home, MigrationState.EMPTY.withVersion(Version.parse("0.9.0")));
        store.load(home);
        Files.write(journal, concat(StateJournal.line(0, entry(1)), StateJournal.line(1, entry(2))));
        byte[] third = StateJournal.line(2, entry(3));
        byte[] torn = Arrays.copyOf(third, third.length - 5);
        Files.write(journal, torn, java.nio.file.StandardOpenOption.APPEND);
        assertThat(new JsonStateStore().load(home).applied()).containsExactly("1.0.0/001_step", "1.0.0/002_step");

        byte[] flipped = StateJournal.line(2, entry(3));
        flipped[10] ^= 1; // a bit flip the checksum catches
        Files.write(journal, concat(StateJournal.line(0, entry(1)), flipped, StateJournal.line(3, entry(4))));
        assertThat(new JsonStateStore().load(home).applied()).containsExactly("1.0.0/001_step");

        JsonStateStore next = stoppedClock();
        next.load(home);
        for (int i = 0; i < JsonStateStore.GROUP_RECORDS; i++) next.record(home, entry(100 + i));
        MigrationState after = new JsonStateStore().load(home);
        assertThat(after.history()).hasSize(1 + JsonStateStore.GROUP_RECORDS);
        assertThat(after.version()).contains(Version.parse("0.9.0"));
    }

    @Test
    void recordsTheSnapshotAlreadyHoldsAreNotAppliedTwice() throws IOException {
        JsonStateStore store = new JsonStateStore();
        MigrationState one = MigrationState.EMPTY.with(entry(1));
        store.save(home, one);
        // a crash between compaction and the journal's deletion leaves records the snapshot holds
        Files.write(journal, concat(StateJournal.line(0, entry(1)), StateJournal.line(1, entry(2))));
        assertThat(new JsonStateStore().load(home)).isEqualTo(one.with(entry(2)));
    }

    @Test
    void aLoadBetweenRecordsLosesNoBufferedRecord() {
        JsonStateStore store = stoppedClock();
        for (int i = 1; i <= 3; i++) store.record(home, entry(i));
        assertThat(store.load(home).history()).isEmpty(); // the 3 records are buffered, not yet written
        for (int i = 4; i <= JsonStateStore.GROUP_RECORDS; i++) store.record(home, entry(i));
        MigrationState read = new JsonStateStore().load(home);
        assertThat(read.history()).hasSize(JsonStateStore.GROUP_RECORDS);
        assertThat(read.history().get(0)).isEqualTo(entry(1));
    }

    @Test
    void theFirstRecordContinuesTheJournalAsItIsThenNotAsAnEarlierLoadSawIt() {
        JsonStateStore early = stoppedClock();
        early.load(home);
        JsonStateStore other = stoppedClock();
        for (int i = 1; i <= JsonStateStore.GROUP_RECORDS; i++) other.record(home, entry(i));
        for (int i = 1; i <= JsonStateStore.GROUP_RECORDS; i++) early.record(home, entry(JsonStateStore.GROUP_RECORDS + i));
        assertThat(new JsonStateStore().load(home).history()).hasSize(2 * JsonStateStore.GROUP_RECORDS);
    }

    @Test
    void aJournalRecordIsOneJsonLineWithAChecksum() {
        String line = new String(StateJournal.line(7, entry(1)), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(line).matches("\\{\"n\":7,\"id\":\"1\\.0\\.0/001_step\",\"outcome\":\"applied\",\"at\":\"2023-11-14T22:13:21Z\",\"crc\":\"[0-9a-f]{8}\"}\n");
    }

    @Test
    void bytesWrittenGrowLinearlyWithTheNumberOfRecords() {
        java.util.concurrent.atomic.LongAdder written = new java.util.concurrent.atomic.LongAdder();
        JsonStateStore store = new JsonStateStore(written::add);
        store.load(home);
        for (int i = 1; i <= 1000; i++) store.record(home, entry(i));
        long journalBytes = written.sum();
        // every record is written once, never the whole state per record
        assertThat(journalBytes).isLessThan(1000L * 120);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
