package dev.telec.migrate.internal.adapter.out.operations;

import dev.telec.migrate.spi.DurabilityBarrier;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The document operations: set, default, remove and rename_key edit documents in place; {@code convert} is {@link Convert}. */
final class DocumentOperations {

    private DocumentOperations() {}

    static Operation create(Spec s) {
        switch (s.op) {
            case "set": {
                s.only("file", "pointer", "value", "format");
                HomePattern file = s.path("file");
                return new Set(file, format(s, file), pointer(s, "pointer"), s.value("value"));
            }
            case "default": {
                s.only("file", "pointer", "value", "format");
                HomePattern file = s.path("file");
                return new Default(file, format(s, file), pointer(s, "pointer"), s.value("value"));
            }
            case "remove": {
                s.only("file", "pointer", "format");
                HomePattern file = s.path("file");
                return new Remove(file, format(s, file), pointer(s, "pointer"));
            }
            case "rename_key": {
                s.only("file", "from", "to", "format");
                HomePattern file = s.path("file");
                JsonPointer from = pointer(s, "from");
                JsonPointer to = pointer(s, "to");
                if (from.equals(to) || to.toString().startsWith(from + "/")) throw s.error("to " + to + " is " + from + " or inside it");
                return new RenameKey(file, format(s, file), from, to);
            }
            case "convert": {
                s.only("from", "to");
                HomePattern from = s.path("from");
                HomePattern to = s.target("to", from);
                DocumentFormat fromFormat = extension(s, "from", from);
                DocumentFormat toFormat = extension(s, "to", to);
                return new Convert(from, fromFormat, to, toFormat);
            }
            default:
                throw s.error("unknown op");
        }
    }

    private static DocumentFormat format(Spec s, HomePattern file) {
        if (s.has("format")) {
            String name = s.text("format");
            return DocumentFormat.ofName(name).orElseThrow(() -> s.error("unknown format '" + name + "' (json, yaml, toml, properties)"));
        }
        return extension(s, "file", file);
    }

    private static DocumentFormat extension(Spec s, String field, HomePattern file) {
        return DocumentFormat.ofFile(file.toString()).orElseThrow(() -> s.error(field + " '" + file
                + "' has no known extension (.json, .yaml, .yml, .toml, .properties)" + ("file".equals(field) ? "; add format:" : "")));
    }

    private static JsonPointer pointer(Spec s, String field) {
        String text = s.text(field);
        if (text.isEmpty()) throw s.error(field + " '' names the whole document; name a key");
        try {
            return JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            throw s.error(field + " '" + text + "' is not a JSON Pointer (RFC 6901, e.g. /updates/channel)");
        }
    }

    /** One document edit: changes {@code doc} in memory and says whether it did, or fails on a conflict. */
    private interface Edit {
        boolean apply(LoadedDocument doc) throws IOException;
    }

    /** Whether no document {@code file} matches holds {@code pointer} (a missing file holds nothing). */
    private static boolean noDocumentHolds(Path home, HomePattern file, DocumentFormat format, JsonPointer pointer) throws IOException {
        for (HomePattern.Match m : file.matches(home)) {
            LoadedDocument doc = LoadedDocument.load(m.path(), format);
            if (doc != null && doc.document().get(pointer) != null) return false;
        }
        return true;
    }

    /**
     * Edits every document {@code file} matches in memory first and writes the changed ones after, so that a
     * conflict in any of them (different values, a pointer through a non-object) is found before a single file
     * is written: a glob is never left half-edited by a conflict.
     *
     * @param create whether a missing file is edited as an empty document (and so created)
     */
    private static void editEach(Path home, DurabilityBarrier durability, HomePattern file, DocumentFormat format, boolean create, Edit edit) throws IOException {
        List<LoadedDocument> changed = new ArrayList<>();
        for (HomePattern.Match m : file.matches(home)) {
            LoadedDocument doc = LoadedDocument.load(m.path(), format);
            if (doc == null) {
                if (!create) continue;
                doc = new LoadedDocument(m.path(), null, format.empty());
            }
            try {
                if (edit.apply(doc)) changed.add(doc);
            } catch (OperationFailure e) {
                // say which file: a conflict inside a document means nothing without it
                if (e.getMessage().contains(m.path().toString())) throw e;
                throw new OperationFailure(e.getMessage() + " in " + m.path(), e);
            }
        }
        for (LoadedDocument doc : changed) doc.save(home, durability);
    }

    /** {@code set}: satisfied when the pointer holds the value; creates the file and parents. */
    record Set(HomePattern file, DocumentFormat format, JsonPointer pointer, JsonNode value) implements Operation {
        @Override
        public boolean satisfied(Path home) throws IOException {
            for (HomePattern.Match m : file.matches(home)) {
                LoadedDocument doc = LoadedDocument.load(m.path(), format);
                if (doc == null || !LoadedDocument.sameData(doc.document().get(pointer), value)) return false;
            }
            return true;
        }

        @Override
        public void apply(Path home, DurabilityBarrier durability) throws IOException {
            editEach(home, durability, file, format, true, doc -> {
                if (LoadedDocument.sameData(doc.document().get(pointer), value)) return false;
                doc.document().set(pointer, value);
                return true;
            });
        }
    }

    /** {@code default}: satisfied when the pointer is present (any value, null too); creates the file and parents. */
    record Default(HomePattern file, DocumentFormat format, JsonPointer pointer, JsonNode value) implements Operation {
        @Override
        public boolean satisfied(Path home) throws IOException {
            for (HomePattern.Match m : file.matches(home)) {
                LoadedDocument doc = LoadedDocument.load(m.path(), format);
                if (doc == null || doc.document().get(pointer) == null) return false;
            }
            return true;
        }

        @Override
        public void apply(Path home, DurabilityBarrier durability) throws IOException {
            editEach(home, durability, file, format, true, doc -> {
                if (doc.document().get(pointer) != null) return false;
                doc.document().set(pointer, value);
                return true;
            });
        }
    }

    /** {@code remove}: satisfied when the file or the pointer is absent. */
    record Remove(HomePattern file, DocumentFormat format, JsonPointer pointer) implements Operation {
        @Override
        public List<HomePattern> sources() {
            return List.of(file);
        }

        @Override
        public boolean satisfied(Path home) throws IOException {
            return noDocumentHolds(home, file, format, pointer);
        }

        @Override
        public void apply(Path home, DurabilityBarrier durability) throws IOException {
            editEach(home, durability, file, format, false, doc -> {
                if (doc.document().get(pointer) == null) return false;
                doc.document().remove(pointer);
                return true;
            });
        }
    }

    /**
     * {@code rename_key}: satisfied when the file or {@code from} is absent. When {@code to} already holds the
     * same data, {@code from} is just removed; different data is a conflict.
     */
    record RenameKey(HomePattern file, DocumentFormat format, JsonPointer from, JsonPointer to) implements Operation {
        @Override
        public List<HomePattern> sources() {
            return List.of(file);
        }

        @Override
        public boolean satisfied(Path home) throws IOException {
            return noDocumentHolds(home, file, format, from);
        }

        @Override
        public void apply(Path home, DurabilityBarrier durability) throws IOException {
            editEach(home, durability, file, format, false, doc -> {
                JsonNode value = doc.document().get(from);
                if (value == null) return false;
                JsonNode existing = doc.document().get(to);
                if (existing != null) {
                    if (!LoadedDocument.sameData(existing, value)) {
                        throw new OperationFailure(doc.file() + " has both " + from + " (" + value + ") and " + to + " ("
                                + existing + ") with different values; keep one of them by hand");
                    }
                    doc.document().remove(from);
                } else {
                    doc.document().rename(from, to);
                }
                return true;
            });
        }
    }


}
