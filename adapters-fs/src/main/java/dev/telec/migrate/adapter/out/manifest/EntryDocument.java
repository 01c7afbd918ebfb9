package dev.telec.migrate.adapter.out.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telec.migrate.application.TelecException.ManifestException;

/** A parsed entry document (a mapping), where it is and the class loader its classes come from. */
record EntryDocument(Location location, ObjectNode fields, ClassLoader classLoader) {

    ManifestException error(String message) {
        return location.error(message);
    }

    ManifestException error(String message, Throwable cause) {
        return location.error(message, cause);
    }
}
