package dev.telec.migrate.internal.adapter.out.fs.diff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a path held at one moment: nothing, a directory, a file (its digest, and its bytes when small enough
 * to diff), a symbolic link (its target) or something else. What a change is diffed from and to: the
 * dry-run's sandbox notes one before a step touches a path, a restore makes one from a pre-image.
 */
public record Entry(Type type, String digest, byte[] content, long size) {

    public enum Type { ABSENT, DIRECTORY, FILE, LINK, OTHER }

    /** Larger files are compared by digest and not diffed. */
    public static final int MAX_DIFF_BYTES = 1024 * 1024;

    public static final Entry ABSENT = new Entry(Type.ABSENT, "", null, 0);

    public static Entry of(Path path) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return ABSENT;
        }
        if (a.isDirectory()) return new Entry(Type.DIRECTORY, "", null, 0);
        if (a.isSymbolicLink()) return new Entry(Type.LINK, Files.readSymbolicLink(path).toString(), null, 0);
        if (!a.isRegularFile()) return new Entry(Type.OTHER, "", null, 0);
        try (InputStream in = Files.newInputStream(path)) {
            return file(in);
        }
    }

    /** A file holding what {@code in} gives (read to its end). */
    public static Entry file(InputStream in) throws IOException {
        MessageDigest sha = sha256();
        byte[] small = null;
        byte[] buffer = in.readNBytes(MAX_DIFF_BYTES + 1);
        long size = buffer.length;
        sha.update(buffer);
        if (buffer.length <= MAX_DIFF_BYTES) {
            small = buffer;
        } else {
            byte[] chunk = new byte[64 * 1024];
            for (int n; (n = in.read(chunk)) > 0; ) {
                sha.update(chunk, 0, n);
                size += n;
            }
        }
        return new Entry(Type.FILE, HexFormat.of().formatHex(sha.digest()), small, size);
    }

    public boolean exists() {
        return type != Type.ABSENT;
    }

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }

    /** Same kind and same content (a directory's content is what is under it, compared path by path). */
    public boolean sameAs(Entry other) {
        return type == other.type && digest.equals(other.digest);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
