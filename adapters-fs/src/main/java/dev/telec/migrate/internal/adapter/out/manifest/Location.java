package dev.telec.migrate.internal.adapter.out.manifest;

import dev.telec.migrate.api.ManifestException;
import java.nio.file.Path;

/**
 * Where a manifest problem is, for messages: a file or directory on some file system, or a labelled place
 * that is not a {@link Path} of its own (an entry inside a jar on the class path).
 */
record Location(Path file, String label) {

    static Location of(Path file) {
        return new Location(file, file.toString());
    }

    static Location labelled(String label) {
        return new Location(null, label);
    }

    ManifestException error(String message) {
        return error(message, null);
    }

    /** A one-line {@code <where>: <message>} exception. */
    ManifestException error(String message, Throwable cause) {
        String line = Messages.oneLine(message);
        return file != null ? new ManifestException(file, line, cause) : new ManifestException(null, label + ": " + line, cause);
    }

    @Override
    public String toString() {
        return label;
    }
}
