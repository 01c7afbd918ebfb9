package dev.telec.migrate.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A JSON document edited as a Jackson tree (which keeps key order), written back in its author's layout:
 *
 * <pre>{@code
 * String before = Files.readString(file);
 * ObjectNode root = (ObjectNode) JsonText.parse(before);
 * root.put("update_channel", "stable");
 * HomeFiles.replace(file, JsonText.emit(root, before).getBytes(UTF_8));
 * }</pre>
 *
 * The indentation unit (spaces or a tab) is taken from the original; every line the edit did not change
 * stays byte for byte; new lines use {@code "key": value} spacing. A document that was on one line is written
 * pretty-printed with two spaces.
 */
public final class JsonText {

    private JsonText() {
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    /**
     * The tree of {@code text}.
     *
     * @throws IllegalArgumentException when it is not JSON (duplicate keys included)
     */
    public static JsonNode parse(String text) {
        try {
            return Holder.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The text of {@code root}, laid out like {@code original} (the text it was parsed from; null for a new
     * document), with a trailing newline.
     */
    public static String emit(JsonNode root, String original) {
        String emitted = pretty(root, original == null ? "  " : indentUnit(original));
        if (original == null) return emitted;
        return KeptLines.keep(original, emitted, JsonText::withoutLayout, kept -> {
            try {
                return Holder.MAPPER.readTree(kept).equals(root);
            } catch (JsonProcessingException e) {
                return false;
            }
        });
    }

    private static String pretty(JsonNode root, String indent) {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter(indent, "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        try {
            return Holder.MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree: " + e.getOriginalMessage(), e);
        }
    }

    /** The leading whitespace of the first indented line: a tab, or the spaces the author used. */
    static String indentUnit(String original) {
        for (String line : original.lines().toList()) {
            int i = 0;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
            if (i > 0 && i < line.length()) return line.charAt(0) == '\t' ? "\t" : line.substring(0, i);
        }
        return "  ";
    }

    /**
     * The line's indentation, then the rest without whitespace outside string literals (in JSON that is only
     * layout). Indentation is compared as it is: the emitter uses the original's unit, and it is what tells a
     * closing brace of one level from another's.
     */
    private static String withoutLayout(String line) {
        StringBuilder out = new StringBuilder(line.length());
        int indent = 0;
        while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) indent++;
        out.append(line, 0, indent);
        boolean inString = false;
        for (int i = indent; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < line.length()) out.append(line.charAt(++i));
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
