package dev.telec.migrate.internal.adapter.out.sandbox;

import dev.telec.migrate.internal.adapter.out.fs.diff.ChangeSet;
import dev.telec.migrate.internal.adapter.out.fs.diff.ChangeSet.Item;
import dev.telec.migrate.internal.adapter.out.fs.diff.DiffRenderer;
import dev.telec.migrate.internal.adapter.out.fs.diff.Entry;
import dev.telec.migrate.internal.application.port.out.Sandbox;
import dev.telec.migrate.domain.Change;
import dev.telec.migrate.domain.Change.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns what touched paths held before a window and hold now into changes (see {@link ChangeSet}): created,
 * deleted, modified, and moved, with unified diffs of text files.
 */
final class Changes {

    private final Path home;
    private final DiffRenderer renderer;

    Changes(Path home, Sandbox.Diffs diffs) {
        this.home = home.toAbsolutePath().normalize();
        this.renderer = new DiffRenderer(diffs);
    }

    List<Change> between(Map<Path, Entry> before) {
        // path -> items; TreeMap keeps path order, and a path may be both deleted and created (type change)
        List<Item> items = new ArrayList<>();
        for (Map.Entry<Path, Entry> e : before.entrySet()) {
            Entry was = e.getValue();
            Entry now;
            try {
                now = Entry.of(e.getKey());
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read the simulation's " + e.getKey(), ex);
            }
            if (was.sameAs(now)) continue;
            String name = relative(e.getKey());
            if (!was.exists()) {
                items.add(new Item(name(name, now), Kind.CREATED, was, now));
            } else if (!now.exists()) {
                items.add(new Item(name(name, was), Kind.DELETED, was, now));
            } else if (was.type() == now.type()) {
                items.add(new Item(name(name, now), Kind.MODIFIED, was, now));
            } else {
                items.add(new Item(name(name, was), Kind.DELETED, was, Entry.ABSENT));
                items.add(new Item(name(name, now), Kind.CREATED, Entry.ABSENT, now));
            }
        }
        return ChangeSet.of(items, renderer);
    }

    private String relative(Path p) {
        if (p.equals(home)) {
            return ".";
        }
        if (p.startsWith(home)) {
            return home.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
        }
        return p.toString(); // outside the home: shown as it is
    }

    private static String name(String relative, Entry e) {
        return e.isDirectory() && !relative.endsWith("/") ? relative + "/" : relative;
    }
}
