package dev.telec.migrate.kit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.telec.migrate.api.TelecException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML document edited as a SnakeYAML node tree with its comments, written back so that every line the
 * edit did not change stays as it was:
 *
 * <pre>{@code
 * String before = Files.readString(file);
 * MappingNode root = YamlText.parseMapping(before);
 * // ... edit root's tuples ...
 * HomeFiles.replace(file, YamlText.emit(root, before).getBytes(UTF_8));
 * }</pre>
 *
 * Comments, blank lines, key order, quoting and flow or block style of what is not edited survive. Lines
 * the edit adds or changes are emitted with 2-space indentation and list dashes indented under their key.
 */
public final class YamlText {

    private static final String COMMENT_TAG = "tag:yaml.org,2002:comment";

    private YamlText() {
    }

    private static final class Holder {
        static final LoaderOptions LOADER = loaderOptions();
        static final DumperOptions DUMPER = dumperOptions();
        static final ObjectMapper DATA = new YAMLMapper();

        private static LoaderOptions loaderOptions() {
            LoaderOptions options = new LoaderOptions();
            options.setProcessComments(true);
            options.setAllowDuplicateKeys(false);
            return options;
        }

        private static DumperOptions dumperOptions() {
            DumperOptions options = new DumperOptions();
            options.setProcessComments(true);
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            options.setIndent(2);
            options.setIndicatorIndent(2);
            options.setIndentWithIndicator(true);
            options.setSplitLines(false);
            options.setWidth(Integer.MAX_VALUE / 2);
            return options;
        }
    }

    /**
     * The top-level mapping of {@code text}, with comments. An empty document, or one of comments only, is an
     * empty mapping that carries those comments.
     *
     * @throws IllegalArgumentException when the text is not YAML (duplicate keys included) or its top level is
     *     not a mapping
     */
    public static MappingNode parseMapping(String text) {
        Node node;
        try {
            node = new Yaml(Holder.LOADER).compose(new StringReader(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not valid YAML: " + TelecException.oneLine(e.getMessage()), e);
        }
        MappingNode empty = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
        if (node == null) return empty;
        if (COMMENT_TAG.equals(node.getTag().getValue())) {
            // SnakeYAML gives a comments-only document as a placeholder that cannot hold keys
            empty.setBlockComments(node.getBlockComments());
            empty.setEndComments(node.getEndComments());
            return empty;
        }
        if (!(node instanceof MappingNode mapping)) throw new IllegalArgumentException("the document is not a mapping");
        refuseDuplicateKeys(mapping);
        return mapping;
    }

    /**
     * The text of {@code root}. Where {@code original} (the text it was parsed from) is given, every emitted
     * line that differs from an original line only in runs of blanks after its indentation (SnakeYAML
     * normalizes those, e.g. before an end-of-line comment) is the original line; that result is used only when it holds
     * exactly the data of the emitted text, otherwise the emitted text is.
     */
    public static String emit(Node root, String original) {
        StringWriter out = new StringWriter();
        new Yaml(Holder.DUMPER).serialize(root, out);
        String emitted = out.toString();
        return original == null ? emitted : keepOriginalLines(original, emitted);
    }

    /** A block-style node for a plain value: maps, lists, strings, numbers, booleans, null. */
    public static Node node(Object value) {
        return new Yaml(Holder.DUMPER).represent(value);
    }

    static String keepOriginalLines(String original, String emitted) {
        return KeptLines.keep(original, emitted, YamlText::normalized, kept -> {
            try {
                return Holder.DATA.readTree(kept).equals(Holder.DATA.readTree(emitted));
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** The line with its indentation kept and every other run of blanks folded to one space. */
    private static String normalized(String line) {
        String stripped = line.stripTrailing();
        int indent = 0;
        while (indent < stripped.length() && stripped.charAt(indent) == ' ') indent++;
        return stripped.substring(0, indent) + stripped.substring(indent).replaceAll("[ \\t]+", " ");
    }

    /** SnakeYAML refuses duplicate keys only when it constructs objects, not when it composes nodes. */
    private static void refuseDuplicateKeys(Node node) {
        if (node instanceof MappingNode mapping) {
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && !keys.add(key.getValue())) {
                    throw new IllegalArgumentException("duplicate key '" + key.getValue() + "' (line "
                            + (key.getStartMark() == null ? "?" : key.getStartMark().getLine() + 1) + ")");
                }
                refuseDuplicateKeys(tuple.getValueNode());
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(YamlText::refuseDuplicateKeys);
        }
    }
}
