package dev.telec.migrate.internal.adapter.out.manifest;

import dev.telec.migrate.internal.adapter.out.script.ProcessStep;
import dev.telec.migrate.internal.adapter.out.script.ScriptHost;
import dev.telec.migrate.spi.Migration;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves the script entries of a tree, {@code NNN_description.py} (a Python module) and any other
 * {@code NNN_description[.ext]} (an executable), refusing what cannot or should not run before any step does.
 */
final class Scripts {

    /**
     * The tree an entry belongs to.
     *
     * @param checkTrust refuse files and commands in it that are in a group- or world-writable directory
     *     (not asked for the class path, nor with --allow-insecure-migrations)
     */
    record Origin(Path root, boolean checkTrust) {
    }

    private Scripts() {
    }

    static Migration resolve(Location location, Path file, Origin origin, ScriptHost host) {
        requireOnDisk(location, file);
        if (origin.checkTrust()) requireTrusted(file, origin.root());
        boolean python = file.getFileName().toString().endsWith(".py");
        if (!Files.isRegularFile(file)) {
            throw location.error("not a regular file: a script step is a file");
        }
        if (python) {
            if (!Files.isReadable(file)) throw location.error("cannot read: permission denied");
        } else if (!Files.isExecutable(file)) {
            throw location.error("not executable: a script step (NNN_description with any extension but .py, .yaml, .yml"
                    + " or .json) is run as '<file> check' and '<file> migrate'; chmod +x it");
        }
        requireConfinementWhenRequired(location, host);
        return python ? ProcessStep.python(file, origin.root(), host) : ProcessStep.script(file, origin.root(), host);
    }

    static void requireOnDisk(Location location, Path file) {
        if (file.getFileSystem() != FileSystems.getDefault()) {
            throw location.error("script steps run only from a manifest directory on disk, not from " + file.getFileSystem());
        }
    }

    static void requireConfinementWhenRequired(Location location, ScriptHost host) {
        try {
            host.requireConfinementWhenRequired();
        } catch (IllegalStateException e) {
            throw location.error(e.getMessage(), e);
        }
    }

    /**
     * Refuses {@code file} when it, or a directory from it up to {@code root}, may be written by others: they
     * could then change what this run executes (the rule the tree's {@code lib/} jars follow).
     */
    static void requireTrusted(Path file, Path root) {
        Path top = root.toAbsolutePath().normalize();
        Path p = file.toAbsolutePath().normalize();
        if (!p.startsWith(top)) return; // outside the tree: the system's, like a command on PATH
        StepLoaders.requireNotWritableByOthers(p);
        for (Path dir = p.getParent(); dir != null && dir.startsWith(top); dir = dir.getParent()) {
            StepLoaders.requireNotWritableByOthers(dir);
        }
    }
}
