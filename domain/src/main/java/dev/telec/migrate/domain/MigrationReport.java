package dev.telec.migrate.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a run or dry-run: how it was made ({@link Mode}), the range, one result per step in order,
 * whether the home was left as it is (an allowed downgrade), and the failure that halted it, if any. A value
 * the application returns and adapters render; it never prints anything itself.
 *
 * @param notice something the reader should know about how the report was made, e.g. why a dry-run was
 *     not simulated
 * @param onDisk whether a simulated dry-run ran on a copy of the home on disk (a pending step is a process,
 *     which an in-memory copy cannot run) rather than in memory; false for every other report
 */
public record MigrationReport(Mode mode, Version from, Version to, List<StepResult> steps, Optional<Failure> failure,
                              boolean leftAsItIs, Optional<String> notice, boolean onDisk) {

    /** How a report was made. */
    public enum Mode {
        /** The steps ran on the home, and what they did is recorded. */
        RUN,
        /**
         * A dry-run that ran the steps on a copy of the home, in memory or ({@link #onDisk()}) on disk: each
         * step's changes are known.
         */
        SIMULATED_DRY_RUN,
        /** A dry-run that only asked each step's check() on the real home (migrate() never called). */
        CHECK_ONLY_DRY_RUN
    }

    /** Why a run halted: which step (if a step), what kind of cause, the exception's type, and the message. */
    public record Failure(Optional<MigrationId> step, Cause cause, Optional<String> exceptionType, String message) {

        /** The kinds of failure. */
        public enum Cause {
            /** check() threw before migrate() was called. */
            CHECK_THREW,
            /** migrate() returned false: a failure the step handled itself. */
            MIGRATE_RETURNED_FALSE,
            /** migrate() threw. */
            MIGRATE_THREW,
            /** migrate() returned true but check() was still false afterwards: the step broke its contract. */
            CHECK_STILL_FALSE,
            /** check() threw after migrate() returned true. */
            CHECK_AFTER_MIGRATE_THREW,
            /** The step succeeded but recording it in the state failed. */
            NOT_RECORDED,
            /** Every step succeeded but recording the new version (or the steps) at the end of the run failed. */
            STATE_NOT_SAVED,
            /** The run was stopped between steps (a signal, an updater's cancel); every step that finished is recorded. */
            INTERRUPTED
        }

        public Failure {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(exceptionType, "exceptionType");
            Objects.requireNonNull(message, "message");
        }

        /** The one line that describes it: {@code <step id>: <message>}, or the message alone. */
        public String describe() {
            return step.map(id -> id + ": " + message).orElse(message);
        }

        /** The same failure with {@code more} appended to its message (a second problem found while halting). */
        public Failure and(String more) {
            return new Failure(step, cause, exceptionType, message + "; " + more);
        }
    }

    public MigrationReport {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        steps = List.copyOf(steps);
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(notice, "notice");
        if (leftAsItIs && !steps.isEmpty()) {
            throw new IllegalArgumentException("a home left as it is has no steps");
        }
        if (onDisk && mode != Mode.SIMULATED_DRY_RUN) {
            throw new IllegalArgumentException("only a simulated dry-run runs on a copy on disk");
        }
    }

    /** A report that was not simulated on a copy on disk. */
    public MigrationReport(Mode mode, Version from, Version to, List<StepResult> steps, Optional<Failure> failure,
                           boolean leftAsItIs, Optional<String> notice) {
        this(mode, from, to, steps, failure, leftAsItIs, notice, false);
    }

    /** Whether this is a dry-run's report (simulated or check-only): nothing was changed. */
    public boolean dryRun() {
        return mode != Mode.RUN;
    }

    /** Whether this is a dry-run that ran the steps on a copy of the home, so each step's changes are known. */
    public boolean simulated() {
        return mode == Mode.SIMULATED_DRY_RUN;
    }

    /** The failure as one line ({@link Failure#describe()}), if the run halted. */
    public Optional<String> error() {
        return failure.map(Failure::describe);
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
        return failure.isEmpty();
    }

    /** The step that halted the run, if one did. */
    public Optional<StepResult> failedStep() {
        return steps.stream().filter(s -> s.outcome() == StepOutcome.FAILED).findFirst();
    }
}
