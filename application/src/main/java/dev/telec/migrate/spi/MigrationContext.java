package dev.telec.migrate.spi;

import java.nio.file.Path;

/** What a step is given: where the home is and who it is. */
public interface MigrationContext {

    /** the deployment home; may belong to any FileSystem (Jimfs in tests) */
    Path home();

    /** canonical step id, e.g. "1.1.0/002_first" */
    String id();
}
