package dev.telec.migrate.internal.adapter.out.manifest;

import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.testing.RecordingMigration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Manifest trees for tests. */
final class Trees {

    static final String RECORDING_YAML = "class: " + RecordingMigration.class.getName() + "\n";
    static final String RECORDING_JSON = "{\"class\": \"" + RecordingMigration.class.getName() + "\"}";

    private Trees() {}

    /** Writes {@code content} to {@code root/relative}, creating parents. */
    static Path write(Path root, String relative, String content) {
        try {
            Path file = root.resolve(relative);
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A step entry, YAML or JSON by its extension, naming {@link RecordingMigration}. */
    static Path step(Path root, String relative) {
        return write(root, relative, relative.endsWith(".json") ? RECORDING_JSON : RECORDING_YAML);
    }

    static List<String> ids(Manifest manifest) {
        return manifest.entries().stream().map(e -> e.id().toString()).toList();
    }
}
