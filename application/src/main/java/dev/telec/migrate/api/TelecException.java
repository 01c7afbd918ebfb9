package dev.telec.migrate.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What library callers catch: a condition that stopped telec before or between steps, with a one-line message
 * naming the file and the cause. Every exception telec throws for such a condition is one of these (its
 * kinds, which the command line maps to exit codes, are the nested classes of
 * {@code dev.telec.migrate.application.TelecException}, which extends this class; catching that older name
 * still catches everything).
 */
public abstract class TelecException extends RuntimeException {

    private final transient Path file;

    /**
     * @param file the file the problem is in, or null; the message is prefixed with it
     */
    protected TelecException(Path file, String message, Throwable cause) {
        super(file == null ? message : file + ": " + message, cause);
        this.file = file;
    }

    /**
     * {@code text} on one line: trimmed, each line break with the blanks around it folded to one space;
     * {@code ""} for null. Every message telec prints or reports goes through this.
     */
    public static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The file the problem is in, when there is one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
