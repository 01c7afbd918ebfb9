package dev.telec.migrate.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One change a step made (or would make) to a home: a path relative to the home, {@code /}-separated, with a
 * trailing {@code /} for a directory; for a move, also where it went; and for a file, the unified diff (or
 * {@code "binary differs"}) when diffs were asked for.
 */
public record Change(String path, Kind kind, Optional<String> to, Optional<String> diff) {

    /** What happened to the path. */
    public enum Kind {
        CREATED,
        DELETED,
        MODIFIED,
        MOVED;

        /** The wire name used in reports: {@code created}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Change {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(diff, "diff");
        if ((kind == Kind.MOVED) != to.isPresent()) {
            throw new IllegalArgumentException("a change has a target exactly when it is a move: " + kind + " " + path);
        }
    }

    public static Change of(String path, Kind kind, Optional<String> diff) {
        return new Change(path, kind, Optional.empty(), diff);
    }

    public static Change moved(String from, String to) {
        return new Change(from, Kind.MOVED, Optional.of(to), Optional.empty());
    }

    public boolean isDirectory() {
        return path.endsWith("/");
    }
}
