package dev.telec.migrate.spi;

import java.nio.file.Path;

/** What a step is given: where the home is and who it is. */
public interface MigrationContext {

    /** the deployment home; may belong to any FileSystem (Jimfs in tests) */
    Path home();

    /** canonical step id, e.g. "1.1.0/002_first" */
    String id();

    /**
     * Tells the person running the step something that is not a failure but should not pass unsaid, e.g.
     * that a path the step names matched no file ({@code config.yml does not exist}). Shown on the step's
     * line in a run and a dry-run ({@code note: ...}) and in the JSON report; said once however often it is
     * called with the same text.
     */
    default void note(String message) {
    }

    /**
     * The run's durability barrier: ask it to sync a directory whose entries the step changed, so that the
     * change is durable before the step's record (see {@link DurabilityBarrier}). The runner's contexts
     * defer the syncs to the record; a context made elsewhere syncs at once ({@link DurabilityBarrier#IMMEDIATE}).
     */
    default DurabilityBarrier durability() {
        return DurabilityBarrier.IMMEDIATE;
    }
}
