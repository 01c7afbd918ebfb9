package dev.telec.migrate.application.port.in;

import dev.telec.migrate.domain.MigrationId;

/**
 * Told when each step that runs starts and finishes, e.g. for an updater's progress display: around its first
 * check(), migrate() and the check() after it, and before it is recorded, so that what happens in between is
 * the step's own doing. Steps skipped because the state records them are not announced. Called on the
 * thread that runs the migration; it must not throw.
 */
public interface StepListener {

    StepListener NONE = new StepListener() {
    };

    default void started(MigrationId id) {
    }

    default void finished(MigrationId id) {
    }

    /** Told once, before the first step runs: how many steps will run their check() (those the state does not record). */
    default void planned(int steps) {
    }

    /** Told once when the run has to wait for another run's lock on the home; {@code message} says whose and how long. */
    default void waiting(String message) {
    }

    /**
     * Asked before each step: true stops the run there, after the step in flight was recorded, as an
     * interruption (SIGINT, an updater's cancel button). The state keeps every step that finished.
     */
    default boolean stopRequested() {
        return false;
    }

    /** This listener, then {@code other}. */
    default StepListener andThen(StepListener other) {
        StepListener first = this;
        return new StepListener() {
            @Override
            public void started(MigrationId id) {
                first.started(id);
                other.started(id);
            }

            @Override
            public void finished(MigrationId id) {
                first.finished(id);
                other.finished(id);
            }

            @Override
            public void planned(int steps) {
                first.planned(steps);
                other.planned(steps);
            }

            @Override
            public void waiting(String message) {
                first.waiting(message);
                other.waiting(message);
            }

            @Override
            public boolean stopRequested() {
                return first.stopRequested() || other.stopRequested();
            }
        };
    }
}
