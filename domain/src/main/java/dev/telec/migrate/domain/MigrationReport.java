package dev.telec.migrate.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a run or dry-run: the range, one result per step in order, and the failure that halted
 * it, if any. A value the application returns and adapters render; it never prints anything itself.
 */
public record MigrationReport(Version from, Version to, boolean dryRun, List<StepResult> steps, Optional<String> error) {

    public MigrationReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        steps = List.copyOf(steps);
        Objects.requireNonNull(error, "error");
    }

    /** Steps applied, or that would be applied in a dry-run. */
    public long applied() {
        return steps.stream().filter(s -> s.outcome().isApply()).count();
    }

    /** Steps skipped because the state records them or their check() holds (or would be). */
    public long skipped() {
        return steps.stream().filter(s -> s.outcome().isSkip()).count();
    }

    public boolean succeeded() {
        return error.isEmpty();
    }

    /** The step that halted the run, if one did. */
    public Optional<StepResult> failedStep() {
        return steps.stream().filter(s -> s.outcome() == StepOutcome.FAILED).findFirst();
    }
}
