package dev.telec.migrate.internal.adapter.out.backup;

import dev.telec.migrate.internal.adapter.out.fs.diff.ChangeSet;
import dev.telec.migrate.internal.adapter.out.fs.diff.ChangeSet.Item;
import dev.telec.migrate.internal.adapter.out.fs.diff.DiffRenderer;
import dev.telec.migrate.internal.adapter.out.fs.diff.Entry;
import dev.telec.migrate.domain.Change;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What putting paths back as their pre-images say changes, described as a dry-run describes a step's changes:
 * from what the home holds now to what the pre-image held, through the same {@link ChangeSet} as a dry-run's
 * sandbox. A path the pre-image did not have is deleted, one the home does not have is created, a path whose
 * kind differs is deleted and created again, and a deleted and a created path with the same content are a
 * move; a modified path's diff starts with a {@code mode} and an {@code owner} line when those differ.
 * Reads only.
 */
final class RestoreChanges {

    private RestoreChanges() {
    }

    /** @param renderer how changes are described (without diffs, contents are read only for their digests) */
    static List<Change> of(Path home, List<HomeRestorer.Saved> images, DiffRenderer renderer) throws IOException {
        List<Item> items = new ArrayList<>();
        for (HomeRestorer.Saved saved : images) {
            if (!HomeRestorer.differs(home, saved)) continue;
            PreImage image = saved.image();
            String path = image.path().isEmpty() ? "." : image.path();
            PreImage.Kind now = HomeRestorer.kindOf(home, image.path());
            Entry is = kept(now == PreImage.Kind.ABSENT ? Entry.ABSENT : Entry.of(HomeRestorer.resolve(home, image.path())), renderer);
            Entry was = kept(saved(saved), renderer);
            if (image.kind() == PreImage.Kind.ABSENT) {
                items.add(new Item(shown(path, is), Change.Kind.DELETED, is, Entry.ABSENT));
            } else if (now == PreImage.Kind.ABSENT) {
                items.add(new Item(shown(path, was), Change.Kind.CREATED, Entry.ABSENT, was));
            } else if (is.type() != was.type()) {
                items.add(new Item(shown(path, is), Change.Kind.DELETED, is, Entry.ABSENT));
                items.add(new Item(shown(path, was), Change.Kind.CREATED, Entry.ABSENT, was));
            } else {
                String attributes = renderer.enabled()
                        ? attributes(PreImage.of(image.path(), HomeRestorer.resolve(home, image.path())), image) : "";
                items.add(new Item(shown(path, is), Change.Kind.MODIFIED, is, was, attributes));
            }
        }
        return ChangeSet.of(items, renderer);
    }

    private static String shown(String path, Entry e) {
        return e.isDirectory() ? path + "/" : path;
    }

    /** Without diffs only the digest is needed (to pair moves): the content is not held. */
    private static Entry kept(Entry e, DiffRenderer renderer) {
        return renderer.enabled() || e.content() == null ? e : new Entry(e.type(), e.digest(), null, e.size());
    }

    /** {@code mode 0600 -> 0640} and {@code owner root:root -> alice:staff} lines, for what differs. */
    private static String attributes(PreImage now, PreImage then) {
        List<String> lines = new ArrayList<>();
        if (now.mode() >= 0 && then.mode() >= 0 && now.mode() != then.mode()) lines.add(DiffRenderer.mode(now.mode(), then.mode()));
        String from = owner(now);
        String to = owner(then);
        if (!from.equals(to)) lines.add(DiffRenderer.owner(from, to));
        return String.join("\n", lines);
    }

    /** {@code alice:staff}: the names where known, else the numbers. */
    private static String owner(PreImage p) {
        return (p.owner().isEmpty() ? String.valueOf(p.uid()) : p.owner()) + ":" + (p.group().isEmpty() ? String.valueOf(p.gid()) : p.group());
    }

    private static Entry saved(HomeRestorer.Saved saved) throws IOException {
        PreImage image = saved.image();
        return switch (image.kind()) {
            case ABSENT -> Entry.ABSENT;
            case DIRECTORY -> new Entry(Entry.Type.DIRECTORY, "", null, 0);
            case LINK -> new Entry(Entry.Type.LINK, image.link(), null, 0);
            case OTHER -> new Entry(Entry.Type.OTHER, "", null, 0);
            case FILE -> {
                try (InputStream in = PreImageContent.stream(saved)) {
                    yield Entry.file(in);
                }
            }
        };
    }
}
