package dev.telec.migrate.internal.application.manifest;

import dev.telec.migrate.api.ManifestException;
import dev.telec.migrate.domain.AppProfile;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.domain.VersionRange;
import dev.telec.migrate.spi.Migration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated set of step entries, in (version, NNN) order. Entry names are validated when the manifest is
 * loaded; an entry's document and class are resolved only when a run needs the step, so that a run with
 * nothing to do reads no entry.
 */
public final class Manifest {

    /** One entry: its id, and how to get its implementation. */
    public interface Entry {
        MigrationId id();

        /** Where the entry comes from, for messages: a file path or classpath resource. */
        String source();

        /**
         * The step's implementation.
         *
         * @throws ManifestException naming the entry when its document or class cannot be used
         */
        Migration resolve();

        /**
         * The checksum of the step's definition as it is now, {@code algorithm:value} ({@code sha256:...}),
         * recorded with the step so that a later change to its definition shows as drift. Reads what it
         * needs (the entry's file, a step class's class file) but never calls check() or migrate().
         *
         * @return empty when the definition cannot be read (an unresolvable entry, or a catalog without
         *     checksums): such a step is never reported as drifted
         */
        default Optional<String> checksum() {
            return Optional.empty();
        }
    }

    private final List<Entry> entries;
    private final Optional<AppProfile> profile;

    private Manifest(List<Entry> sorted, Optional<AppProfile> profile) {
        this.entries = List.copyOf(sorted);
        this.profile = profile;
    }

    /**
     * A manifest of {@code entries}, in any order.
     *
     * @throws IllegalArgumentException when two entries share a version and number
     */
    public static Manifest of(List<? extends Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> a.id().compareTo(b.id()));
        Map<String, Entry> seen = new HashMap<>();
        for (Entry e : sorted) {
            // not String.format: Formatter's first use loads locale data, milliseconds of every start
            String key = e.id().version() + "/" + e.id().number();
            Entry previous = seen.putIfAbsent(key, e);
            if (previous != null) {
                throw new IllegalArgumentException("two entries with number " + String.format("%03d", e.id().number())
                        + " in version " + e.id().version() + ": " + previous.source() + " and " + e.source());
            }
        }
        return new Manifest(sorted, Optional.empty());
    }

    /** This manifest, saying which app its steps are for. */
    public Manifest withProfile(AppProfile value) {
        return new Manifest(entries, Optional.of(value));
    }

    /** The app these steps are for, when the tree declares one ({@code telec.yaml}). */
    public Optional<AppProfile> profile() {
        return profile;
    }

    /**
     * A manifest of steps passed as objects ({@link dev.telec.migrate.application.port.in.StepSource.Migrations}).
     *
     * @throws IllegalArgumentException when two steps share a version and number
     */
    public static Manifest ofMigrations(Map<MigrationId, Migration> steps) {
        List<Entry> entries = new ArrayList<>();
        steps.forEach((id, step) -> entries.add(new Given(id, step)));
        return of(entries);
    }

    private record Given(MigrationId id, Migration step) implements Entry {
        @Override
        public String source() {
            return step.getClass().getName() + " (" + id + ")";
        }

        @Override
        public Migration resolve() {
            return step;
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The entries with {@code from < version <= to}, in order. */
    public List<Entry> within(VersionRange range) {
        List<Entry> selected = new ArrayList<>();
        for (Entry e : entries) {
            if (range.contains(e.id().version())) selected.add(e);
        }
        return selected;
    }

    public Optional<Version> newest() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1).id().version());
    }
}
