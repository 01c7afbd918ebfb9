package dev.telec.migrate.internal.adapter.out.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.internal.adapter.out.fs.AtomicFiles;
import dev.telec.migrate.internal.adapter.out.lock.FileHomeLocks;
import dev.telec.migrate.internal.application.port.out.HomeLocks;
import dev.telec.migrate.domain.HistoryEntry;
import dev.telec.migrate.domain.StepOutcome;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The owners of what telec writes (Ownership), on Jimfs, where any user may give files away: the same rule as a
 * root run on a real home (HomeSafetyTest in adapters-cli), checked wherever the tests run.
 */
class OwnershipTest {

    final FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setAttributeViews("basic", "owner", "posix").build());
    final Path home = fs.getPath("/srv/app");
    UserPrincipal app;
    GroupPrincipal appGroup;
    UserPrincipal other;
    GroupPrincipal otherGroup;

    @BeforeEach
    void appsHome() throws IOException {
        app = fs.getUserPrincipalLookupService().lookupPrincipalByName("app");
        appGroup = fs.getUserPrincipalLookupService().lookupPrincipalByGroupName("app");
        other = fs.getUserPrincipalLookupService().lookupPrincipalByName("ann");
        otherGroup = fs.getUserPrincipalLookupService().lookupPrincipalByGroupName("staff");
        Files.createDirectories(home);
        give(home, app, appGroup);
        // what this process creates is Jimfs's default owner, "user", unless telec says otherwise
        assertThat(owners(Files.createFile(fs.getPath("/probe")))).isEqualTo("user:group");
    }

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    static void give(Path p, UserPrincipal owner, GroupPrincipal group) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        view.setOwner(owner);
        view.setGroup(group);
    }

    static String owners(Path p) throws IOException {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.owner().getName() + ":" + a.group().getName();
    }

    @Test
    void aReplacedFileKeepsItsOwnersAndPermissions() throws IOException {
        Path file = Files.writeString(home.resolve("config.json"), "{}");
        give(file, other, otherGroup); // not the home's owners: the file's own are kept
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFiles.write(file, "{\"a\": 1}".getBytes(), Files.getPosixFilePermissions(file));

        assertThat(Files.readString(file)).isEqualTo("{\"a\": 1}");
        assertThat(owners(file)).isEqualTo("ann:staff");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    }

    @Test
    void aNewFileTakesItsDirectorysOwners() throws IOException {
        Path dir = Files.createDirectory(home.resolve("people"));
        give(dir, other, otherGroup);

        AtomicFiles.write(dir.resolve("new.yml"), "a: 1\n".getBytes());
        AtomicFiles.write(home.resolve("top.txt"), "x".getBytes());

        assertThat(owners(dir.resolve("new.yml"))).isEqualTo("ann:staff");
        assertThat(owners(home.resolve("top.txt"))).isEqualTo("app:app");
    }

    @Test
    void createdDirectoriesTakeTheirParentsOwners() throws IOException {
        AtomicFiles.createDirectories(home.resolve("a/b/c"));

        assertThat(owners(home.resolve("a"))).isEqualTo("app:app");
        assertThat(owners(home.resolve("a/b/c"))).isEqualTo("app:app");
    }

    @Test
    void theStateAndItsJournalTakeTheHomesOwners() throws IOException {
        JsonStateStore store = new JsonStateStore();
        for (int i = 1; i <= JsonStateStore.GROUP_RECORDS; i++) {
            store.record(home, new HistoryEntry(String.format("1.0.0/%03d_step", i), StepOutcome.APPLIED, Instant.EPOCH));
        }
        Path journal = home.resolve(StateJournal.FILE_NAME);
        assertThat(journal).exists();
        assertThat(owners(journal)).isEqualTo("app:app");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal))).isEqualTo("rw-------");

        store.commit(home, store.load(home));

        assertThat(owners(home.resolve(JsonStateStore.FILE_NAME))).isEqualTo("app:app");
    }

    @Test
    void theLockFileTakesTheHomesOwnersAndALeftOneKeepsItsOwn() throws IOException {
        FileHomeLocks locks = new FileHomeLocks(Clock.systemUTC());
        Path lock = home.resolve(FileHomeLocks.FILE_NAME);
        try (HomeLocks.Held held = locks.acquire(home, Duration.ZERO)) {
            assertThat(owners(lock)).isEqualTo("app:app");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lock))).isEqualTo("rw-------");
        }
        give(lock, other, otherGroup);
        try (HomeLocks.Held held = locks.acquire(home, Duration.ZERO)) {
            assertThat(owners(lock)).isEqualTo("ann:staff");
        }
    }
}
