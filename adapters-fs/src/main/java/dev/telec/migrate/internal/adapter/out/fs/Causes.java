package dev.telec.migrate.internal.adapter.out.fs;

import dev.telec.migrate.api.TelecException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** One-line causes for the file-system adapters' messages. */
public final class Causes {

    private Causes() {
    }

    /**
     * {@link TelecException#oneLine}, without the description of its input that Jackson puts in its
     * messages ({@code [Source: REDACTED (...); line: 1, column: 13]}): the position is kept, the file is
     * named by the message around it.
     */
    public static String oneLine(String text) {
        return TelecException.oneLine(text).replaceAll("\\[Source: [^;\\]]*; ", "[");
    }

    /** {@code 256 MiB} for whole binary units, else {@code 4095 bytes}: exact, for messages. */
    public static String describeSize(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        long v = bytes;
        int u = 0;
        while (v != 0 && v % 1024 == 0 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return v + " " + units[u];
    }

    /**
     * A short, one-line cause of an I/O failure, in the user's words: the OS's reason ({@code No space left on
     * device}) when there is one, else what kind of problem it is and with which file.
     */
    public static String reason(Exception e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null && !fse.getReason().isBlank()) {
            return oneLine(fse.getReason());
        }
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException nsf) return "no such file: " + nsf.getFile();
        if (e instanceof FileAlreadyExistsException fae) return "already exists: " + fae.getFile();
        if (e instanceof NotDirectoryException nde) return "not a directory: " + nde.getFile();
        if (e instanceof FileSystemException fse) return e.getClass().getSimpleName() + ": " + fse.getFile();
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : oneLine(e.getMessage());
    }

    /**
     * {@link #reason}, after the file the operating system named when the reason does not name it already
     * ({@code /srv/app/.telec/backups/r1/log: No space left on device}): for messages about a tree of files, where
     * the file that failed is not the one the message names.
     */
    public static String reasonAt(Exception e) {
        String reason = reason(e);
        if (e instanceof FileSystemException fse && fse.getFile() != null && !reason.contains(fse.getFile())) {
            return fse.getFile() + ": " + reason;
        }
        return reason;
    }

    /**
     * A failure of something telec called (a class loader, a parser), for messages that name what failed:
     * the exception's type and its message on one line.
     */
    public static String describe(Throwable t) {
        if (t == null) return "unknown error";
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getName() : t.getClass().getName() + ": " + oneLine(message);
    }
}
