package dev.telec.migrate.internal.application;

import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.internal.application.port.out.Manifests;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.spi.Migration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A manifest given as a list, for tests; counts how often entries are resolved. */
final class ListManifests implements Manifests {

    record Entry(MigrationId id, Supplier<Migration> factory, int[] resolutions, String[] definition) implements Manifest.Entry {
        @Override
        public String source() {
            return "test:" + id;
        }

        @Override
        public Migration resolve() {
            resolutions[0]++;
            return factory.get();
        }

        @Override
        public Optional<String> checksum() {
            return Optional.ofNullable(definition[0]);
        }
    }

    final List<Entry> entries = new ArrayList<>();

    ListManifests add(MigrationId id, Migration migration) {
        entries.add(new Entry(id, () -> migration, new int[1], new String[] {"sha256:" + id.number()}));
        return this;
    }

    ListManifests add(MigrationId id, Supplier<Migration> factory) {
        entries.add(new Entry(id, factory, new int[1], new String[] {"sha256:" + id.number()}));
        return this;
    }

    /** Changes the definition of step {@code id}, as an edited entry file would. */
    void redefine(MigrationId id, String checksum) {
        entries.stream().filter(e -> e.id().equals(id)).forEach(e -> e.definition()[0] = checksum);
    }

    int resolutions() {
        return entries.stream().mapToInt(e -> e.resolutions()[0]).sum();
    }

    @Override
    public Manifest load(StepSource source) {
        return Manifest.of(entries);
    }
}
