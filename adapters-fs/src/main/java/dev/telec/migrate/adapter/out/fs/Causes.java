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
}
