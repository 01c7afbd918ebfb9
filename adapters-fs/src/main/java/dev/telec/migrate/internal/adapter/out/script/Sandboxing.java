package dev.telec.migrate.internal.adapter.out.script;

import java.util.Locale;

/** Whether step processes run confined by bubblewrap ({@code sandbox:} in {@code telec.yaml}). */
public enum Sandboxing {
    /** confined when {@code bwrap} can run here, else unconfined with one notice per run */
    AUTO,
    /** no step runs unless {@code bwrap} can confine it */
    REQUIRED,
    /** never confined, no notice */
    OFF;

    /** {@code auto}, {@code required} or {@code off}. */
    public static Sandboxing parse(String value) {
        for (Sandboxing s : values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(value)) return s;
        }
        throw new IllegalArgumentException("sandbox must be auto, required or off, got '" + value + "'");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
