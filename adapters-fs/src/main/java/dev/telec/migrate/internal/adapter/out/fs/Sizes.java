package dev.telec.migrate.internal.adapter.out.fs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as users write them, on the command line and in {@code telec.yaml}. */
public final class Sizes {

    private static final Pattern FORM = Pattern.compile("(\\d{1,19})\\s*([KMGT]?)(I?B)?");

    private Sizes() {
    }

    /**
     * {@code 1048576}, {@code 512K}, {@code 256M}, {@code 1G} (also KiB/MiB/GiB, KB/MB/GB: all binary).
     *
     * @throws IllegalArgumentException quoting {@code text} when it is not a size, or too large a one
     */
    public static long parse(String text) {
        String v = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        Matcher m = FORM.matcher(v);
        if (!m.matches() || (m.group(2).isEmpty() && m.group(3) != null && !m.group(3).equals("B"))) {
            throw new IllegalArgumentException("not a size: '" + text + "' (bytes, or a number with K, M or G, like 256M)");
        }
        int shift = "KMGT".indexOf(m.group(2).isEmpty() ? "_" : m.group(2)) + 1;
        try {
            long n = Long.parseLong(m.group(1));
            if (shift > 0 && n > (Long.MAX_VALUE >> (10 * shift))) throw new NumberFormatException();
            return n << (10 * shift);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("too large a size: '" + text + "'");
        }
    }
}
