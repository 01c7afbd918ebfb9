package dev.telec.migrate.domain;

/** The half-open range {@code from < version <= to} whose steps a run considers. */
public record VersionRange(Version from, Version to) {

    public VersionRange {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    public boolean contains(Version version) {
        return version.isAfter(from) && !version.isAfter(to);
    }
}
