package dev.telec.migrate.spi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The rule "a step's effects are durable before its record", as an object the runner owns for one run. A
 * step (or a declarative operation) that created, renamed or deleted entries in a directory asks for that
 * directory to be synced before the step is recorded; the runner hands the barrier to the state store, which
 * {@link #flush() flushes} it before it writes any record, so a directory that many steps change is synced
 * once per group of records instead of once per step. A crash before that loses the changes and their
 * records together; the next run asks those steps' check() again.
 *
 * <p>File contents are not deferred: force them before {@code migrate()} returns (the kit's
 * {@code HomeFiles.replace} does).
 */
public interface DurabilityBarrier {

    /** A barrier that syncs nothing: for state stores that keep nothing on disk (in-memory fakes). */
    DurabilityBarrier NONE = new DurabilityBarrier() {
        @Override
        public void syncBeforeRecord(Path directory) {
        }

        @Override
        public void syncFileSystemBeforeRecord(Path home) {
        }

        @Override
        public void flush() {
        }
    };

    /**
     * A barrier that syncs each directory at once, where the file system can open a directory at all (not on
     * Windows; Jimfs can): for contexts made outside a runner, where no record follows. A sync that is
     * attempted and fails throws.
     */
    DurabilityBarrier IMMEDIATE = new DurabilityBarrier() {
        @Override
        public void syncBeforeRecord(Path directory) throws IOException {
            FileChannel channel;
            try {
                channel = FileChannel.open(directory, StandardOpenOption.READ);
            } catch (IOException | UnsupportedOperationException e) {
                return; // directories cannot be opened here
            }
            try (channel) {
                channel.force(true);
            } catch (UnsupportedOperationException e) {
                // not supported here
            }
        }

        @Override
        public void flush() {
        }
    };

    /**
     * Makes the entries created, renamed or deleted in {@code directory} so far durable before the current
     * step is recorded: now, or at the latest when the barrier is next flushed.
     *
     * @throws IOException when the barrier had to sync at once (too many directories deferred) and failed
     */
    void syncBeforeRecord(Path directory) throws IOException;

    /**
     * Makes everything written on the file system {@code home} is on durable before the current step is
     * recorded: what a script step's process wrote behind telec's back. The default syncs at once
     * ({@code sync -f}, i.e. syncfs); the runner's barrier defers it to the next flush, once for many steps.
     *
     * @throws IOException when the sync cannot be run or fails
     */
    default void syncFileSystemBeforeRecord(Path home) throws IOException {
        Process sync = new ProcessBuilder("sync", "-f", home.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true).start();
        try {
            if (sync.waitFor() != 0) throw new IOException("sync -f " + home + " failed (exit " + sync.exitValue() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while syncing " + home);
        }
    }

    /**
     * Syncs every directory asked for so far. Called by the state store before it writes a record, and by the
     * runner before it saves the state at the end of a run.
     *
     * @throws IOException when a sync fails; it and the directories not yet synced stay asked for
     */
    void flush() throws IOException;
}
