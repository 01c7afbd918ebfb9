package dev.telec.migrate.internal.adapter.out.manifest;

import dev.telec.migrate.api.ManifestException;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.spi.Migration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** An entry whose name has been validated; its document and class (or its script) are read on the first {@link #resolve}. */
final class FileEntry implements Manifest.Entry {

    private final MigrationId id;
    private final Location location;
    private final Supplier<Migration> resolver;
    // the definition's checksum, given the way to resolve the step (a class may declare its own checksum())
    private final Function<Supplier<Migration>, Optional<String>> checksummer;
    private Migration resolved;
    private Optional<String> checksum; // null: not computed yet

    FileEntry(MigrationId id, Location location, Supplier<Migration> resolver,
              Function<Supplier<Migration>, Optional<String>> checksummer) {
        this.id = id;
        this.location = location;
        this.resolver = resolver;
        this.checksummer = checksummer;
    }

    @Override
    public MigrationId id() {
        return id;
    }

    @Override
    public String source() {
        return location.label();
    }

    Location location() {
        return location;
    }

    @Override
    public synchronized Migration resolve() {
        if (resolved == null) {
            resolved = resolver.get();
        }
        return resolved;
    }

    /**
     * Of the entry file's bytes; for a {@code class:} entry, of the class file, or what the step's own
     * {@code checksum()} says when its class declares one. Empty when the entry cannot be read or resolved.
     */
    @Override
    public synchronized Optional<String> checksum() {
        if (checksum == null) {
            Optional<String> computed;
            try {
                computed = checksummer.apply(this::resolve);
            } catch (ManifestException e) {
                computed = Optional.empty(); // validate and the run report the entry itself
            }
            checksum = computed;
        }
        return checksum;
    }

    @Override
    public String toString() {
        return id + " (" + location + ")";
    }
}
