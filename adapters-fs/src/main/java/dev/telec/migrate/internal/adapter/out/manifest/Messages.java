package dev.telec.migrate.internal.adapter.out.manifest;

import dev.telec.migrate.internal.adapter.out.fs.Causes;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** The manifest adapter's words for causes: those of {@link Causes}, and the JSON type of a value. */
final class Messages {

    private Messages() {}

    static String oneLine(String text) {
        return Causes.oneLine(text);
    }

    /** "a string", "an array", "nothing": the JSON type of a value, for messages. */
    static String kindOf(com.fasterxml.jackson.databind.JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) return "nothing";
        String type = value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }

    /**
     * A manifest file's I/O failure: shorter than {@link Causes#reason} for the common kinds, because the
     * message around it already names the file.
     */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NotDirectoryException) return "not a directory";
        return Causes.describe(e);
    }

    static String describe(Throwable t) {
        return Causes.describe(t);
    }
}
