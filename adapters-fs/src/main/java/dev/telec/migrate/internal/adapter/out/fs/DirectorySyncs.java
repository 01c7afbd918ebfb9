package dev.telec.migrate.internal.adapter.out.fs;

import dev.telec.migrate.spi.DurabilityBarrier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A durability barrier on real (and in-memory) file systems: the directories asked for are synced with
 * {@link AtomicFiles#syncDirectory} when the barrier is flushed, each once however many steps asked. One
 * instance serves one run; it holds nothing after it is flushed.
 */
public final class DirectorySyncs implements DurabilityBarrier {

    /** The deferred directories are synced at once when there are this many, so the set stays small. */
    static final int MAX_DEFERRED = 4096;

    private final Set<Path> deferred = new LinkedHashSet<>();
    private final Set<Path> fileSystems = new LinkedHashSet<>(); // homes whose whole file system is to be synced

    @Override
    public void syncBeforeRecord(Path directory) throws IOException {
        boolean full;
        synchronized (deferred) {
            deferred.add(directory.toAbsolutePath());
            full = deferred.size() >= MAX_DEFERRED;
        }
        if (full) flush();
    }

    @Override
    public void syncFileSystemBeforeRecord(Path home) {
        synchronized (deferred) {
            fileSystems.add(home.toAbsolutePath());
        }
    }

    @Override
    public void flush() throws IOException {
        List<Path> homes;
        synchronized (deferred) {
            homes = new ArrayList<>(fileSystems);
        }
        for (Path home : homes) {
            AtomicFiles.syncFileSystem(home);
            synchronized (deferred) {
                fileSystems.remove(home);
            }
        }
        List<Path> dirs;
        synchronized (deferred) {
            if (deferred.isEmpty()) return;
            dirs = new ArrayList<>(deferred);
        }
        for (Path dir : dirs) {
            AtomicFiles.syncDirectory(dir);
            synchronized (deferred) {
                deferred.remove(dir);
            }
        }
    }
}
