package dev.telec.migrate.internal.adapter.out.sandbox;

import dev.telec.migrate.internal.adapter.out.fs.ForwardingFileSystem;
import dev.telec.migrate.internal.adapter.out.fs.diff.Entry;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link FileSystem} decorator that notes, before each operation that changes a path (see
 * {@link ForwardingFileSystem#beforeChange}), what the path held ({@link Entry}), once per path per window.
 * The window's changes are then found by comparing only those paths with what they hold now: the cost
 * follows what a step touches, not the size of the home. Paths are noted by the delegate's absolute,
 * normalized path; an attribute change is noted too, and shows as a change only when content or kind did.
 */
final class RecordingFileSystem extends ForwardingFileSystem {

    /** what each path touched in this window held before it was first touched; guarded by "this" */
    private Map<Path, Entry> before = new LinkedHashMap<>();

    RecordingFileSystem(FileSystem delegate) {
        super(delegate, "telec-simulation", "simulation file system", true);
    }

    /** Forgets what was noted: a new window starts. */
    synchronized void begin() {
        before = new LinkedHashMap<>();
    }

    /** The paths (of the delegate) touched since {@link #begin()}, with what they held before. */
    synchronized Map<Path, Entry> touched() {
        return new LinkedHashMap<>(before);
    }

    @Override
    protected synchronized void beforeChange(Path delegatePath) throws IOException {
        if (!before.containsKey(delegatePath)) {
            before.put(delegatePath, Entry.of(delegatePath));
        }
    }
}
