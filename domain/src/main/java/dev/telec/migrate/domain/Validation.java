package dev.telec.migrate.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The result of validating a manifest, and a home against it: valid when there is no problem. */
public record Validation(List<Problem> problems) {

    /** What is wrong with one step. */
    public enum Kind {
        /** The entry's document does not parse, its class does not load, or its operations are invalid. */
        UNRESOLVABLE,
        /** Applied, but its definition changed since it was recorded. */
        DRIFTED,
        /** Recorded in the home's state, no longer in the manifest. */
        MISSING,
        /** At or below the home's recorded version and not recorded: a plain run never reaches it. */
        IGNORED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One problem: the step's id (as recorded for a missing one), its kind, a one-line message. */
    public record Problem(String id, Kind kind, String message) {
        public Problem {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    public Validation {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
