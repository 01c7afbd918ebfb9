package dev.telec.migrate.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a run or dry-run: the range, one result per step in order, and the failure that halted
 * it, if any. A value the application returns and adapters render; it never prints anything itself.
 *
 * @param simulated true for a dry-run that ran the steps on an in-memory copy of the home (so each step's
 *     changes are known); false for a real run and for a check-only dry-run
 * @param notice something the reader should know about how the report was made, e.g. why a dry-run was
 *     not simulated
 */
public record MigrationReport(Version from, Version to, boolean dryRun, List<StepResult> steps, Optional<String> error,
                              boolean simulated, Optional<String> notice) {

    public MigrationReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        steps = List.copyOf(steps);
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(notice, "notice");
        if (simulated && !dryRun) {
            throw new IllegalArgumentException("only a dry-run is simulated");
        }
    }

    public MigrationReport(Version from, Version to, boolean dryRun, List<StepResult> steps, Optional<String> error) {
        this(from, to, dryRun, steps, error, false, Optional.empty());
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
