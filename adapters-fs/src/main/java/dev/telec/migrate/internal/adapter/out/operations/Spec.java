package dev.telec.migrate.internal.adapter.out.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/** The fields of one operation, read strictly: each accessor fails with the operation's index and name. */
final class Spec {

    final int index;
    final String op;
    private final ObjectNode fields;

    Spec(int index, String op, ObjectNode fields) {
        this.index = index;
        this.op = op;
        this.fields = fields;
    }

    InvalidOperationException error(String message) {
        return new InvalidOperationException(op + " (operation " + (index + 1) + "): " + message);
    }

    /** Fails on any field but {@code op} and {@code allowed}. */
    void only(String... allowed) {
        Set<String> known = new TreeSet<>(Set.of(allowed));
        known.add("op");
        for (Iterator<String> it = fields.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) throw error("unknown field '" + f + "' (fields of " + op + ": " + String.join(", ", known) + ")");
        }
    }

    boolean has(String field) {
        return fields.has(field);
    }

    String text(String field) {
        JsonNode v = fields.get(field);
        if (v == null) throw error("missing field '" + field + "'");
        if (!v.isTextual()) throw error(field + " must be a string");
        return v.asText();
    }

    JsonNode value(String field) {
        JsonNode v = fields.get(field);
        if (v == null) throw error("missing field '" + field + "'");
        return v;
    }

    HomePattern path(String field) {
        String text = text(field);
        try {
            return HomePattern.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(field + " " + e.getMessage());
        }
    }

    HomePattern target(String field, HomePattern source) {
        String text = text(field);
        try {
            return HomePattern.parseTarget(text, source);
        } catch (IllegalArgumentException e) {
            throw error(field + " " + e.getMessage());
        }
    }
}
