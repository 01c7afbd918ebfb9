package dev.telec.migrate.adapter.out.fs;

import dev.telec.migrate.application.TelecException;

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
}
