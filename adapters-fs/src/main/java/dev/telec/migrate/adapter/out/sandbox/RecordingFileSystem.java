package dev.telec.migrate.adapter.out.sandbox;

import dev.telec.migrate.adapter.out.fs.ForwardingFileSystem;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.CopyOption;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A {@link FileSystem} decorator that notes, before each mutating operation, what the paths it is about to
 * change held ({@link Entry}), once per path per window. The window's changes are then found by comparing
 * only those paths with what they hold now: the cost follows what a step touches, not the size of the home.
 *
 * <p>Noted: opening a file for writing (and so every write), creating a directory or link, delete, copy
 * (the target), move (source and target, with every path under them for a directory). Not noted, because
 * they do not change content or presence: attribute changes (times, permissions). Paths are noted by the
 * delegate's absolute, normalized path.
 */
final class RecordingFileSystem extends ForwardingFileSystem {

    /** what each path touched in this window held before it was first touched; guarded by "this" */
    private Map<Path, Entry> before = new LinkedHashMap<>();

    RecordingFileSystem(FileSystem delegate) {
        super(delegate, "telec-simulation", "simulation file system");
    }

    /** Forgets what was noted: a new window starts. */
    synchronized void begin() {
        before = new LinkedHashMap<>();
    }

    /** The paths (of the delegate) touched since {@link #begin()}, with what they held before. */
    synchronized Map<Path, Entry> touched() {
        return new LinkedHashMap<>(before);
    }

    private synchronized void note(Path delegatePath) throws IOException {
        Path key = delegatePath.toAbsolutePath().normalize();
        if (!before.containsKey(key)) {
            before.put(key, Entry.of(key));
        }
    }

    /** Notes {@code root} and everything under it, and where each of those would be under {@code mirror}. */
    private synchronized void noteTree(Path root, Path mirror) throws IOException {
        note(root);
        if (mirror != null) note(mirror);
        if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Iterator<Path> it = walk.iterator(); it.hasNext(); ) {
                    Path p = it.next();
                    note(p);
                    if (mirror != null) note(mirror.resolve(root.relativize(p).toString()));
                }
            }
        }
    }

    // ---- the mutating operations note what they are about to change ----------------------------------------

    private void noteIfWriting(Path path, Set<? extends OpenOption> options) throws IOException {
        if (writing(options)) {
            note(unwrap(path));
        }
    }

    @Override
    protected SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        noteIfWriting(path, options);
        return super.newByteChannel(path, options, attrs);
    }

    @Override
    protected FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        noteIfWriting(path, options);
        return super.newFileChannel(path, options, attrs);
    }

    @Override
    protected void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        note(unwrap(dir));
        super.createDirectory(dir, attrs);
    }

    @Override
    protected void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        note(unwrap(link));
        super.createSymbolicLink(link, target, attrs);
    }

    @Override
    protected void createLink(Path link, Path existing) throws IOException {
        note(unwrap(link));
        super.createLink(link, existing);
    }

    @Override
    protected void delete(Path path) throws IOException {
        note(unwrap(path));
        super.delete(path);
    }

    @Override
    protected void copy(Path source, Path target, CopyOption... options) throws IOException {
        noteTree(unwrap(target), null); // a directory target that is replaced must be empty; still, note what it held
        super.copy(source, target, options);
    }

    @Override
    protected void move(Path source, Path target, CopyOption... options) throws IOException {
        Path s = unwrap(source);
        Path t = unwrap(target);
        noteTree(t, null);
        noteTree(s, t);
        super.move(source, target, options);
    }
}
