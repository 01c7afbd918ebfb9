package dev.telec.migrate.domain;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canonical id of a step, {@code {version}/{NNN}_{description}}, e.g. {@code 1.1.0/002_first}.
 * Ordered by version precedence, then by number.
 */
public record MigrationId(Version version, int number, String description) implements Comparable<MigrationId> {

    private static final Pattern STEM = Pattern.compile("(\\d{3})_([A-Za-z0-9_]+)");
    private static final Comparator<MigrationId> ORDER =
            Comparator.comparing(MigrationId::version).thenComparingInt(MigrationId::number);

    public MigrationId {
        if (version == null) throw new IllegalArgumentException("a migration id needs a version");
        if (number < 0 || number > 999) throw new IllegalArgumentException("step number must be 000..999: " + number);
        if (description == null || !isDescription(description)) {
            throw new IllegalArgumentException("step description must match [A-Za-z0-9_]+: '" + description + "'");
        }
    }

    /** {@code [A-Za-z0-9_]+}, without compiling a regular expression for every id of every manifest and state. */
    private static boolean isDescription(String text) {
        if (text.isEmpty()) return false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
        }
        return true;
    }

    /**
     * The id of entry {@code stem} ({@code NNN_description}) in version {@code version}.
     *
     * @throws IllegalArgumentException quoting the stem when it is not {@code NNN_description}
     */
    public static MigrationId of(Version version, String stem) {
        Matcher m = STEM.matcher(stem);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a step name (NNN_description, description [A-Za-z0-9_]+): '" + stem + "'");
        }
        return new MigrationId(version, Integer.parseInt(m.group(1)), m.group(2));
    }

    /** Parses a canonical id; {@code 1.1.0/002_first}. */
    public static MigrationId parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("not a step id (version/NNN_description): '" + text + "'");
        return of(Version.parse(text.substring(0, slash)), text.substring(slash + 1));
    }

    /** The canonical text: no {@code v}, no extension. */
    @Override
    public String toString() {
        // not String.format("%03d"): Formatter's first use loads locale data, milliseconds of every start
        String digits = Integer.toString(number);
        String padded = digits.length() >= 3 ? digits : "000".substring(digits.length()) + digits;
        return version + "/" + padded + "_" + description;
    }

    // written out: a record's generated equals and hashCode go through a method-handle bootstrap, slow in a
    // short-lived JVM, and every run looks ids up in maps for every step
    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationId other && number == other.number && version.equals(other.version)
                && description.equals(other.description);
    }

    @Override
    public int hashCode() {
        return (31 * version.hashCode() + number) * 31 + description.hashCode();
    }

    @Override
    public int compareTo(MigrationId other) {
        return ORDER.compare(this, other);
    }
}
