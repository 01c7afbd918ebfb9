package dev.telec.migrations.teleclaude;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.UUID;

/**
 * The one place where the bundled steps read and write JSON and YAML files in a home.
 *
 * <p>Every write goes to a temporary file in the target's own directory, is forced to storage, and is then
 * moved over the target ({@code ATOMIC_MOVE} where the file system supports it), so a reader never sees a
 * half-written file. JSON is written pretty-printed with a 2-space indent, {@code "key": value} spacing and
 * a trailing newline; object key order is the tree's insertion order. Nothing here resolves a path: callers
 * pass paths derived from the step's home, whatever file system it is on.
 */
final class HomeFiles {

    private HomeFiles() {}

    /** Lazily created mappers; the holder idiom makes creation thread-safe without locking. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
        static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());

        private static DefaultPrettyPrinter prettyPrinter() {
            Separators separators = Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("");
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
            printer.indentObjectsWith(indenter);
            printer.indentArraysWith(indenter);
            return printer;
        }
    }

    private static final class Yaml {
        static final YAMLMapper MAPPER = YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .build();
    }

    static ObjectMapper json() {
        return Json.MAPPER;
    }

    static YAMLMapper yaml() {
        return Yaml.MAPPER;
    }

    /**
     * Reads a JSON document.
     *
     * @throws IllegalStateException naming {@code file} when it is empty or not valid JSON
     */
    static JsonNode readJson(Path file) throws IOException {
        return read(Json.MAPPER, file, "JSON");
    }

    /**
     * Reads a JSON document that must be an object.
     *
     * @throws IllegalStateException naming {@code file} when it is not a JSON object
     */
    static ObjectNode readJsonObject(Path file) throws IOException {
        JsonNode node = readJson(file);
        if (!node.isObject()) {
            throw new IllegalStateException("expected a JSON object in " + file + " but found " + node.getNodeType());
        }
        return (ObjectNode) node;
    }

    /**
     * Reads a YAML document.
     *
     * @throws IllegalStateException naming {@code file} when it is empty or not valid YAML
     */
    static JsonNode readYaml(Path file) throws IOException {
        return read(Yaml.MAPPER, file, "YAML");
    }

    private static JsonNode read(ObjectMapper mapper, Path file, String format) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not valid " + format + ": " + file + ": " + e.getOriginalMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new IllegalStateException("no " + format + " document in " + file);
        }
        return node;
    }

    /** The pretty JSON text of {@code node}, with a trailing newline. */
    static String jsonText(JsonNode node) throws JsonProcessingException {
        return Json.PRETTY.writeValueAsString(node) + "\n";
    }

    /** The YAML text of {@code node}. */
    static String yamlText(JsonNode node) throws JsonProcessingException {
        return Yaml.MAPPER.writeValueAsString(node);
    }

    static void writeJson(Path file, JsonNode node) throws IOException {
        writeAtomically(file, jsonText(node).getBytes(StandardCharsets.UTF_8));
    }

    static void writeYaml(Path file, JsonNode node) throws IOException {
        writeAtomically(file, yamlText(node).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replaces (or creates) {@code file} with {@code bytes}: writes and forces a temporary sibling, then moves
     * it over {@code file}. On failure the temporary file is removed and {@code file} is left as it was.
     */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) channel.write(buffer);
                channel.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) Files.deleteIfExists(tmp);
        }
    }

    /**
     * Whether two trees hold the same data: same structure, object keys and values, with numbers compared
     * by value (so {@code 1} read as an int equals {@code 1} read as a long, and {@code 1.50} equals
     * {@code 1.5}). Object key order is not significant.
     */
    static boolean sameData(JsonNode a, JsonNode b) {
        return a.equals(NUMBERS_BY_VALUE, b);
    }

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (x, y) -> {
        if (x.equals(y)) return 0;
        if (x.isNumber() && y.isNumber()) {
            BigDecimal dx = x.decimalValue();
            BigDecimal dy = y.decimalValue();
            return dx.compareTo(dy);
        }
        return 1;
    };
}
