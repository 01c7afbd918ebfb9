package dev.telec.migrate.internal.adapter.out.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.testing.FaultyFileSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A failed write names the file the user knows, never the temporary file it goes through. */
class AtomicFilesMessagesTest {

    private final FileSystem jimfs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setAttributeViews("basic", "posix").build());
    private final FaultyFileSystem fs = FaultyFileSystem.wrap(jimfs);

    @AfterEach
    void close() throws IOException {
        jimfs.close();
    }

    @ParameterizedTest
    @EnumSource(value = FaultyFileSystem.Op.class, names = {"OPEN_FOR_WRITE", "WRITE", "MOVE"})
    void aFailureOnTheTemporaryFileNamesTheTarget(FaultyFileSystem.Op failing) throws IOException {
        Path dir = fs.getPath("/home/people/alice");
        Files.createDirectories(dir);
        Path target = dir.resolve("teleclaude.yml");
        Files.writeString(target, "name: Alice\n");

        fs.arm(1, failing);

        assertThatThrownBy(() -> AtomicFiles.write(target, "name: Alice A.\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(FileSystemException.class, e -> {
                    assertThat(e.getFile()).isEqualTo(target.toString());
                    assertThat(e.getMessage()).doesNotContain(".tmp");
                });
        assertThat(Files.readString(target)).isEqualTo("name: Alice\n");
    }

    @Test
    void aMissingDirectoryIsReportedOnTheTarget() {
        Path target = fs.getPath("/no/such/dir/config.json");

        assertThatThrownBy(() -> AtomicFiles.write(target, new byte[0])).isInstanceOfSatisfying(FileSystemException.class, e -> {
            assertThat(e.getFile()).isEqualTo(target.toString());
            assertThat(e.getMessage()).doesNotContain(".tmp");
        });
    }
}
