package dev.telec.migrate.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one step stands on a home, as its state records it: no step is asked anything to know this.
 *
 * @param id the canonical id of a step of the manifest, or the id as recorded for a {@link State#MISSING} one
 * @param at when it was last recorded, when the history says so
 * @param outcome how it was last recorded (applied, skipped_check, stamped, marked, repaired), when the history says so
 * @param drifted recorded with a checksum that differs from its definition's checksum now
 */
public record StepStatus(String id, State state, Optional<Instant> at, Optional<StepOutcome> outcome, boolean drifted) {

    /** The four places a step can be in. */
    public enum State {
        /** Recorded in the state as in effect: applied, found done by check(), stamped or marked. */
        APPLIED,
        /** Above the recorded version, up to the newest, not recorded: the next run asks its check(). */
        PENDING,
        /** At or below the recorded version and not recorded: a plain run never reaches it (see --out-of-order). */
        IGNORED,
        /** Recorded in the state but no longer in the manifest. */
        MISSING;

        /** The wire name used in reports: {@code applied}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public StepStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
        if (drifted && state != State.APPLIED) {
            throw new IllegalArgumentException("only an applied step can have drifted: " + id + " is " + state.wireName());
        }
    }
}
