package dev.telec.migrate.internal.adapter.out.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadOnceTest {

    private static String read(Content content) throws IOException {
        try (InputStream in = content.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theChecksumGetsTheBytesTheParseReadOnceAndThenTheFileAsItIs() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path file = Files.writeString(fs.getPath("/001_step.yaml"), "operations: []\n");
            ReadOnce once = new ReadOnce(() -> Files.newInputStream(file));

            assertThat(read(once.keeping())).isEqualTo("operations: []\n");
            Files.writeString(file, "operations: [changed]\n");

            assertThat(read(once.taking())).as("what was parsed").isEqualTo("operations: []\n");
            assertThat(read(once.taking())).as("then the file itself").isEqualTo("operations: [changed]\n");
        }
    }

    @Test
    void aChecksumWithoutAParseReadsTheFile() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path file = Files.writeString(fs.getPath("/001_step.yaml"), "operations: []\n");
            assertThat(read(new ReadOnce(() -> Files.newInputStream(file)).taking())).isEqualTo("operations: []\n");
        }
    }
}
