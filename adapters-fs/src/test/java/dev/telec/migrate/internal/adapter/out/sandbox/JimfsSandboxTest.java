package dev.telec.migrate.internal.adapter.out.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.internal.adapter.out.fs.diff.DiffRenderer;
import dev.telec.migrate.application.port.in.DryRunOptions;
import dev.telec.migrate.internal.application.port.out.Sandbox;
import dev.telec.migrate.domain.Change;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JimfsSandboxTest {

    final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    final Path home = fs.getPath("/srv/home");
    final Sandbox.Diffs diffs = new Sandbox.Diffs(true, false, DryRunOptions.DEFAULT_SECRET_WORDS);

    @AfterEach
    void close() throws Exception {
        fs.close();
    }

    private static List<String> summary(List<Change> changes) {
        return changes.stream().map(c -> c.kind().wireName() + " " + c.path() + c.to().map(t -> " -> " + t).orElse("")).toList();
    }

    @Test
    void changesAreWhatTheWindowDidRelativeToTheHome() throws Exception {
        Files.createDirectories(home.resolve("old/inner"));
        Files.writeString(home.resolve("old/inner/a.txt"), "a\n");
        Files.writeString(home.resolve("keep.txt"), "one\ntwo\n");
        Files.writeString(home.resolve("gone.txt"), "bye\n");
        Files.write(home.resolve("blob.bin"), new byte[] {0, 1, 2});
        Files.writeString(home.resolve("file.txt"), "same\n");
        try (Sandbox.Copy copy = new JimfsSandbox().copy(home, 1 << 20, diffs)) {
            Path h = copy.home();
            Files.writeString(h.resolve("ignored-before-begin.txt"), "x");
            copy.begin();
            Files.move(h.resolve("old"), h.resolve("new"));
            Files.writeString(h.resolve("keep.txt"), "one\n2\n");
            Files.delete(h.resolve("gone.txt"));
            Files.write(h.resolve("blob.bin"), new byte[] {0, 1, 3});
            Files.createDirectory(h.resolve("made"));
            Files.move(h.resolve("file.txt"), h.resolve("made/file.txt"));
            Files.writeString(h.resolve("temp"), "t");
            Files.delete(h.resolve("temp"));

            List<Change> changes = copy.changes();

            assertThat(summary(changes)).as("in path order").containsExactly("modified blob.bin", "moved file.txt -> made/file.txt",
                    "deleted gone.txt", "modified keep.txt", "created made/", "moved old/ -> new/");
            assertThat(changes.get(0).diff()).contains(DiffRenderer.BINARY);
            assertThat(changes.get(2).diff().orElseThrow()).isEqualTo("--- a/gone.txt\n+++ /dev/null\n@@ -1,1 +1,0 @@\n-bye");
            assertThat(changes.get(3).diff().orElseThrow()).isEqualTo("--- a/keep.txt\n+++ b/keep.txt\n@@ -1,2 +1,2 @@\n one\n-two\n+2");
            copy.begin();
            assertThat(copy.changes()).isEmpty();
        }
        assertThat(Files.readString(home.resolve("keep.txt"))).isEqualTo("one\ntwo\n");
        assertThat(home.resolve("new")).doesNotExist();
    }

    @Test
    void anEmptyDirectoryDeletedBesideAMovedTreeIsNotPairedWithADirectoryInsideThatTree() throws Exception {
        Files.createDirectories(home);
        Files.writeString(home.resolve("a.txt"), "omega\n");
        Files.createDirectories(home.resolve("b.txt/z"));
        Files.createDirectories(home.resolve("d/c.txt"));
        try (Sandbox.Copy copy = new JimfsSandbox().copy(home, 1 << 20, diffs)) {
            Path h = copy.home();
            copy.begin();
            Files.delete(h.resolve("d/c.txt"));
            Files.move(h.resolve("b.txt"), h.resolve("a.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            // a.txt/z/ came with b.txt/, so the empty d/c.txt/ was deleted, not moved there
            assertThat(summary(copy.changes())).containsExactlyInAnyOrder(
                    "deleted a.txt", "moved b.txt/ -> a.txt/", "deleted d/c.txt/");
        }
    }

    @Test
    void aHomeOverTheLimitIsNotCopied() throws Exception {
        Files.createDirectories(home);
        Files.write(home.resolve("big"), new byte[4096]);

        assertThatThrownBy(() -> new JimfsSandbox().copy(home, 4095, diffs))
                .isInstanceOf(Sandbox.Unavailable.class)
                .hasMessageContaining("larger than the simulation limit (4095 bytes");
        new JimfsSandbox().copy(home, 4096, diffs).close();
    }

    @Test
    void aMissingHomeIsCopiedAsMissing() throws Exception {
        try (Sandbox.Copy copy = new JimfsSandbox().copy(home, 10, diffs)) {
            assertThat(copy.home()).doesNotExist();
            assertThat(copy.home().getParent()).isDirectory();
            copy.begin();
            Files.createDirectories(copy.home().resolve("a"));
            assertThat(summary(copy.changes())).containsExactly("created ./", "created a/");
        }
        assertThat(home.getParent()).doesNotExist();
    }
}
