package dev.telec.migrate.domain;

import java.util.Objects;
import java.util.Optional;

/** One step's line in a report; {@code error} is present exactly when the outcome is {@code FAILED}. */
public record StepResult(MigrationId id, StepOutcome outcome, Optional<String> error) {

    public StepResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(error, "error");
        if ((outcome == StepOutcome.FAILED) != error.isPresent()) {
            throw new IllegalArgumentException("a step result has an error exactly when it failed: " + outcome + " " + error);
        }
    }

    public static StepResult of(MigrationId id, StepOutcome outcome) {
        return new StepResult(id, outcome, Optional.empty());
    }

    public static StepResult failed(MigrationId id, String error) {
        return new StepResult(id, StepOutcome.FAILED, Optional.of(error));
    }
}
