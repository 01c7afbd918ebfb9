package dev.telec.migrate.spi;

import java.nio.file.Path;

/** What a step is given: where the home is and who it is. */
public interface MigrationContext {

    /** the deployment home; may belong to any FileSystem (Jimfs in tests) */
    Path home();

    /** canonical step id, e.g. "1.1.0/002_first" */
    String id();

    /**
     * The run's durability barrier: ask it to sync a directory whose entries the step changed, so that the
     * change is durable before the step's record (see {@link DurabilityBarrier}). The runner's contexts
     * always have one.
     *
     * @throws UnsupportedOperationException for a context that was not made by a runner and does not say
     */
    default DurabilityBarrier durability() {
        throw new UnsupportedOperationException("this context has no durability barrier (it was not made by telec's runner)");
    }
}
