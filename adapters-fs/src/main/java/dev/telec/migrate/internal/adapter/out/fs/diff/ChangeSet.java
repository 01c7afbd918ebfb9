package dev.telec.migrate.internal.adapter.out.fs.diff;

import dev.telec.migrate.domain.Change;
import dev.telec.migrate.domain.Change.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns what paths held before and hold after into the changes telec shows, wherever it shows them (a dry-run's
 * steps, a restore): created, deleted, modified, and moved (a deleted and a created path with the same content;
 * a directory when everything under it moved alike), each with its diff from the {@link DiffRenderer}, in
 * path order.
 */
public final class ChangeSet {

    private ChangeSet() {
    }

    /**
     * A raw change: a path relative to the home ({@code /}-separated, directories end with {@code /}), what it
     * held before and after, and the lines saying how its mode or owner changed ({@code ""}: they did not, or
     * they are not compared).
     */
    public record Item(String path, Kind kind, Entry before, Entry after, String attributes) {
        public Item {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(attributes, "attributes");
        }

        public Item(String path, Kind kind, Entry before, Entry after) {
            this(path, kind, before, after, "");
        }
    }

    public static List<Change> of(List<Item> items, DiffRenderer renderer) {
        Map<String, Item> deleted = new TreeMap<>();
        Map<String, Item> created = new TreeMap<>();
        List<Change> out = new ArrayList<>();
        for (Item i : items) {
            if (i.kind == Kind.DELETED) deleted.put(i.path, i);
            else if (i.kind == Kind.CREATED) created.put(i.path, i);
            else out.add(describe(i, renderer));
        }
        // files (and links): same content; prefer the same file name among candidates
        Map<String, Deque<String>> createdByContent = new HashMap<>();
        for (Item c : created.values()) {
            if (!c.after.isDirectory()) createdByContent.computeIfAbsent(contentKey(c.after), k -> new ArrayDeque<>()).add(c.path);
        }
        Map<String, String> moves = new LinkedHashMap<>(); // from -> to
        for (Item d : deleted.values()) {
            if (d.before.isDirectory()) continue;
            Deque<String> candidates = createdByContent.get(contentKey(d.before));
            if (candidates == null || candidates.isEmpty()) continue;
            String target = candidates.stream().filter(c -> fileName(c).equals(fileName(d.path))).findFirst().orElse(candidates.peekFirst());
            candidates.remove(target);
            moves.put(d.path, target);
        }
        // directories: everything under the deleted one moved to the same place under the created one
        // shallowest first, so that a moved tree is explained by its top directory before any directory in it
        List<String> deletedDirs = deleted.keySet().stream().filter(p -> p.endsWith("/"))
                .sorted(Comparator.comparingLong((String p) -> p.chars().filter(ch -> ch == '/').count())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        List<String> createdDirs = new ArrayList<>(created.keySet().stream().filter(p -> p.endsWith("/")).toList());
        Map<String, String> dirMoves = new LinkedHashMap<>();
        for (String d : deletedDirs) {
            if (dirMoves.keySet().stream().anyMatch(d::startsWith)) continue; // under a directory already moved
            List<String> ordered = new ArrayList<>(createdDirs);
            ordered.sort(Comparator.comparing((String c) -> !fileName(c).equals(fileName(d))));
            for (String c : ordered) {
                if (c.startsWith(d) || d.startsWith(c)) continue;
                // a target inside (or around) one already paired is explained by that move, not by this one
                if (dirMoves.values().stream().anyMatch(t -> c.startsWith(t) || t.startsWith(c))) continue;
                if (movedAlike(d, c, deleted, created, moves)) {
                    dirMoves.put(d, c);
                    break;
                }
            }
        }
        for (Map.Entry<String, String> m : dirMoves.entrySet()) {
            String from = m.getKey();
            String to = m.getValue();
            deleted.keySet().removeIf(p -> p.startsWith(from));
            created.keySet().removeIf(p -> p.startsWith(to));
            moves.keySet().removeIf(p -> p.startsWith(from));
            out.add(Change.moved(from, to));
        }
        for (Map.Entry<String, String> m : moves.entrySet()) {
            deleted.remove(m.getKey());
            created.remove(m.getValue());
            out.add(Change.moved(m.getKey(), m.getValue()));
        }
        deleted.values().forEach(i -> out.add(describe(i, renderer)));
        created.values().forEach(i -> out.add(describe(i, renderer)));
        out.sort(Comparator.comparing(Change::path).thenComparing(c -> c.kind().ordinal()));
        return out;
    }

    /** Whether everything under {@code from} was moved, by name, to under {@code to}, and nothing else arrived there. */
    private static boolean movedAlike(String from, String to, Map<String, Item> deleted, Map<String, Item> created,
                                      Map<String, String> moves) {
        for (String p : deleted.keySet()) {
            if (!p.startsWith(from) || p.equals(from)) continue;
            String there = to + p.substring(from.length());
            boolean ok = p.endsWith("/") ? created.containsKey(there) : there.equals(moves.get(p));
            if (!ok) return false;
        }
        for (String p : created.keySet()) {
            if (!p.startsWith(to) || p.equals(to)) continue;
            String source = from + p.substring(to.length());
            boolean ok = p.endsWith("/") ? deleted.containsKey(source) : p.equals(moves.get(source));
            if (!ok) return false;
        }
        return true;
    }

    private static Change describe(Item i, DiffRenderer renderer) {
        if (!renderer.enabled()) return Change.of(i.path, i.kind, Optional.empty());
        if (i.path.endsWith("/")) {
            // a directory has no content to diff; what else changed in it is its mode or owner
            return Change.of(i.path, i.kind, i.attributes.isEmpty() ? Optional.empty() : Optional.of(i.attributes));
        }
        String content = i.before.sameAs(i.after) ? "" : renderer.diff(i.path, i.before, i.after);
        String diff = i.attributes.isEmpty() ? content : content.isEmpty() ? i.attributes : i.attributes + "\n" + content;
        return Change.of(i.path, i.kind, Optional.of(diff));
    }

    private static String contentKey(Entry e) {
        return e.type() + ":" + e.digest();
    }

    private static String fileName(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
