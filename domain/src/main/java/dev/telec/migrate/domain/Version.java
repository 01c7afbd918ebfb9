package dev.telec.migrate.domain;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SemVer 2.0.0 version. Ordered by SemVer precedence: pre-releases sort before their release and
 * build metadata is ignored (by {@link #compareTo}, {@link #equals} and {@link #hashCode} alike).
 */
public final class Version implements Comparable<Version> {

    /** The version before every real one: what a home with no recorded version is at. */
    public static final Version ZERO = new Version(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, List.of(), "");

    // https://semver.org/#is-there-a-suggested-regular-expression-regex-to-check-a-semver-string
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
    private static final Pattern NUMERIC = Pattern.compile("0|[1-9]\\d*");

    private final BigInteger major;
    private final BigInteger minor;
    private final BigInteger patch;
    private final List<String> preRelease;
    private final String build;
    // computed once: ids, state records and reports ask for them for every step of every run
    private final String text;
    private final int hash;

    private Version(BigInteger major, BigInteger minor, BigInteger patch, List<String> preRelease, String build) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.preRelease = List.copyOf(preRelease);
        this.build = build;
        StringBuilder s = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
        if (!this.preRelease.isEmpty()) s.append('-').append(String.join(".", this.preRelease));
        if (!build.isEmpty()) s.append('+').append(build);
        this.text = s.toString();
        this.hash = Objects.hash(major, minor, patch, this.preRelease);
    }

    /**
     * Parses {@code 1.2.3}, {@code 1.0.0-rc.1}, {@code 1.0.0+build.5}, with an optional leading {@code v}
     * and surrounding whitespace.
     *
     * @throws IllegalArgumentException quoting the input when it is not a SemVer version
     */
    public static Version parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("not a version: null");
        }
        String candidate = text.strip();
        if (candidate.startsWith("v")) {
            candidate = candidate.substring(1);
        }
        Version plain = plain(candidate);
        if (plain != null) {
            return plain;
        }
        Matcher m = SEMVER.matcher(candidate);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a SemVer version (MAJOR.MINOR.PATCH[-pre][+build]): '" + text + "'");
        }
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        return new Version(new BigInteger(m.group(1)), new BigInteger(m.group(2)), new BigInteger(m.group(3)),
                pre, m.group(5) == null ? "" : m.group(5));
    }

    /**
     * {@code MAJOR.MINOR.PATCH} of plain numbers, read without the SemVer expression (a run parses a version
     * for every step and state record); null for anything else, which the expression then decides.
     */
    private static Version plain(String text) {
        int first = text.indexOf('.');
        int second = first < 0 ? -1 : text.indexOf('.', first + 1);
        if (second < 0 || text.indexOf('.', second + 1) >= 0) return null;
        if (!isNumber(text, 0, first) || !isNumber(text, first + 1, second) || !isNumber(text, second + 1, text.length())) {
            return null;
        }
        return new Version(new BigInteger(text.substring(0, first)), new BigInteger(text.substring(first + 1, second)),
                new BigInteger(text.substring(second + 1)), List.of(), "");
    }

    /** Digits only, at least one, no leading zero (SemVer's numeric identifier). */
    private static boolean isNumber(String text, int from, int to) {
        if (to <= from || (text.charAt(from) == '0' && to - from > 1)) return false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** Like {@link #parse} but for names that must be exactly canonical (no {@code v}, no whitespace). */
    public static boolean isCanonical(String text) {
        return SEMVER.matcher(text).matches();
    }

    @Override
    public int compareTo(Version other) {
        int c = major.compareTo(other.major);
        if (c == 0) c = minor.compareTo(other.minor);
        if (c == 0) c = patch.compareTo(other.patch);
        if (c != 0) return c;
        // A version without pre-release fields has higher precedence than one with them.
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        int shared = Math.min(preRelease.size(), other.preRelease.size());
        for (int i = 0; i < shared; i++) {
            c = compareIdentifiers(preRelease.get(i), other.preRelease.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(preRelease.size(), other.preRelease.size());
    }

    private static int compareIdentifiers(String a, String b) {
        boolean aNum = NUMERIC.matcher(a).matches();
        boolean bNum = NUMERIC.matcher(b).matches();
        if (aNum && bNum) return new BigInteger(a).compareTo(new BigInteger(b));
        if (aNum != bNum) return aNum ? -1 : 1; // numeric identifiers sort before alphanumeric ones
        return a.compareTo(b);
    }

    public boolean isAfter(Version other) {
        return compareTo(other) > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** The canonical text, without {@code v}, with build metadata when it was given. */
    @Override
    public String toString() {
        return text;
    }
}
