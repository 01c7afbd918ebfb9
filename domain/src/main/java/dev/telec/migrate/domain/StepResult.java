package dev.telec.migrate.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step's line in a report; {@code error} is present exactly when the outcome is {@code FAILED}.
 * {@code changes} are what the step changed in the home, in path order; only a simulated dry-run fills them.
 * {@code notes} are what the step said that is not a failure (e.g. that a path it names matched no file).
 * {@code cause} is what the step threw, when it failed by throwing: for stack traces, never for messages.
 * {@code output} is what a failed script step's process printed.
 * {@code rolledBack}: a failed step whose changes were put back as they were before it.
 */
public record StepResult(MigrationId id, StepOutcome outcome, Optional<String> error, List<Change> changes,
                         List<String> notes, Optional<Throwable> cause, Optional<StepOutput> output, boolean rolledBack) {

    public StepResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(output, "output");
        if ((outcome == StepOutcome.FAILED) != error.isPresent()) {
            throw new IllegalArgumentException("a step result has an error exactly when it failed: " + outcome + " " + error);
        }
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
        if (rolledBack && outcome != StepOutcome.FAILED) {
            throw new IllegalArgumentException("only a failed step is rolled back: " + outcome);
        }
    }

    public StepResult(MigrationId id, StepOutcome outcome, Optional<String> error, List<Change> changes,
                      List<String> notes, Optional<Throwable> cause) {
        this(id, outcome, error, changes, notes, cause, Optional.empty());
    }

    public StepResult(MigrationId id, StepOutcome outcome, Optional<String> error, List<Change> changes,
                      List<String> notes, Optional<Throwable> cause, Optional<StepOutput> output) {
        this(id, outcome, error, changes, notes, cause, output, false);
    }

    public StepResult(MigrationId id, StepOutcome outcome, Optional<String> error, List<Change> changes) {
        this(id, outcome, error, changes, List.of(), Optional.empty());
    }

    public StepResult(MigrationId id, StepOutcome outcome, Optional<String> error) {
        this(id, outcome, error, List.of());
    }

    /** The same result with {@code changes} instead of its own. */
    public StepResult withChanges(List<Change> newChanges) {
        return new StepResult(id, outcome, error, newChanges, notes, cause, output, rolledBack);
    }

    /** The same result with another outcome (and the same error and changes). */
    public StepResult withOutcome(StepOutcome newOutcome) {
        return new StepResult(id, newOutcome, error, changes, notes, cause, output, rolledBack);
    }

    /** The same result with {@code newNotes} instead of its own. */
    public StepResult withNotes(List<String> newNotes) {
        return new StepResult(id, outcome, error, changes, newNotes, cause, output);
    }

    /** The same result with what the step's process printed. */
    public StepResult withOutput(StepOutput newOutput) {
        return new StepResult(id, outcome, error, changes, notes, cause, Optional.of(newOutput), rolledBack);
    }

    /** This failed result, its changes rolled back. */
    public StepResult withRolledBack() {
        return new StepResult(id, outcome, error, changes, notes, cause, output, true);
    }

    public static StepResult of(MigrationId id, StepOutcome outcome) {
        return new StepResult(id, outcome, Optional.empty());
    }

    public static StepResult failed(MigrationId id, String error) {
        return new StepResult(id, StepOutcome.FAILED, Optional.of(error));
    }

    /** A failure caused by {@code cause}, which the message {@code error} describes. */
    public static StepResult failed(MigrationId id, String error, Throwable cause) {
        return new StepResult(id, StepOutcome.FAILED, Optional.of(error), List.of(), List.of(), Optional.ofNullable(cause));
    }
}
