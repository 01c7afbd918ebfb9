package dev.telec.migrate.domain;

import java.time.Instant;
import java.util.Objects;

/** One line of a home's migration history: a step recorded as applied or as already satisfied. */
public record HistoryEntry(String id, StepOutcome outcome, Instant at) {
    public HistoryEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
    }
}
