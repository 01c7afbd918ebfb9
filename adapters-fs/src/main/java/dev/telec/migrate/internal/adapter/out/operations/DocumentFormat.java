package dev.telec.migrate.internal.adapter.out.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.javaprop.JavaPropsMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.telec.migrate.internal.adapter.out.fs.Causes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats of documents that operations edit. Each format's machinery is built on first use only
 * (holder idiom): a run that edits no YAML never builds SnakeYAML, one that edits no TOML never loads the
 * TOML mapper.
 */
enum DocumentFormat {
    JSON("json"),
    YAML("yaml"),
    TOML("toml"),
    PROPERTIES("properties");

    private final String label;

    DocumentFormat(String label) {
        this.label = label;
    }

    static Optional<DocumentFormat> ofName(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "json": return Optional.of(JSON);
            case "yaml": case "yml": return Optional.of(YAML);
            case "toml": return Optional.of(TOML);
            case "properties": return Optional.of(PROPERTIES);
            default: return Optional.empty();
        }
    }

    /** The format of a file (or pattern) by its extension. */
    static Optional<DocumentFormat> ofFile(String path) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : ofName(name.substring(dot + 1));
    }

    String label() {
        return label;
    }

    /**
     * @throws OperationFailure naming the format when {@code bytes} are not a document of it holding a
     *     mapping; an empty or blank text is an empty mapping
     */
    Document read(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) return empty();
        try {
            switch (this) {
                case YAML:
                    return YamlDocument.parse(text);
                default:
                    JsonNode root = Jackson.mapper(this).readTree(text);
                    if (root == null || root.isMissingNode() || root.isNull()) return empty();
                    if (!(root instanceof ObjectNode object)) throw new OperationFailure("not a " + label + " mapping (an object at the top)");
                    return jackson(object, text);
            }
        } catch (JsonProcessingException e) {
            throw new OperationFailure("not valid " + label + ": " + Causes.oneLine(e.getOriginalMessage()), e);
        } catch (OperationFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) { // SnakeYAML reports parse errors as unchecked YAMLExceptions
            throw new OperationFailure("not valid " + label + ": " + Causes.oneLine(e.getMessage()), e);
        }
    }

    Document empty() {
        return this == YAML ? YamlDocument.empty() : jackson(Jackson.mapper(this).createObjectNode(), null);
    }

    /** A new document of this format holding {@code data} (a mapping). */
    Document of(JsonNode data) {
        if (!data.isObject()) throw new OperationFailure("only a mapping can be written as " + label + ", got " + data.getNodeType().name().toLowerCase(Locale.ROOT));
        if (this == YAML) return YamlDocument.of(data);
        return jackson(((ObjectNode) data).deepCopy(), null);
    }

    /** A JSON, TOML or properties document; {@code original} is the JSON text it was read from, or null. */
    private JacksonDocument jackson(ObjectNode root, String original) {
        return this == JSON ? JacksonDocument.json(root, original) : JacksonDocument.written(root, Jackson.writer(this));
    }

    private static final class Jackson {
        static ObjectMapper mapper(DocumentFormat format) {
            switch (format) {
                case JSON: return JsonHolder.MAPPER;
                case TOML: return TomlHolder.MAPPER;
                case PROPERTIES: return PropsHolder.MAPPER;
                default: throw new IllegalArgumentException(format.label);
            }
        }

        static ObjectWriter writer(DocumentFormat format) {
            switch (format) {
                case TOML: return TomlHolder.MAPPER.writer();
                case PROPERTIES: return PropsHolder.MAPPER.writer();
                default: throw new IllegalArgumentException(format.label);
            }
        }
    }

    private static final class JsonHolder {
        static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    private static final class TomlHolder {
        static final ObjectMapper MAPPER = new TomlMapper();
    }

    private static final class PropsHolder {
        static final ObjectMapper MAPPER = new JavaPropsMapper();
    }
}
