package dev.telec.migrate.internal.adapter.out.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Map;

/**
 * What one path of a home held before a step changed it: nothing, or a file (its content is kept in the
 * backup log at {@code offset}, {@code size} bytes), a directory or a symbolic link, with its mode bits, owner
 * and group (numeric where the file system tells them, and by name), and last-modified time.
 *
 * @param path relative to the home, {@code /}-separated; {@code ""} is the home itself
 * @param mode permission bits (with set-id and sticky bits where the file system has them); -1: unknown
 * @param uid numeric owner; -1: unknown
 * @param gid numeric group; -1: unknown
 * @param owner the owner's name; "" unknown
 * @param group the group's name; "" unknown
 * @param mtime last-modified time, epoch milliseconds; -1 unknown
 * @param link a link's target, as written; "" for anything else
 */
record PreImage(String path, Kind kind, int mode, int uid, int gid, String owner, String group, long mtime, String link,
                long offset, long size) {

    enum Kind {
        ABSENT, FILE, DIRECTORY, LINK, OTHER
    }

    static PreImage absent(String path) {
        return new PreImage(path, Kind.ABSENT, -1, -1, -1, "", "", -1, "", -1, 0);
    }

    PreImage at(long contentOffset) {
        return new PreImage(path, kind, mode, uid, gid, owner, group, mtime, link, contentOffset, size);
    }

    /** What {@code file} (a path of the real file system) holds now, links not followed; its content not read. */
    static PreImage of(String relative, Path file) throws IOException {
        BasicFileAttributes basic;
        try {
            basic = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return absent(relative);
        }
        Kind kind = basic.isSymbolicLink() ? Kind.LINK : basic.isDirectory() ? Kind.DIRECTORY
                : basic.isRegularFile() ? Kind.FILE : Kind.OTHER;
        int mode = -1;
        int uid = -1;
        int gid = -1;
        String owner = "";
        String group = "";
        java.util.Set<String> views = file.getFileSystem().supportedFileAttributeViews();
        if (views.contains("unix")) {
            try {
                Map<String, Object> a = Files.readAttributes(file, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
                mode = ((Integer) a.get("mode")) & 07777;
                uid = (Integer) a.get("uid");
                gid = (Integer) a.get("gid");
            } catch (IOException | RuntimeException e) {
                mode = -1;
            }
        }
        if (views.contains("posix")) {
            PosixFileAttributes posix = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (mode < 0) mode = Modes.bits(posix.permissions());
            owner = posix.owner() == null ? "" : posix.owner().getName();
            group = posix.group() == null ? "" : posix.group().getName();
        }
        String link = kind == Kind.LINK ? Files.readSymbolicLink(file).toString() : "";
        return new PreImage(relative, kind, mode, uid, gid, owner, group, basic.lastModifiedTime().toMillis(), link,
                -1, kind == Kind.FILE ? basic.size() : 0);
    }
}
