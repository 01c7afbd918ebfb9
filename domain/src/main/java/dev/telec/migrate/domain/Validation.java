package dev.telec.migrate.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of validating a manifest, and a home against it: valid when there is no problem. Warnings are said,
 * not failed: what a dry-run of the home's pending steps notes.
 */
public record Validation(List<Problem> problems, List<Warning> warnings) {

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

    /** What a dry-run of a home's pending steps says that is not a problem of the manifest. */
    public enum WarningKind {
        /** A step's note, such as a declarative operation whose literal path names no file (recorded as done). */
        NOTE,
        /** The step would fail in a run; the steps after it were not dry-run. */
        WOULD_FAIL,
        /** The pending steps could not be dry-run at all, so what they would note is not known. */
        NOT_CHECKED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One warning: the step it is about (empty when it is about the whole home), its kind, a one-line message.
     */
    public record Warning(Optional<String> id, WarningKind kind, String message) {
        public Warning {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    public Validation {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** A validation without warnings: of a manifest alone, or of a home whose pending steps were not dry-run. */
    public Validation(List<Problem> problems) {
        this(problems, List.of());
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
