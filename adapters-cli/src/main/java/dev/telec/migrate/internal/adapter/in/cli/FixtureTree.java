package dev.telec.migrate.internal.adapter.in.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.telec.migrate.domain.Change;
import dev.telec.migrate.domain.MigrationReport;
import dev.telec.migrate.domain.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code telec test}'s trees: a fixture's folders and the homes it runs, as maps from {@code /}-separated
 * relative paths (directories end with {@code /}) to content; their copies, diffs and changes.
 */
final class FixtureTree {
    private FixtureTree() {
    }

    /** What telec itself keeps in a home: never part of a fixture's comparison. */
    static boolean isTelecsOwn(String relative) {
        String top = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : relative;
        return top.equals("migration_state.json") || top.equals("migration_state.journal") || top.equals(".migration.lock")
                || top.equals(".telec") || (top.startsWith(".migration_state.json.") && top.endsWith(".tmp"));
    }

    /** A file's bytes, or a directory (null bytes), or a symbolic link (its target as bytes). */
    record Content(byte[] bytes, boolean directory) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Content c && c.directory == directory && Arrays.equals(c.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes) * 31 + Boolean.hashCode(directory);
        }
    }

    static Map<String, Content> read(Path root, boolean withoutTelecsOwn) {
        Map<String, Content> tree = new TreeMap<>();
        if (!Files.exists(root)) return tree;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.equals(root)) continue;
                String relative = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                if (withoutTelecsOwn && isTelecsOwn(relative)) continue;
                if (Files.isSymbolicLink(p)) {
                    tree.put(relative, new Content(("-> " + Files.readSymbolicLink(p)).getBytes(StandardCharsets.UTF_8), false));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    tree.put(relative + "/", new Content(null, true));
                } else {
                    tree.put(relative, new Content(Files.readAllBytes(p), false));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }

    static void removeTelecsOwn(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                String relative = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                if (!p.equals(root) && isTelecsOwn(relative)) Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A unified diff of every difference, {@code expected} as a/, {@code actual} as b/; empty when equal. */
    static String diff(Map<String, Content> expected, Map<String, Content> actual) {
        StringBuilder out = new StringBuilder();
        Set<String> paths = new TreeSet<>(expected.keySet());
        paths.addAll(actual.keySet());
        for (String path : paths) {
            Content a = expected.get(path);
            Content b = actual.get(path);
            if (a != null && a.equals(b)) continue;
            if (a != null && a.directory || b != null && b.directory) {
                out.append(a == null ? "only in the result: " : b == null ? "missing from the result: " : "differs: ")
                        .append(path).append('\n');
                continue;
            }
            Optional<List<String>> from = a == null ? Optional.of(List.of()) : lines(a.bytes);
            Optional<List<String>> to = b == null ? Optional.of(List.of()) : lines(b.bytes);
            if (from.isEmpty() || to.isEmpty()) {
                out.append("binary files differ: ").append(path).append('\n');
                continue;
            }
            String fromName = a == null ? "/dev/null" : "a/" + path;
            String toName = b == null ? "/dev/null" : "b/" + path;
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, from.get(),
                    DiffUtils.diff(from.get(), to.get()), 3);
            if (unified.isEmpty()) { // same lines, other bytes: a final newline, line endings
                out.append("--- ").append(fromName).append("\n+++ ").append(toName)
                        .append("\n(the same lines; they differ in line endings or the final newline)\n");
            }
            for (String line : unified) out.append(line).append('\n');
        }
        return out.toString();
    }

    private static Optional<List<String>> lines(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) return Optional.empty();
            return Optional.of(Arrays.asList(text.split("\n", -1)));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The paths that differ between two trees (created, deleted or with other content). */
    static Set<String> changed(Map<String, Content> before, Map<String, Content> after) {
        Set<String> changed = new TreeSet<>();
        for (Map.Entry<String, Content> e : before.entrySet()) {
            if (!e.getValue().equals(after.get(e.getKey()))) changed.add(e.getKey());
        }
        for (String path : after.keySet()) {
            if (!before.containsKey(path)) changed.add(path);
        }
        return changed;
    }

    /**
     * The paths a dry-run says end up different from {@code before}: each step's changes replayed over what
     * exists (a moved directory moves all it holds), then compared with what existed at the start.
     */
    static Set<String> netChanges(MigrationReport report, Map<String, Content> before) {
        Map<String, Boolean> exists = new TreeMap<>(); // path -> exists now; absent key: as before
        Set<String> touched = new TreeSet<>();
        for (StepResult step : report.steps()) {
            for (Change change : step.changes()) {
                String path = change.path();
                switch (change.kind()) {
                    case CREATED -> set(exists, touched, path, true);
                    case MODIFIED -> touched.add(path);
                    case DELETED -> {
                        for (String p : under(path, before, exists)) set(exists, touched, p, false);
                    }
                    case MOVED -> {
                        String to = change.to().orElseThrow();
                        for (String p : under(path, before, exists)) {
                            set(exists, touched, p, false);
                            set(exists, touched, to + p.substring(path.length()), true);
                        }
                        set(exists, touched, to, true);
                    }
                }
            }
        }
        Set<String> net = new TreeSet<>();
        for (String path : touched) {
            boolean was = before.containsKey(path);
            boolean is = exists.getOrDefault(path, was);
            if (was != is || (is && !path.endsWith("/"))) net.add(path);
        }
        return net;
    }

    /** {@code path} and, for a directory, everything under it that exists now. */
    private static List<String> under(String path, Map<String, Content> before, Map<String, Boolean> exists) {
        List<String> paths = new ArrayList<>();
        paths.add(path);
        if (!path.endsWith("/")) return paths;
        Set<String> known = new TreeSet<>(before.keySet());
        known.addAll(exists.keySet());
        for (String p : known) {
            if (p.startsWith(path) && !p.equals(path) && exists.getOrDefault(p, before.containsKey(p))) paths.add(p);
        }
        return paths;
    }

    private static void set(Map<String, Boolean> exists, Set<String> touched, String path, boolean value) {
        exists.put(path, value);
        touched.add(path);
    }

    static String setDifference(String label, Set<String> a, Set<String> b) {
        StringBuilder out = new StringBuilder();
        for (String p : a) {
            if (!b.contains(p)) out.append(label).append(": ").append(p).append('\n');
        }
        return out.toString();
    }
}
