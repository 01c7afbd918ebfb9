package dev.telec.migrate.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.testing.FaultyFileSystem.Op;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultyFileSystemTest {

    private final FileSystem jimfs = Jimfs.newFileSystem(Configuration.unix());
    private final FaultyFileSystem fs = FaultyFileSystem.wrap(jimfs);

    @AfterEach
    void close() throws IOException {
        jimfs.close();
    }

    /** Five counted operations: mkdir, open for writing, write, force, move; and a delete: six. */
    private List<String> runScript(Path dir) {
        List<String> failures = new ArrayList<>();
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        step(failures, "mkdir", () -> Files.createDirectory(dir));
        step(failures, "open+write+force", () -> {
            try (FileChannel ch = FileChannel.open(a, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                try {
                    ch.write(ByteBuffer.wrap("hello".getBytes(UTF_8)));
                } catch (IOException e) {
                    failures.add("write");
                }
                try {
                    ch.force(true);
                } catch (IOException e) {
                    failures.add("force");
                }
            }
        });
        step(failures, "move", () -> Files.move(a, b));
        step(failures, "delete", () -> Files.delete(Files.exists(b) ? b : a));
        return failures;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void step(List<String> failures, String name, IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            failures.add(name);
        }
    }

    @Test
    void countsMutatingOperationsButNotReads() throws IOException {
        assertThat(runScript(fs.getPath("/d"))).isEmpty();
        assertThat(fs.operationCount()).isEqualTo(6);
        Files.writeString(fs.getPath("/f"), "x"); // open + one write
        assertThat(fs.operationCount()).isEqualTo(8);
        Files.readString(fs.getPath("/f"));
        Files.exists(fs.getPath("/f"));
        try (Stream<Path> s = Files.list(fs.getPath("/"))) {
            s.count();
        }
        Files.readAttributes(fs.getPath("/f"), "*");
        assertThat(fs.operationCount()).isEqualTo(8);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void failsExactlyTheKthOperation(int k) {
        String[] names = {"mkdir", "open+write+force", "write", "force", "move", "delete"};
        fs.arm(k);
        List<String> failures = runScript(fs.getPath("/d"));
        if (k <= 2) {
            // without the directory, or without the file, what follows fails too
            assertThat(failures).first().isEqualTo(names[k - 1]);
        } else {
            assertThat(failures).containsExactly(names[k - 1]);
            assertThat(fs.operationCount()).isEqualTo(6);
        }
    }

    @Test
    void anArmedFaultIsOneShotAndSaysNoSpaceLeftOnTheDevice() throws IOException {
        fs.arm(1);
        Path f = fs.getPath("/f");
        assertThatThrownBy(() -> Files.writeString(f, "x"))
                .isInstanceOf(FileSystemException.class)
                .hasMessage("/f: No space left on device");
        assertThat(Files.exists(f)).isFalse(); // the failing operation did not happen
        Files.writeString(f, "x");
        assertThat(Files.readString(f)).isEqualTo("x");
    }

    @Test
    void canBeArmedForSomeKindsOfOperationOnly() {
        fs.arm(1, Op.MOVE);
        assertThat(runScript(fs.getPath("/d"))).containsExactly("move");
        fs.arm(2, Op.WRITE, Op.FORCE);
        assertThat(runScript(fs.getPath("/e"))).containsExactly("force");
    }

    @Test
    void disarmingCancelsTheFault() {
        fs.arm(2);
        fs.disarm();
        assertThat(runScript(fs.getPath("/d"))).isEmpty();
    }

    @Test
    void theFaultCanBeChosen() {
        fs.failWith(p -> new java.nio.file.AccessDeniedException(p.toString()));
        fs.arm(1);
        assertThatThrownBy(() -> Files.createDirectory(fs.getPath("/x"))).isInstanceOf(java.nio.file.AccessDeniedException.class);
    }

    @Test
    void pathsBelongToTheDecoratorAndUnwrapToTheDelegate() throws IOException {
        Path p = fs.getPath("/a/b/c.txt");
        assertThat(p.getFileSystem()).isSameAs(fs);
        assertThat(p.getParent().getFileSystem()).isSameAs(fs);
        assertThat(p.getFileName().getFileSystem()).isSameAs(fs);
        assertThat(p.getRoot().getFileSystem()).isSameAs(fs);
        assertThat(p.resolveSibling("d.txt")).isEqualTo(fs.getPath("/a/b/d.txt"));
        assertThat(fs.getPath("/a").relativize(p)).isEqualTo(fs.getPath("b/c.txt"));
        assertThat(fs.getPath("/a").resolve(fs.getPath("b/c.txt"))).isEqualTo(p);
        assertThat(p.startsWith(fs.getPath("/a"))).isTrue();
        assertThat(p.startsWith(jimfs.getPath("/a"))).isFalse();
        assertThat(p.toString()).isEqualTo("/a/b/c.txt");
        assertThat(fs.unwrap(p)).isEqualTo(jimfs.getPath("/a/b/c.txt"));
        assertThat(fs.wrap(jimfs.getPath("/a/b/c.txt"))).isEqualTo(p).hasSameHashCodeAs(p);
        assertThat(fs.getPathMatcher("glob:/a/**").matches(p)).isTrue();
        assertThatThrownBy(() -> fs.unwrap(jimfs.getPath("/a"))).isInstanceOf(ProviderMismatchException.class);
        assertThatThrownBy(() -> p.resolve(jimfs.getPath("x"))).isInstanceOf(ProviderMismatchException.class);

        Files.createDirectories(p.getParent());
        Files.writeString(p, "hi");
        assertThat(Files.readString(jimfs.getPath("/a/b/c.txt"))).isEqualTo("hi");
        try (Stream<Path> entries = Files.list(p.getParent())) {
            assertThat(entries).containsExactly(p).allMatch(e -> e.getFileSystem() == fs);
        }
        try (Stream<Path> walk = Files.walk(fs.getPath("/a"))) {
            assertThat(walk).hasSize(3).allMatch(e -> e.getFileSystem() == fs);
        }
    }

    @Test
    void worksOverTheDefaultFileSystem(@TempDir Path tmp) throws IOException {
        FaultyFileSystem faulty = FaultyFileSystem.wrap(tmp.getFileSystem());
        Path dir = faulty.wrap(tmp).resolve("d");
        faulty.arm(5); // the move
        assertThat(runScript(dir)).containsExactly("move");
        assertThat(faulty.operationCount()).isEqualTo(6);
        try (Stream<Path> left = Files.list(tmp.resolve("d"))) {
            assertThat(left).isEmpty(); // the script deleted "a", which the failed move left
        }
    }

    @Test
    void aCrashLosesDataThatWasNotForced() throws IOException {
        fs.crashModel(FaultyFileSystem.Crash.DATA_ONLY);
        Path forced = fs.getPath("/forced");
        Path unforced = fs.getPath("/unforced");
        Path old = fs.getPath("/old");
        Files.writeString(jimfs.getPath("/old"), "before"); // durable: written behind the decorator
        try (FileChannel ch = FileChannel.open(forced, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap("kept".getBytes(UTF_8)));
            ch.force(true);
            ch.write(ByteBuffer.wrap(" and lost".getBytes(UTF_8)));
        }
        Files.writeString(unforced, "lost");
        Files.writeString(old, "after");
        fs.crash();
        assertThat(Files.readString(forced)).isEqualTo("kept");
        assertThat(Files.readString(unforced)).isEmpty(); // its creation is durable, its data is not
        assertThat(Files.readString(old)).isEqualTo("before");
    }

    @Test
    void aDataOnlyCrashKeepsRenamesAndForcedDataAcrossThem() throws IOException {
        fs.crashModel(FaultyFileSystem.Crash.DATA_ONLY);
        Path tmp = fs.getPath("/tmp1");
        Path unforcedTmp = fs.getPath("/tmp2");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap("new".getBytes(UTF_8)));
            ch.force(true);
        }
        Files.writeString(unforcedTmp, "also new");
        Files.move(tmp, fs.getPath("/target"), StandardCopyOption.ATOMIC_MOVE);
        Files.move(unforcedTmp, fs.getPath("/target2"), StandardCopyOption.ATOMIC_MOVE);
        fs.crash();
        assertThat(Files.readString(fs.getPath("/target"))).isEqualTo("new");
        assertThat(Files.readString(fs.getPath("/target2"))).isEmpty();
        assertThat(Files.exists(tmp)).isFalse();
    }

    @Test
    void afterACrashPointEveryOperationFailsUntilTheCrashIsCompleted() throws IOException {
        Path f = fs.getPath("/f");
        fs.crashAt(2); // the write
        assertThatThrownBy(() -> Files.writeString(f, "x")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Files.readString(f)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Files.delete(f)).isInstanceOf(IOException.class);
        fs.crash();
        assertThat(Files.exists(f)).as("its creation was never made durable by a directory sync").isFalse();
        Files.writeString(f, "y");
    }

    @Test
    void aCrashClosesOpenChannels() throws IOException {
        FileChannel ch = FileChannel.open(fs.getPath("/f"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        fs.crash();
        assertThat(ch.isOpen()).isTrue(); // the wrapper does not know; its delegate is closed
        assertThatThrownBy(() -> ch.write(ByteBuffer.wrap(new byte[] {1}))).isInstanceOf(IOException.class);
    }

    @Test
    void readingCanBeDeniedPerFile() throws IOException {
        Path f = fs.getPath("/f");
        Files.writeString(f, "x");
        fs.denyReading(f);
        assertThatThrownBy(() -> Files.readString(f)).isInstanceOf(java.nio.file.AccessDeniedException.class);
        assertThat(Files.exists(f)).isTrue();
        Files.writeString(f, "y"); // writing is still allowed
    }

    private void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private void writeForced(Path file, String content) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(content.getBytes(UTF_8)));
            ch.force(true);
        }
    }

    @Test
    void aDirectorySyncOnJimfsIsACountedForceThatReadsNothing() throws IOException {
        Path dir = fs.getPath("/d");
        Files.createDirectory(dir);
        int before = fs.operationCount();
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            assertThat(ch.read(ByteBuffer.allocate(8))).isEqualTo(-1);
            fs.arm(1, Op.FORCE);
            assertThatThrownBy(() -> ch.force(true)).isInstanceOf(FileSystemException.class);
        }
        assertThat(fs.operationCount() - before).isEqualTo(1);
    }

    @Test
    void aCrashLosesCreatesNotFollowedByASyncOfTheirDirectoryButKeepsForcedDataOfSyncedOnes() throws IOException {
        Path synced = fs.getPath("/synced");
        Path unsynced = fs.getPath("/unsynced");
        writeForced(synced, "kept");
        syncDirectory(fs.getPath("/"));
        writeForced(unsynced, "forced, but its name is not durable");
        fs.crash();
        assertThat(Files.readString(synced)).isEqualTo("kept");
        assertThat(Files.exists(unsynced)).isFalse();
    }

    @Test
    void aCrashUndoesARenameUnlessTheTargetDirectoryWasSyncedAfterIt() throws IOException {
        Path target = fs.getPath("/target");
        Files.writeString(jimfs.getPath("/target"), "old"); // durable: written behind the decorator
        Path tmp = fs.getPath("/tmp1");
        writeForced(tmp, "new");
        syncDirectory(fs.getPath("/"));
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fs.crash();
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(Files.readString(tmp)).isEqualTo("new");

        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(fs.getPath("/"));
        fs.crash();
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(Files.exists(tmp)).isFalse();
    }

    @Test
    void aRenameIntoASyncedDirectoryIsDurableWholeEvenIfTheSourceDirectoryWasNotSynced() throws IOException {
        Files.createDirectories(jimfs.getPath("/a"));
        Files.createDirectories(jimfs.getPath("/b"));
        Files.writeString(jimfs.getPath("/a/f"), "content");
        Files.move(fs.getPath("/a/f"), fs.getPath("/b/f"));
        syncDirectory(fs.getPath("/b"));
        fs.crash();
        assertThat(Files.readString(fs.getPath("/b/f"))).isEqualTo("content");
        assertThat(Files.exists(fs.getPath("/a/f"))).isFalse();
    }

    @Test
    void aCrashUndoesAnUnsyncedDeleteWithTheDurableContent() throws IOException {
        Path f = fs.getPath("/f");
        Files.writeString(jimfs.getPath("/f"), "durable");
        Files.writeString(f, "unforced");
        Files.delete(f);
        fs.crash();
        assertThat(Files.readString(f)).isEqualTo("durable");
        Files.delete(f);
        syncDirectory(fs.getPath("/"));
        fs.crash();
        assertThat(Files.exists(f)).isFalse();
    }

    @Test
    void anUnsyncedMkdirLosesEverythingUnderItEvenWhatWasSyncedThere() throws IOException {
        Path dir = fs.getPath("/d");
        Files.createDirectory(dir);
        writeForced(dir.resolve("f"), "x");
        syncDirectory(dir);
        fs.crash();
        assertThat(Files.exists(dir)).isFalse();

        Files.createDirectory(dir);
        syncDirectory(fs.getPath("/"));
        writeForced(dir.resolve("f"), "x");
        syncDirectory(dir);
        fs.crash();
        assertThat(Files.readString(dir.resolve("f"))).isEqualTo("x");
    }
}
