package dev.telec.migrate.internal.adapter.out.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telec.migrate.internal.adapter.out.script.ScriptHost;
import dev.telec.migrate.spi.Migration;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Reads an entry document and makes its step, through the {@link EntryKind} its top-level field selects. */
final class EntryParser {

    /** Fields every form accepts. */
    private static final Set<String> COMMON_FIELDS = Set.of("description");

    /** The field {@code telec new} puts in a scaffold: an entry that has it is not finished, and is refused. */
    static final String TODO = "todo";

    private final Map<String, EntryKind> kinds = new LinkedHashMap<>();
    private final ScriptHost scripts;

    EntryParser(List<EntryKind> kinds, ScriptHost scripts) {
        for (EntryKind kind : kinds) this.kinds.put(kind.field(), kind);
        this.scripts = scripts;
    }

    static EntryParser standard(ScriptHost scripts) {
        return new EntryParser(List.of(new ClassEntryKind(), new OperationsEntryKind(), new ExecEntryKind(scripts)), scripts);
    }

    /** Where script steps run. */
    ScriptHost scripts() {
        return scripts;
    }

    Migration resolve(Location location, Content content, Format format, ClassLoader classLoader, Scripts.Origin origin) {
        ObjectNode fields = parse(location, read(location, content), format);
        JsonNode todo = fields.get(TODO);
        if (todo != null) {
            // a scaffold from telec new: never a no-op that gets recorded as applied forever
            throw location.error("not finished: " + Messages.oneLine(todo.asText(todo.toString())) + " (then delete the " + TODO + ": line)");
        }
        EntryKind kind = kindOf(location, fields);
        JsonNode description = fields.get("description");
        if (description != null && !description.isTextual()) {
            throw location.error("description must be a string");
        }
        return kind.create(new EntryDocument(location, fields, classLoader, origin));
    }

    private static byte[] read(Location location, Content content) {
        try (InputStream in = content.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw location.error("cannot read: " + Messages.describe(e), e);
        }
    }

    /**
     * The checksum of an entry's definition: of its file's bytes, or for a {@code class:} entry of the class
     * file (found through {@code classLoader}, the class neither initialized nor instantiated), unless the
     * class declares its own {@code checksum()}: then the step is resolved and asked.
     */
    Optional<String> checksum(Location location, Content content, Format format, ClassLoader classLoader,
                              Supplier<Migration> resolve) {
        byte[] bytes = read(location, content);
        if (!mayNameAClass(bytes)) {
            requireNotBlank(location, bytes);
            return Optional.of(Checksums.sha256(bytes));
        }
        JsonNode className = parse(location, bytes, format).get("class");
        if (className == null || !className.isTextual()) {
            return Optional.of(Checksums.sha256(bytes));
        }
        String name = className.asText();
        Class<?> type;
        try {
            type = Class.forName(name, false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        if (declaresChecksum(type)) {
            return resolve.get().checksum().map(c -> Checksums.STEP + c);
        }
        String resource = name.replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader() == null ? classLoader : type.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(Checksums.sha256(in.readAllBytes()));
        } catch (IOException e) {
            throw location.error("cannot read the class file of " + name + ": " + Messages.describe(e), e);
        }
    }

    private static boolean declaresChecksum(Class<?> type) {
        try {
            return Migration.class.isAssignableFrom(type) && type.getMethod("checksum").getDeclaringClass() != Migration.class;
        } catch (NoSuchMethodException | LinkageError e) {
            return false;
        }
    }

    /**
     * Whether a document could hold a {@code class:} key: only if the word is in its text, or an escape could
     * spell it. Every other document's checksum is of its bytes, without parsing it: a no-op asks this of every
     * applied step, and parsing YAML costs far more than hashing it.
     */
    private static boolean mayNameAClass(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\\') return true;
            if (bytes[i] == 'c' && i + 4 < bytes.length && bytes[i + 1] == 'l' && bytes[i + 2] == 'a' && bytes[i + 3] == 's'
                    && bytes[i + 4] == 's') return true;
        }
        return false;
    }

    private static void requireNotBlank(Location location, byte[] bytes) {
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw location.error("empty document");
        }
    }

    private static ObjectNode parse(Location location, byte[] bytes, Format format) {
        requireNotBlank(location, bytes);
        JsonNode root;
        try {
            root = format.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw location.error("malformed " + format.display() + ": " + Messages.oneLine(e.getOriginalMessage()) + where, e);
        } catch (IOException e) {
            throw location.error("cannot read: " + Messages.describe(e), e);
        } catch (RuntimeException e) { // a YAML parser failure that is not reported as a JsonProcessingException
            throw location.error("malformed " + format.display() + ": " + Messages.describe(e), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw location.error("empty document");
        }
        if (!(root instanceof ObjectNode object)) {
            throw location.error("document must be a mapping with a class: field, got " + Messages.kindOf(root));
        }
        return object;
    }

    private EntryKind kindOf(Location location, ObjectNode fields) {
        List<EntryKind> named = new ArrayList<>();
        for (Iterator<String> it = fields.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            EntryKind kind = kinds.get(field);
            if (kind != null) named.add(kind);
        }
        if (named.isEmpty()) {
            rejectUnknown(location, fields, Set.of());
            List<String> all = labels(kinds.keySet());
            String expected = all.size() < 2 ? String.join("", all)
                    : String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
            throw location.error("entry names no implementation: expected " + expected
                    + " (or a script step: NNN_description.py, or an executable NNN_description[.ext])");
        }
        if (named.size() > 1) {
            List<String> both = new ArrayList<>();
            for (EntryKind kind : named) both.add(kind.field());
            throw location.error("entry has both " + String.join(" and ", labels(both)) + "; use one");
        }
        EntryKind kind = named.get(0);
        rejectUnknown(location, fields, kind.extraFields());
        return kind;
    }

    private void rejectUnknown(Location location, ObjectNode fields, Set<String> extra) {
        Set<String> allowed = new TreeSet<>(kinds.keySet());
        allowed.addAll(COMMON_FIELDS);
        allowed.addAll(extra);
        for (Iterator<String> it = fields.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw location.error("unknown key '" + field + "' (known keys: " + String.join(", ", allowed) + ")");
            }
        }
    }

    private static List<String> labels(Iterable<String> fields) {
        List<String> labels = new ArrayList<>();
        for (String f : fields) labels.add(f + ":");
        return labels;
    }
}
