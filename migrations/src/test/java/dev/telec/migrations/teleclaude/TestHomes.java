package dev.telec.migrations.teleclaude;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.spi.MigrationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Helpers for tests: Jimfs homes, contexts, file writing, tree snapshots. */
final class TestHomes {

    private TestHomes() {}

    record Context(Path home, String id) implements MigrationContext {}

    static FileSystem jimfs() {
        return Jimfs.newFileSystem(Configuration.unix());
    }

    /** A fresh empty home on {@code fs}, at a path that does not exist on the default file system. */
    static Path home(FileSystem fs) {
        try {
            return Files.createDirectories(fs.getPath("/jimfs-only/home/user/.teleclaude"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Context context(Path home, String id) {
        return new Context(home, id);
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Relative path (with '/' separators, directories ending in '/') to content ("" for directories). */
    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.collect(Collectors.toList())) {
                if (p.equals(root)) continue;
                String rel = relative(root, p);
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) out.put(rel + "/", "");
                else out.put(rel, read(p));
            }
        }
        return out;
    }

    /** A digest of every entry's relative path, type, size, modification time and bytes. */
    static String hash(Path root) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted().collect(Collectors.toList());
        }
        for (Path p : paths) {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String line = relative(root, p) + "|" + (a.isDirectory() ? "d" : a.isSymbolicLink() ? "l" : "f") + "|"
                    + (a.isDirectory() ? 0 : a.size()) + "|" + a.lastModifiedTime().toMillis() + "\n";
            digest.update(line.getBytes(StandardCharsets.UTF_8));
            if (a.isRegularFile()) digest.update(Files.readAllBytes(p));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Copies the tree {@code source} (any file system) into {@code target} (any other). */
    static void copyTree(Path source, Path target) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(source)) {
            paths = walk.sorted().collect(Collectors.toList());
        }
        for (Path p : paths) {
            Path to = target;
            for (Path name : source.relativize(p)) {
                if (!name.toString().isEmpty()) to = to.resolve(name.toString());
            }
            if (Files.isDirectory(p)) Files.createDirectories(to);
            else Files.write(to, Files.readAllBytes(p));
        }
    }

    private static String relative(Path root, Path p) {
        StringBuilder sb = new StringBuilder();
        for (Path name : root.relativize(p)) {
            if (sb.length() > 0) sb.append('/');
            sb.append(name);
        }
        return sb.toString();
    }
}
