package dev.telec.migrate.internal.adapter.out.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.api.LockedException;
import dev.telec.migrate.api.StateException;
import dev.telec.migrate.internal.application.port.out.HomeLocks.Held;
import dev.telec.migrate.testing.FaultyFileSystem;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHomeLocksTest {

    private static final Instant T = Instant.parse("2026-11-23T10:15:02Z");
    private final FileHomeLocks locks = new FileHomeLocks(Clock.fixed(T, ZoneOffset.UTC));
    private final long pid = ProcessHandle.current().pid();

    @TempDir
    Path tmp;

    @Test
    void theHolderWritesItsPidAndStartIntoAnOwnerOnlyLockFile() throws IOException {
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        try (Held held = locks.acquire(home, Duration.ZERO)) {
            Path file = home.resolve(".migration.lock");
            assertThat(Files.readString(file)).isEqualTo("pid " + pid + " since 2026-11-23T10:15:02Z\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void aSecondTakerIsRefusedNamingTheHolderUntilItIsReleased() {
        Path home = tmp.resolve("home");
        Held first = locks.acquire(home, Duration.ZERO, "stamp");

        assertThatThrownBy(() -> locks.acquire(home, Duration.ZERO, "migrate"))
                .isInstanceOf(LockedException.class)
                .hasMessage("another telec stamp (pid " + pid + ", since 2026-11-23T10:15:02Z) holds " + home
                        + "; --wait SECONDS waits for it");
        first.close();
        locks.acquire(home, Duration.ZERO).close();
    }

    @Test
    void theLockFileRecordsWhatHoldsIt() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        try (Held held = locks.acquire(home, Duration.ZERO, "repair")) {
            assertThat(Files.readString(home.resolve(".migration.lock")))
                    .isEqualTo("pid " + pid + " since 2026-11-23T10:15:02Z by telec repair\n");
        }
    }

    @Test
    void aHolderInAnotherProcessIsNamedFromTheLockFileWithItsVerbOrNeutrallyWithout() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path file = home.resolve(".migration.lock");
        // another process's lock, as it leaves the file: this JVM's own channel stands for it
        for (String[] recorded : new String[][] {
                {"pid 4242 since 2026-11-20T08:00:00Z by telec restore\n", "another telec restore (pid 4242, since 2026-11-20T08:00:00Z)"},
                {"pid 4242 since 2026-11-20T08:00:00Z\n", "another telec (pid 4242, since 2026-11-20T08:00:00Z)"},
                {"", "another telec (pid unknown)"}}) {
            Files.writeString(file, recorded[0]);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                assertThatThrownBy(() -> locks.acquire(home, Duration.ZERO, "migrate"))
                        .isInstanceOf(LockedException.class)
                        .hasMessage(recorded[1] + " holds " + home + "; --wait SECONDS waits for it");
            }
        }
    }

    @Test
    void waitingGetsTheLockOnceTheHolderReleasesIt() throws Exception {
        Path home = tmp.resolve("home");
        Held first = locks.acquire(home, Duration.ZERO);
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Held> second = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            return locks.acquire(home, Duration.ofSeconds(60));
        });
        waiting.await();
        assertThat(second).isNotDone();

        first.close();

        second.get(60, TimeUnit.SECONDS).close();
    }

    @Test
    void aMissingHomeIsCreatedForTheLock() {
        Path home = tmp.resolve("a/b/home");
        locks.acquire(home, Duration.ZERO).close();
        assertThat(home.resolve(".migration.lock")).isRegularFile();
    }

    @Test
    void aHomeThatIsAFileIsAnErrorNamingIt() throws IOException {
        Path home = Files.writeString(tmp.resolve("home"), "x");
        assertThatThrownBy(() -> locks.acquire(home, Duration.ZERO))
                .isInstanceOf(StateException.class)
                .hasMessage(home + ": not a directory; a home must be a directory");
    }

    @Test
    void onJimfsTheLockExcludesOtherRunsOfThisProcess() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path home = fs.getPath("/home/app");
            Held held = locks.acquire(home, Duration.ZERO);
            assertThatThrownBy(() -> locks.acquire(home, Duration.ZERO)).isInstanceOf(LockedException.class);
            held.close();
            locks.acquire(home, Duration.ZERO).close();
        }
    }

    @Test
    void aFullDiskIsAnErrorNamingTheLockFileAndLeavesNoLockHeld() throws IOException {
        try (FaultyFileSystem fs = FaultyFileSystem.wrap(Jimfs.newFileSystem(Configuration.unix()))) {
            Path home = fs.getPath("/home/app");
            Files.createDirectories(home);
            fs.arm(1, FaultyFileSystem.Op.WRITE);

            assertThatThrownBy(() -> locks.acquire(home, Duration.ZERO))
                    .isInstanceOf(StateException.class)
                    .hasMessage(home.resolve(".migration.lock") + ": cannot lock the home: No space left on device");
            locks.acquire(home, Duration.ZERO).close();
        }
    }
}
