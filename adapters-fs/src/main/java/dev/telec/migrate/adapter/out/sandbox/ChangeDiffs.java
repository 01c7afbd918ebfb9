package dev.telec.migrate.adapter.out.sandbox;

import dev.telec.migrate.application.port.out.Sandbox;
import dev.telec.migrate.domain.Change;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The dry-run's diffs (unified diffs of text files, secrets masked, binary and too-large files named as such)
 * for other adapters that show what a change would do: a restore's dry-run.
 */
public final class ChangeDiffs {

    /** What a path holds on one side of a change. */
    public static final class Side {
        private final Entry entry;

        private Side(Entry entry) {
            this.entry = entry;
        }

        public static Side absent() {
            return new Side(Entry.ABSENT);
        }

        public static Side directory() {
            return new Side(new Entry(Entry.Type.DIRECTORY, "", null, 0));
        }

        public static Side link(String target) {
            return new Side(new Entry(Entry.Type.LINK, target, null, 0));
        }

        /** A file holding what {@code in} gives, read to its end. */
        public static Side file(InputStream in) throws IOException {
            return new Side(Entry.file(in));
        }

        /** What {@code path} holds now, links not followed. */
        public static Side of(Path path) throws IOException {
            return new Side(Entry.of(path));
        }
    }

    private final Changes changes;

    public ChangeDiffs(Path home, Sandbox.Diffs diffs) {
        this.changes = new Changes(home, diffs);
    }

    /** The diff of {@code path} (relative, {@code /}-separated) going from {@code before} to {@code after}; empty for a directory. */
    public Optional<String> diff(String path, Change.Kind kind, Side before, Side after) {
        return changes.diff(path, kind, before.entry, after.entry);
    }
}
