package dev.telec.migrate.internal.adapter.out.operations;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telec.migrate.kit.JsonText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A JSON, TOML or .properties document as a Jackson tree (object key order is kept); JSON keeps its layout ({@link JsonText}). */
final class JacksonDocument implements Document {

    private final ObjectNode root;
    /** How a TOML or properties document is written; null for JSON, which {@link JsonText} writes. */
    private final ObjectWriter writer;
    private final boolean json;
    /** The JSON text the document was read from, whose layout an edit keeps; null for TOML, properties, new documents. */
    private final String original;

    private JacksonDocument(ObjectNode root, ObjectWriter writer, boolean json, String original) {
        this.root = root;
        this.writer = writer;
        this.json = json;
        this.original = original;
    }

    /** A JSON document, read from {@code original} (null for a new one), whose layout an edit keeps. */
    static JacksonDocument json(ObjectNode root, String original) {
        return new JacksonDocument(root, null, true, original);
    }

    /** A TOML or properties document, written with {@code writer}. */
    static JacksonDocument written(ObjectNode root, ObjectWriter writer) {
        return new JacksonDocument(root, writer, false, null);
    }

    @Override
    public JsonNode get(JsonPointer pointer) {
        JsonNode node = root.at(pointer);
        return node.isMissingNode() ? null : node;
    }

    @Override
    public void set(JsonPointer pointer, JsonNode value) {
        List<String> names = Document.names(pointer);
        ObjectNode parent = parent(pointer, names, true);
        parent.set(names.get(names.size() - 1), value.deepCopy());
    }

    @Override
    public void remove(JsonPointer pointer) {
        List<String> names = Document.names(pointer);
        ObjectNode parent = parent(pointer, names, false);
        if (parent != null) parent.remove(names.get(names.size() - 1));
    }

    @Override
    public void rename(JsonPointer from, JsonPointer to) {
        List<String> fromNames = Document.names(from);
        List<String> toNames = Document.names(to);
        if (fromNames.subList(0, fromNames.size() - 1).equals(toNames.subList(0, toNames.size() - 1))) {
            // same mapping: rename in place so that the key keeps its position
            ObjectNode parent = parent(from, fromNames, false);
            String oldName = fromNames.get(fromNames.size() - 1);
            String newName = toNames.get(toNames.size() - 1);
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            parent.fields().forEachRemaining(entries::add);
            parent.removeAll();
            for (Map.Entry<String, JsonNode> e : entries) parent.set(e.getKey().equals(oldName) ? newName : e.getKey(), e.getValue());
            return;
        }
        JsonNode value = get(from);
        set(to, value);
        remove(from);
    }

    /** The object holding the last name of {@code pointer}; null when absent and not {@code create}. */
    private ObjectNode parent(JsonPointer pointer, List<String> names, boolean create) {
        if (names.isEmpty()) throw new OperationFailure("pointer '' names the whole document; name a key");
        ObjectNode node = root;
        for (int i = 0; i < names.size() - 1; i++) {
            JsonNode child = node.get(names.get(i));
            if (child == null || child.isNull()) {
                if (!create) return null;
                child = node.putObject(names.get(i));
            } else if (!child.isObject()) {
                if (!create) return null;
                throw new OperationFailure("/" + String.join("/", names.subList(0, i + 1)) + " is "
                        + (child.isArray() ? "a list" : child.isTextual() ? "a string" : child.isNumber() ? "a number"
                                : child.isBoolean() ? "a boolean" : "a " + child.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                        + ", not a mapping (pointer " + pointer + ")");
            }
            node = (ObjectNode) child;
        }
        return node;
    }

    @Override
    public JsonNode data() {
        return root;
    }

    @Override
    public byte[] bytes() throws IOException {
        String text = json ? JsonText.emit(root, original) : writer.writeValueAsString(root);
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
