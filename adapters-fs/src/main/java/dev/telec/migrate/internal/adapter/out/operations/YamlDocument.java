package dev.telec.migrate.internal.adapter.out.operations;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.telec.migrate.kit.YamlText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML document edited as a SnakeYAML node tree composed with comments ({@link YamlText}), so that
 * comments, blank lines, key order, scalar quoting and flow/block style of everything not edited survive,
 * and lines the edit does not change are written back as they were.
 */
final class YamlDocument implements Document {

    private static final class Holder {
        static final ObjectMapper DATA = new YAMLMapper();
    }

    private MappingNode root;
    private JsonNode data;
    /** The text the document was parsed from: lines the edit did not change are written back as they were. */
    private String original;

    private YamlDocument(MappingNode root) {
        this.root = root;
    }

    /** @throws IllegalArgumentException when the text is not YAML or not a mapping */
    static YamlDocument parse(String text) {
        YamlDocument doc = new YamlDocument(YamlText.parseMapping(text));
        doc.original = text;
        return doc;
    }

    static YamlDocument empty() {
        return new YamlDocument(new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK));
    }

    /** A document holding {@code data}, in block style. */
    static YamlDocument of(JsonNode data) {
        YamlDocument doc = empty();
        data.fields().forEachRemaining(e -> tuples(doc.root).add(new NodeTuple(key(e.getKey()), represent(e.getValue()))));
        return doc;
    }

    @Override
    public JsonNode get(JsonPointer pointer) {
        JsonNode node = data().at(pointer);
        return node.isMissingNode() ? null : node;
    }

    @Override
    public void set(JsonPointer pointer, JsonNode value) {
        List<String> names = Document.names(pointer);
        MappingNode parent = parent(pointer, names, true);
        String name = names.get(names.size() - 1);
        Node fresh = represent(value);
        List<NodeTuple> tuples = tuples(parent);
        for (int i = 0; i < tuples.size(); i++) {
            NodeTuple t = tuples.get(i);
            if (name.equals(keyOf(t))) {
                // keep the comment at the end of the replaced value's line
                fresh.setInLineComments(t.getValueNode().getInLineComments());
                tuples.set(i, new NodeTuple(t.getKeyNode(), fresh));
                data = null;
                return;
            }
        }
        tuples.add(new NodeTuple(key(name), fresh));
        data = null;
    }

    @Override
    public void remove(JsonPointer pointer) {
        List<String> names = Document.names(pointer);
        MappingNode parent = parent(pointer, names, false);
        if (parent == null) return;
        String name = names.get(names.size() - 1);
        if (tuples(parent).removeIf(t -> name.equals(keyOf(t)))) data = null;
    }

    @Override
    public void rename(JsonPointer from, JsonPointer to) {
        List<String> fromNames = Document.names(from);
        List<String> toNames = Document.names(to);
        MappingNode fromParent = parent(from, fromNames, false);
        String oldName = fromNames.get(fromNames.size() - 1);
        String newName = toNames.get(toNames.size() - 1);
        int index = indexOf(fromParent, oldName);
        NodeTuple old = fromParent.getValue().get(index);
        ScalarNode oldKey = (ScalarNode) old.getKeyNode();
        ScalarNode newKey = new ScalarNode(Tag.STR, newName, null, null, oldKey.getScalarStyle());
        newKey.setBlockComments(oldKey.getBlockComments());
        newKey.setInLineComments(oldKey.getInLineComments());
        if (fromNames.subList(0, fromNames.size() - 1).equals(toNames.subList(0, toNames.size() - 1))) {
            tuples(fromParent).set(index, new NodeTuple(newKey, old.getValueNode()));
        } else {
            tuples(fromParent).remove(index);
            tuples(parent(to, toNames, true)).add(new NodeTuple(newKey, old.getValueNode()));
        }
        data = null;
    }

    private MappingNode parent(JsonPointer pointer, List<String> names, boolean create) {
        if (names.isEmpty()) throw new OperationFailure("pointer '' names the whole document; name a key");
        MappingNode node = root;
        for (int i = 0; i < names.size() - 1; i++) {
            int index = indexOf(node, names.get(i));
            Node child = index < 0 ? null : node.getValue().get(index).getValueNode();
            boolean isNull = child instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
            if (child == null || isNull) {
                if (!create) return null;
                MappingNode fresh = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
                if (index < 0) tuples(node).add(new NodeTuple(key(names.get(i)), fresh));
                else tuples(node).set(index, new NodeTuple(node.getValue().get(index).getKeyNode(), fresh));
                child = fresh;
            } else if (!(child instanceof MappingNode)) {
                if (!create) return null;
                throw new OperationFailure("/" + String.join("/", names.subList(0, i + 1)) + " is "
                        + (child instanceof org.yaml.snakeyaml.nodes.SequenceNode ? "a list" : "a value") + ", not a mapping (pointer " + pointer + ")");
            }
            node = (MappingNode) child;
        }
        return node;
    }

    /** The tuples of {@code mapping}, made editable (SnakeYAML composes some mappings with fixed lists). */
    private static List<NodeTuple> tuples(MappingNode mapping) {
        if (!(mapping.getValue() instanceof ArrayList)) mapping.setValue(new ArrayList<>(mapping.getValue()));
        return mapping.getValue();
    }

    private static int indexOf(MappingNode mapping, String name) {
        List<NodeTuple> tuples = mapping.getValue();
        for (int i = 0; i < tuples.size(); i++) if (name.equals(keyOf(tuples.get(i)))) return i;
        return -1;
    }

    private static String keyOf(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
    }

    private static ScalarNode key(String name) {
        return new ScalarNode(Tag.STR, name, null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    private static Node represent(JsonNode value) {
        Object plain = Holder.DATA.convertValue(value, Object.class);
        return YamlText.node(plain);
    }

    @Override
    public JsonNode data() {
        if (data == null) {
            try {
                String text = text();
                JsonNode tree = Holder.DATA.readTree(text);
                data = tree == null || tree.isMissingNode() || tree.isNull() ? Holder.DATA.createObjectNode() : tree;
            } catch (IOException e) {
                throw new IllegalStateException("cannot read back the YAML document: " + e.getMessage(), e);
            }
        }
        return data;
    }

    private String text() {
        if (root.getValue().isEmpty() && root.getBlockComments() == null && root.getEndComments() == null) return "{}\n";
        return YamlText.emit(root, original);
    }

    @Override
    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }
}
