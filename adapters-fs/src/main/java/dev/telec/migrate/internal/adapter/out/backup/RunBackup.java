package dev.telec.migrate.internal.adapter.out.backup;

import dev.telec.migrate.internal.adapter.out.fs.Causes;
import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.internal.application.port.out.Backups;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.spi.DurabilityBarrier;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One run's backup while it runs. A Java or declarative step's window notes what the step is about to
 * change, through its {@link PreImageFileSystem}; a script step's window starts with a snapshot of the whole
 * home, and when the step ends it is settled: the snapshot's paths the script changed are named and the
 * paths it created saved as "nothing was here".
 */
final class RunBackup implements Backups.Run, PreImageFileSystem.Notes {
    private final Path home;
    private final Path homeKey;
    private final Path homeReal; // the home reached through no link, when that differs
    private final BackupLog log;
    private PreImageFileSystem fs;
    private String step = "";
    private boolean snapshot; // the window is a script step's: images hold the whole home, not yet settled
    private boolean changedBeside; // since the last begin: a script ran or a step was rolled back, not through fs
    private final Set<String> noted = new HashSet<>();
    private final List<HomeRestorer.Saved> images = new ArrayList<>();

    RunBackup(Path home, BackupLog log) {
        this.home = home;
        this.homeKey = home.toAbsolutePath().normalize();
        this.homeReal = realOrNull(homeKey);
        this.log = log;
    }

    private static Path realOrNull(Path home) {
        try {
            Path real = home.toRealPath();
            return real.equals(home) ? null : real;
        } catch (IOException e) {
            return null;
        }
    }

    private void window(MigrationId id) {
        step = id.toString();
        snapshot = false;
        noted.clear();
        images.clear();
        log.step(step); // buffered: written with the step's first pre-image
    }

    @Override
    public synchronized Path begin(MigrationId id, Path stepHome) {
        window(id);
        if (fs == null) fs = new PreImageFileSystem(home.getFileSystem(), this);
        if (changedBeside) fs.changedBeside();
        changedBeside = false;
        return fs.wrap(stepHome);
    }

    /** Every path of the home saved, forced once at the end: durable before the script starts. */
    @Override
    public synchronized Path beginScript(MigrationId id, Path stepHome) {
        window(id);
        changedBeside = true;
        try {
            for (String relative : HomeSnapshot.paths(home)) {
                Path p = HomeRestorer.resolve(home, relative);
                noted.add(relative);
                images.add(new HomeRestorer.Saved(log.pre(step, PreImage.of(relative, p), p, true), log.file()));
            }
            log.snapshot(step);
        } catch (IOException e) {
            throw new TelecException(home, "cannot save the snapshot of the home before " + id + ": "
                    + Causes.reasonAt(e) + "; it was not run (--no-backup runs without a snapshot)", e);
        }
        snapshot = true;
        return stepHome;
    }

    @Override
    public synchronized void before(Path path) throws IOException {
        String relative = path.startsWith(homeKey) ? HomeSnapshot.relative(homeKey, path)
                : homeReal != null && path.startsWith(homeReal) ? HomeSnapshot.relative(homeReal, path) : null;
        if (relative == null) return; // outside the home: not telec's to undo
        if (relative.equals(FileBackups.DIRECTORY) || relative.startsWith(FileBackups.DIRECTORY + "/")) {
            throw new AccessDeniedException(path.toString(), null, "telec keeps its backups there; a step may not change it");
        }
        if (!noted.add(relative)) return;
        try {
            PreImage image = log.pre(step, PreImage.of(relative, path), path);
            images.add(new HomeRestorer.Saved(image, log.file()));
        } catch (IOException e) {
            noted.remove(relative);
            throw new FileSystemException(path.toString(), null,
                    "cannot save what it holds before changing it (" + Causes.reasonAt(e) + "); nothing was changed");
        }
    }

    /**
     * Before a step syncs a directory: the pre-images of "nothing" written so far are forced first, so an
     * entry the sync makes durable never outlives the pre-image that says it was not there.
     */
    @Override
    public void beforeReading(Path path) throws IOException {
        if (log.unforced() && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) log.force();
    }

    @Override
    public DurabilityBarrier barrier(DurabilityBarrier run) {
        return new DurabilityBarrier() {
            @Override
            public void syncBeforeRecord(Path directory) throws IOException {
                run.syncBeforeRecord(directory);
            }

            @Override
            public void syncFileSystemBeforeRecord(Path home) throws IOException {
                run.syncFileSystemBeforeRecord(home);
            }

            /** The deferred pre-images before the directories: both before any record. */
            @Override
            public void flush() throws IOException {
                log.force();
                run.flush();
            }
        };
    }

    /**
     * A script step ended: the snapshot's paths it changed are named (TOUCHED) and the paths it created saved
     * as "nothing"; all buffered, forced by the barrier before the step's record.
     */
    private void settle() throws IOException {
        if (!snapshot) return;
        for (HomeRestorer.Saved s : images) {
            if (HomeRestorer.differs(home, s)) log.touched(step, s.image().path());
        }
        for (HomeRestorer.Saved created : HomeSnapshot.created(home, images, log.file())) {
            log.pre(step, created.image(), null, true);
        }
        log.settled(step);
        snapshot = false;
    }

    @Override
    public synchronized void kept(MigrationId id) {
        try {
            settle();
        } catch (IOException e) {
            throw new TelecException(home, "cannot save what " + id + " changed: " + Causes.reasonAt(e), e);
        }
        log.kept(id.toString());
        images.clear();
    }

    @Override
    public synchronized boolean rollBack(MigrationId id) {
        try {
            changedBeside = true;
            List<HomeRestorer.Saved> undo = new ArrayList<>(images);
            if (snapshot) undo.addAll(HomeSnapshot.created(home, images, log.file()));
            HomeRestorer.restore(home, undo);
            log.rolledBack(id.toString());
        } catch (IOException e) {
            throw new TelecException(home, "cannot roll back " + id + ": " + Causes.reasonAt(e), e);
        }
        snapshot = false;
        images.clear();
        return true;
    }

    @Override
    public synchronized void close(Optional<Version> to) {
        try (log) {
            settle(); // a script step that failed and was kept (--no-rollback)
            log.end(to.map(Version::toString).orElse(""));
            FileBackups.finished(log.file().getParent());
        } catch (IOException e) {
            // the next run finds the run unfinished and rolls back nothing the state records
        }
    }
}
