package dev.telec.migrate.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What library callers catch: a condition that stopped telec before or between steps, with a one-line message
 * naming the file and the cause. Every exception telec throws for such a condition is one of these; the kinds
 * a caller may want to tell apart (and the command line maps to exit codes) are its subclasses in this
 * package: {@link ManifestException}, {@link StateException}, {@link RangeException} (and
 * {@link DowngradeException}), {@link UsageException}, {@link LockedException}, {@link ForeignHomeException}
 * and {@link HomeException}. One of this class itself is any other such condition (a backup that cannot be
 * written, a run id with no backup, a stamp on a home that already records steps, ...).
 */
public class TelecException extends RuntimeException {

    private final transient Path file;

    /** A condition with no file of its own to name. */
    public TelecException(String message) {
        this(null, message, null);
    }

    /**
     * @param file the file the problem is in, or null; the message is prefixed with it
     */
    public TelecException(Path file, String message, Throwable cause) {
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
