package dev.telec.migrate.adapter.out.manifest;

import dev.telec.migrate.application.port.out.Manifest;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.application.TelecException.ManifestException;
import dev.telec.migrate.spi.Migration;
import java.util.Optional;

/** An entry whose name has been validated; its document and class are read on the first {@link #resolve}. */
final class FileEntry implements Manifest.Entry {

    private final MigrationId id;
    private final Location location;
    private final Content content;
    private final Format format;
    private final ClassLoader classLoader;
    private final EntryParser parser;
    private Migration resolved;
    private Optional<String> checksum; // null: not computed yet

    FileEntry(MigrationId id, Location location, Content content, Format format, ClassLoader classLoader, EntryParser parser) {
        this.id = id;
        this.location = location;
        this.content = content;
        this.format = format;
        this.classLoader = classLoader;
        this.parser = parser;
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
            resolved = parser.resolve(location, content, format, classLoader);
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
                computed = parser.checksum(location, content, format, classLoader, this::resolve);
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
