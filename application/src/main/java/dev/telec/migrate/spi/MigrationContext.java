package dev.telec.migrate.spi;

import dev.telec.migrate.domain.Version;
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

    /** The version the run starts after (0.0.0 for a home that records none). */
    default Version from() {
        return Version.ZERO;
    }

    /** The version the run ends at. */
    default Version to() {
        return Version.ZERO;
    }

    /**
     * Whether the step runs in a dry-run's simulation, on a throw-away copy of the home: what it changes
     * is shown, never kept. A step need not care; one that talks to the world outside its home should not
     * act on it then.
     */
    default boolean simulated() {
        return false;
    }
}
