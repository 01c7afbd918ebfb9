package dev.telec.migrate.internal.adapter.out.operations;

import static dev.telec.migrate.internal.adapter.out.operations.Steps.context;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.internal.adapter.out.fs.DirectorySyncs;
import dev.telec.migrate.internal.adapter.out.fs.AtomicFiles;
import dev.telec.migrate.testing.FaultyFileSystem;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A declarative step's file operations are durable by the time the state store writes the step's record: a
 * crash that loses every create, rename and delete no directory sync covered (FaultyFileSystem's default
 * model) keeps them once the run's barrier ({@link DirectorySyncs}) is flushed, as the state store does
 * before each write, and loses them together with the record before that.
 */
class DurableOperationsTest {

    private final FileSystem jimfs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setAttributeViews("basic", "posix").build());
    private final FaultyFileSystem fs = FaultyFileSystem.wrap(jimfs);
    private final Path home = fs.getPath("/home");

    @BeforeEach
    void durableHome() throws IOException {
        AtomicFiles.createDirectories(home);
    }

    @AfterEach
    void close() throws IOException {
        jimfs.close();
    }

    /** The run's barrier, as the state store gives it. */
    private final DirectorySyncs barrier = new DirectorySyncs();

    /** Runs the operations, then does what the state store does before it records the step. */
    private void migrate(String operations) throws Exception {
        assertThat(Steps.of(operations).migrate(context(home, barrier))).isTrue();
        barrier.flush();
    }

    @Test
    void beforeTheStateStoreWritesTheDirectoryChangesAreNotYetDurable() throws Exception {
        assertThat(Steps.of("- {op: mkdir, path: logs/archive}").migrate(context(home, barrier))).isTrue();
        fs.crash(); // no record was written either: the next run's check() finds the step undone and reruns it
        assertThat(Files.exists(home.resolve("logs"))).isFalse();
    }

    @Test
    void mkdirAndTheParentsItCreatesSurviveACrash() throws Exception {
        migrate("- {op: mkdir, path: logs/archive/2024}");
        fs.crash();
        assertThat(Files.isDirectory(home.resolve("logs/archive/2024"))).isTrue();
    }

    @Test
    void aMoveSurvivesACrashOnBothSides() throws Exception {
        AtomicFiles.write(home.resolve("a.txt"), "content".getBytes(UTF_8));
        migrate("- {op: move, from: a.txt, to: moved/b.txt}");
        fs.crash();
        assertThat(Files.exists(home.resolve("a.txt"))).isFalse();
        assertThat(Files.readString(home.resolve("moved/b.txt"))).isEqualTo("content");
    }

    @Test
    void aDeleteSurvivesACrash() throws Exception {
        AtomicFiles.createDirectories(home.resolve("old/deep"));
        AtomicFiles.write(home.resolve("old/deep/f.txt"), "x".getBytes(UTF_8));
        migrate("- {op: delete, path: old}");
        fs.crash();
        assertThat(Files.exists(home.resolve("old"))).isFalse();
    }

    @Test
    void aCopiedTreeSurvivesACrashWithItsContent() throws Exception {
        AtomicFiles.createDirectories(home.resolve("src/sub"));
        AtomicFiles.write(home.resolve("src/sub/f.txt"), "data".getBytes(UTF_8));
        migrate("- {op: copy, from: src, to: backup/src}");
        fs.crash();
        assertThat(Files.readString(home.resolve("backup/src/sub/f.txt"))).isEqualTo("data");
    }
}
