package dev.telec.migrate.internal.adapter.out.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telec.migrate.internal.adapter.out.fs.Causes;
import dev.telec.migrate.internal.adapter.out.state.StateDocument.NotAState;
import dev.telec.migrate.api.StateException;
import dev.telec.migrate.domain.MigrationState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The state file's bytes to and from a {@link MigrationState}: strict reading (UTF-8, size and nesting
 * limits, duplicate keys refused, the shape checked by {@link StateDocument#of}) and the pretty-printed form
 * telec writes. No file I/O.
 */
final class StateCodec {

    static final int MAX_NESTING = 32;

    private static final String NOT_A_STATE = "not a telec state: ";

    private final JsonFactory factory = new JsonFactoryBuilder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxDocumentLength(StateSnapshot.MAX_BYTES)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    // Made on the first write: reading needs only the streaming parser, so that a run with nothing to do
    // never starts Jackson's object mapper (tens of ms at start-up).
    private volatile ObjectWriter writer;

    private ObjectWriter writer() {
        ObjectWriter w = writer;
        if (w != null) return w;
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        w = JsonMapper.builder(factory).build().writer(pretty);
        writer = w;
        return w;
    }

    /** The exact bytes of the state file for {@code state}, a trailing newline included. */
    byte[] serialize(MigrationState state) {
        try {
            byte[] json = writer().writeValueAsBytes(StateDocument.fromDomain(state));
            byte[] withNewline = new byte[json.length + 1];
            System.arraycopy(json, 0, withNewline, 0, json.length);
            withNewline[json.length] = '\n';
            return withNewline;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + state, e);
        }
    }

    /** Parses the bytes of {@code file}; every failure is a one-line {@link StateException} naming it. */
    MigrationState parse(Path file, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new StateException(file, NOT_A_STATE + "not UTF-8 text (a binary file?)", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new StateException(file, NOT_A_STATE + "the file is empty", null);
        }
        JsonNode tree;
        try {
            tree = readTree(text);
        } catch (JsonProcessingException e) {
            throw new StateException(file, "invalid JSON" + at(e.getLocation()) + ": " + shortReason(e), e);
        }
        try {
            return StateDocument.of(tree).toDomain();
        } catch (NotAState e) {
            throw new StateException(file, NOT_A_STATE + e.getMessage(), null);
        }
    }

    /**
     * The whole document as a tree, read with the streaming parser (what {@code ObjectMapper.readTree} with
     * {@code FAIL_ON_TRAILING_TOKENS} does, without starting the mapper): every syntax error is found before
     * the shape is checked.
     */
    private JsonNode readTree(String text) throws JsonProcessingException {
        try (JsonParser p = factory.createParser(text)) {
            JsonNode root = value(p, p.nextToken());
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw new JsonParseException(p, "Trailing token (of type " + trailing + ") found after value");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading a string", e); // a String source does no I/O
        }
    }

    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (t == null) throw new JsonParseException(p, "No content to map due to end-of-input");
        switch (t) {
            case START_OBJECT: {
                ObjectNode object = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    object.set(name, value(p, p.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = nodes.arrayNode();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    array.add(value(p, e));
                }
                return array;
            }
            case VALUE_STRING: return nodes.textNode(p.getText());
            case VALUE_NUMBER_INT: return nodes.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT: return nodes.numberNode(p.getDoubleValue());
            case VALUE_TRUE: return nodes.booleanNode(true);
            case VALUE_FALSE: return nodes.booleanNode(false);
            case VALUE_NULL: return nodes.nullNode();
            default: throw new JsonParseException(p, "Unexpected token " + t);
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String shortReason(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        message = Causes.oneLine(message);
        return message.length() > 200 ? message.substring(0, 197) + "..." : message;
    }
}
