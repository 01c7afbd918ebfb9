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
        };
    }
}
