package dev.telec.migrate.internal.adapter.out.operations;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * A structured document being edited through JSON Pointers. Writes go only through objects (mappings):
 * a pointer whose parent is a scalar or a list is an {@link OperationFailure}. Missing parents are created
 * by {@link #set} and {@link #rename}.
 */
interface Document {

    /** The value at {@code pointer}, or null when absent. */
    JsonNode get(JsonPointer pointer);

    void set(JsonPointer pointer, JsonNode value);

    /** Removes the value at {@code pointer} if present. */
    void remove(JsonPointer pointer);

    /** Moves the value at {@code from} (which must be present) to {@code to} (which must be absent). */
    void rename(JsonPointer from, JsonPointer to);

    /** The whole document's data. */
    JsonNode data();

    /** The document's text. */
    byte[] bytes() throws IOException;

    /** The names of {@code pointer}, for walking mappings. */
    static java.util.List<String> names(JsonPointer pointer) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (JsonPointer p = pointer; !p.matches(); p = p.tail()) names.add(p.getMatchingProperty());
        return names;
    }

    static String parentOf(JsonPointer pointer) {
        return pointer.head().toString();
    }
}
