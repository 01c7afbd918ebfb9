package dev.telec.migrate.internal.adapter.out.backup;

import dev.telec.migrate.internal.adapter.out.fs.ForwardingFileSystem;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystem;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;

/**
 * The file system a step's home lives on while it runs: before each operation that changes a path (see
 * {@link ForwardingFileSystem#beforeChange}) it tells {@link Notes} which paths of the delegate are about to
 * change, and the change happens only when that returned: a pre-image that cannot be saved fails the
 * operation before it changes anything. Before a path is opened to read (a directory is, to sync it), Notes
 * is told that too.
 */
final class PreImageFileSystem extends ForwardingFileSystem {

    /** Told, before a change, which path of the delegate (absolute, normalized) is about to change. */
    interface Notes {
        void before(Path path) throws IOException;

        /** Told before {@code path} of the delegate is opened to read: a directory is opened so to sync it. */
        void beforeReading(Path path) throws IOException;
    }

    private final Notes notes;

    PreImageFileSystem(FileSystem delegate, Notes notes) {
        super(delegate, "telec-backup", "backed-up file system", true);
        this.notes = notes;
    }

    /** The home was changed beside this file system (a script step ran on it, a step was rolled back). */
    void changedBeside() {
        forgetRealPaths();
    }

    @Override
    protected void beforeChange(Path delegatePath) throws IOException {
        notes.before(delegatePath);
    }

    @Override
    protected SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        if (!writing(options)) notes.beforeReading(unwrap(path));
        return super.newByteChannel(path, options, attrs);
    }

    @Override
    protected FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        if (!writing(options)) notes.beforeReading(unwrap(path));
        return super.newFileChannel(path, options, attrs);
    }
}
