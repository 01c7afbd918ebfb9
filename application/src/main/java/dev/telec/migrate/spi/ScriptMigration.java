package dev.telec.migrate.spi;

import java.nio.file.Path;
import java.util.List;

/**
 * A step that runs a process (a Python module, an executable script or an {@code exec:} command) rather
 * than Java code: it can only run on a home on disk, and what it changes is known only by looking.
 * A dry-run that has such a step pending simulates on a copy of the home on disk; a caller that snapshots
 * the home before a step can tell these steps by this type.
 */
public interface ScriptMigration extends Migration {

    /** What runs: {@code python}, {@code script} or {@code exec}. */
    String kind();

    /**
     * The files of the manifest tree this step runs, whose bytes decide what it does: the module or script
     * itself, or an {@code exec:} entry and a command it names inside the tree.
     */
    List<Path> files();
}
