package dev.telec.migrate.internal.adapter.out.backup;

import dev.telec.migrate.internal.adapter.out.fs.FileTrees;
import dev.telec.migrate.internal.adapter.out.fs.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts paths of a home back as their pre-images say, durably: first what must go (paths that did not exist,
 * or hold another kind of thing now) is deleted, deepest first; then directories, files and links are made,
 * parents first, each file written to a temporary file, forced and renamed over; then modes, owners and
 * times are set, deepest first (so a read-only directory is made read-only after its content); then every
 * directory whose entries changed is synced. Doing it again gives the same home, so a restore that was
 * interrupted is finished by doing it again.
 */
final class HomeRestorer {

    /** A pre-image and the log that holds its content. */
    record Saved(PreImage image, Path log) {
    }

    private HomeRestorer() {
    }

    static void restore(Path home, List<Saved> images) throws IOException {
        List<Saved> byDepth = new ArrayList<>(images);
        byDepth.sort(Comparator.comparingInt((Saved s) -> depth(s.image().path())).thenComparing(s -> s.image().path()));
        Set<Path> changedDirs = new LinkedHashSet<>();
        for (int i = byDepth.size() - 1; i >= 0; i--) {
            PreImage image = byDepth.get(i).image();
            Path p = resolve(home, image.path());
            PreImage.Kind now = kindOf(home, image.path());
            if (now != PreImage.Kind.ABSENT && (image.kind() != now || image.kind() == PreImage.Kind.LINK)) {
                FileTrees.delete(p);
                changedDirs.add(p.getParent());
            }
        }
        for (Saved saved : byDepth) {
            PreImage image = saved.image();
            Path p = resolve(home, image.path());
            switch (image.kind()) {
                case DIRECTORY -> {
                    if (kindOf(home, image.path()) == PreImage.Kind.ABSENT) {
                        Files.createDirectory(p);
                        changedDirs.add(p.getParent());
                    }
                }
                case FILE -> {
                    writeFile(p, saved);
                    changedDirs.add(p.getParent());
                }
                case LINK -> {
                    Files.createSymbolicLink(p, p.getFileSystem().getPath(image.link()));
                    changedDirs.add(p.getParent());
                }
                default -> {
                    // ABSENT: deleted above; OTHER (a device, a socket): cannot be made again, left as it is
                }
            }
        }
        for (int i = byDepth.size() - 1; i >= 0; i--) {
            PreImage image = byDepth.get(i).image();
            if (image.kind() == PreImage.Kind.ABSENT || image.kind() == PreImage.Kind.OTHER) continue;
            attributes(resolve(home, image.path()), image);
        }
        for (Path dir : changedDirs) {
            if (dir != null && Files.isDirectory(dir)) AtomicFiles.syncDirectory(dir);
        }
    }

    /** Whether the path of {@code saved} holds something else now than its pre-image (content, kind, mode, owner). */
    static boolean differs(Path home, Saved saved) throws IOException {
        PreImage image = saved.image();
        PreImage.Kind now = kindOf(home, image.path());
        if (image.kind() == PreImage.Kind.ABSENT || now == PreImage.Kind.ABSENT) return image.kind() != now;
        return now != image.kind() || !same(resolve(home, image.path()), saved);
    }

    private static boolean same(Path p, Saved saved) throws IOException {
        PreImage image = saved.image();
        PreImage current = PreImage.of(image.path(), p);
        if (current.mode() != image.mode() || current.uid() != image.uid() || current.gid() != image.gid()) return false;
        switch (image.kind()) {
            case LINK:
                return current.link().equals(image.link());
            case FILE:
                if (current.size() != image.size()) return false;
                return Arrays.equals(Files.readAllBytes(p), PreImageContent.bytes(saved));
            default:
                return true;
        }
    }

    private static int depth(String relative) {
        return relative.isEmpty() ? 0 : relative.split("/", -1).length;
    }

    static Path resolve(Path home, String relative) {
        Path p = home;
        if (relative.isEmpty()) return p;
        for (String name : relative.split("/", -1)) p = p.resolve(name);
        return p;
    }

    /**
     * What {@code relative} is in {@code home}, links not followed, not even on the way: a path below something
     * that is not a directory (a link, a file) is absent, as far as the home's own tree goes.
     */
    static PreImage.Kind kindOf(Path home, String relative) throws IOException {
        Path p = home;
        if (!relative.isEmpty()) {
            String[] names = relative.split("/", -1);
            for (int i = 0; i < names.length - 1; i++) {
                p = p.resolve(names[i]);
                if (kindOf(p) != PreImage.Kind.DIRECTORY) return PreImage.Kind.ABSENT;
            }
            p = p.resolve(names[names.length - 1]);
        }
        return kindOf(p);
    }

    private static PreImage.Kind kindOf(Path p) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return PreImage.Kind.ABSENT;
        }
        return a.isSymbolicLink() ? PreImage.Kind.LINK : a.isDirectory() ? PreImage.Kind.DIRECTORY
                : a.isRegularFile() ? PreImage.Kind.FILE : PreImage.Kind.OTHER;
    }


    private static void writeFile(Path target, Saved saved) throws IOException {
        PreImage image = saved.image();
        // one name per target, not a random one: a restore killed while it wrote it leaves it, and the restore
        // that finishes the job writes the same name again and renames it over (RestoreKillTest found the leak)
        Path tmp = target.resolveSibling("." + target.getFileName() + ".telec-restore.tmp");
        boolean moved = false;
        try {
            try (FileChannel in = FileChannel.open(saved.log(), StandardOpenOption.READ);
                 FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                         StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                long at = image.offset();
                long left = image.size();
                while (left > 0) {
                    long n = in.transferTo(at, left, out);
                    if (n <= 0) {
                        if (at >= in.size()) throw new IOException(saved.log() + " is shorter than it should be");
                        continue;
                    }
                    at += n;
                    left -= n;
                }
                out.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) Files.deleteIfExists(tmp);
        }
    }

    private static void attributes(Path p, PreImage image) throws IOException {
        Set<String> views = p.getFileSystem().supportedFileAttributeViews();
        boolean link = image.kind() == PreImage.Kind.LINK;
        PreImage now = PreImage.of(image.path(), p);
        if (image.uid() >= 0 && image.uid() != now.uid() || image.gid() >= 0 && image.gid() != now.gid()) {
            owner(p, image, now, views);
        } else if (image.uid() < 0 && views.contains("posix") && (!image.owner().equals(now.owner()) || !image.group().equals(now.group()))) {
            owner(p, image, now, views);
        }
        if (!link && image.mode() >= 0 && image.mode() != now.mode()) {
            mode(p, image.mode(), views);
        }
        if (!link && image.mtime() >= 0) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(image.mtime()));
        }
    }

    private static void mode(Path p, int mode, Set<String> views) throws IOException {
        if (views.contains("unix")) {
            try {
                Files.setAttribute(p, "unix:mode", mode);
                return;
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                // Jimfs reads unix:mode but does not set it: the permission bits below
            }
        }
        if (views.contains("posix")) {
            Files.getFileAttributeView(p, PosixFileAttributeView.class).setPermissions(Modes.permissions(mode));
        }
    }

    /** Owner and group back, numerically where the file system allows, else by name. */
    private static void owner(Path p, PreImage image, PreImage now, Set<String> views) throws IOException {
        if (views.contains("unix") && image.uid() >= 0) {
            try {
                if (image.uid() != now.uid()) Files.setAttribute(p, "unix:uid", image.uid(), LinkOption.NOFOLLOW_LINKS);
                if (image.gid() != now.gid()) Files.setAttribute(p, "unix:gid", image.gid(), LinkOption.NOFOLLOW_LINKS);
                return;
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                // by name below
            }
        }
        if (!views.contains("posix") || image.owner().isEmpty()) return;
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        UserPrincipalLookupService lookup = p.getFileSystem().getUserPrincipalLookupService();
        if (!image.owner().equals(now.owner())) view.setOwner(lookup.lookupPrincipalByName(image.owner()));
        if (!image.group().isEmpty() && !image.group().equals(now.group())) {
            view.setGroup(lookup.lookupPrincipalByGroupName(image.group()));
        }
    }
}
