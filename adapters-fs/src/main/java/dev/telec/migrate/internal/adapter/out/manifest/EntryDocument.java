package dev.telec.migrate.internal.adapter.out.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telec.migrate.api.ManifestException;

/**
 * A parsed entry document (a mapping), where it is, the class loader its classes come from and the tree it
 * belongs to (for the commands of {@code exec:} entries).
 */
record EntryDocument(Location location, ObjectNode fields, ClassLoader classLoader, Scripts.Origin origin) {

    ManifestException error(String message) {
        return location.error(message);
    }

    ManifestException error(String message, Throwable cause) {
        return location.error(message, cause);
    }
}
