package dev.telec.migrate.internal.adapter.out.script;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The last {@code capacity} bytes written to it: a process's output, kept bounded however much it prints. */
final class Tail {

    private final byte[] ring;
    private long written;

    Tail(int capacity) {
        this.ring = new byte[capacity];
    }

    synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (written++ % ring.length)] = bytes[offset + i];
        }
    }

    /** What was kept, as text; starts with "..." when earlier output was dropped. */
    synchronized String text() {
        int kept = (int) Math.min(written, ring.length);
        byte[] out = new byte[kept];
        int start = (int) ((written - kept) % ring.length);
        for (int i = 0; i < kept; i++) out[i] = ring[(start + i) % ring.length];
        String text = new String(out, StandardCharsets.UTF_8);
        return written > ring.length ? "..." + text : text;
    }

    /** The last {@code count} non-blank lines of {@code text}, stripped. */
    static List<String> lastLines(String text, int count) {
        List<String> lines = new ArrayList<>();
        String[] all = text.split("\\R");
        for (int i = all.length - 1; i >= 0 && lines.size() < count; i--) {
            if (!all[i].isBlank()) lines.add(0, all[i].strip());
        }
        return lines;
    }
}
