package dev.telec.migrate.adapter.out.manifest;

import dev.telec.migrate.application.port.out.Manifest;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.spi.Migration;
import java.util.function.Supplier;

/** An entry whose name has been validated; its document and class (or its script) are read on the first {@link #resolve}. */
final class FileEntry implements Manifest.Entry {

    private final MigrationId id;
    private final Location location;
    private final Supplier<Migration> resolver;
    private Migration resolved;

    FileEntry(MigrationId id, Location location, Supplier<Migration> resolver) {
        this.id = id;
        this.location = location;
        this.resolver = resolver;
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

    @Override
    public String toString() {
        return id + " (" + location + ")";
    }
}
