package dev.telec.migrate.adapter.out.operations;

import dev.telec.migrate.spi.DurabilityBarrier;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.telec.migrate.adapter.out.fs.AtomicFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The document operations: set, default, remove, rename_key, convert. */
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

    /** The document in {@code file}, or null when there is no such file. */
    static Loaded load(Path file, DocumentFormat format) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return null;
        if (!Files.isRegularFile(file)) throw new OperationFailure(file + " is not a file");
        byte[] bytes = Files.readAllBytes(file);
        try {
            return new Loaded(file, bytes, format.read(bytes));
        } catch (OperationFailure e) {
            throw new OperationFailure(file + ": " + e.getMessage(), e);
        }
    }

    record Loaded(Path file, byte[] original, Document document) {
        /** Writes the document back atomically, keeping permissions, when its text changed. */
        void save(Path home, DurabilityBarrier durability) throws IOException {
            byte[] bytes = document.bytes();
            if (original != null && Arrays.equals(bytes, original)) return;
            Confinement.check(home, file);
            if (original == null) {
                FileOperations.createParents(home, file, durability);
                AtomicFiles.write(file, bytes, FileOperations.DEFAULT_FILE);
            } else {
                AtomicFiles.write(file, bytes, FileOperations.permissionsOf(file));
            }
        }
    }

    /** One document edit: changes {@code doc} in memory and says whether it did, or fails on a conflict. */
    private interface Edit {
        boolean apply(Loaded doc) throws IOException;
    }

    /**
     * Edits every document {@code file} matches in memory first and writes the changed ones after, so that a
     * conflict in any of them (different values, a pointer through a non-object) is found before a single file
     * is written: a glob is never left half-edited by a conflict.
     *
     * @param create whether a missing file is edited as an empty document (and so created)
     */
    private static void editEach(Path home, DurabilityBarrier durability, HomePattern file, DocumentFormat format, boolean create, Edit edit) throws IOException {
        List<Loaded> changed = new ArrayList<>();
        for (HomePattern.Match m : file.matches(home)) {
            Loaded doc = load(m.path(), format);
            if (doc == null) {
                if (!create) continue;
                doc = new Loaded(m.path(), null, format.empty());
            }
            try {
                if (edit.apply(doc)) changed.add(doc);
            } catch (OperationFailure e) {
                // say which file: a conflict inside a document means nothing without it
                if (e.getMessage().contains(m.path().toString())) throw e;
                throw new OperationFailure(e.getMessage() + " in " + m.path(), e);
            }
        }
        for (Loaded doc : changed) doc.save(home, durability);
    }

    /** Same data: same structure and keys, numbers by value (1 equals 1.0), key order not significant. */
    static boolean sameData(JsonNode a, JsonNode b) {
        if (a == null || b == null) return a == b;
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

    /** {@code set}: satisfied when the pointer holds the value; creates the file and parents. */
    record Set(HomePattern file, DocumentFormat format, JsonPointer pointer, JsonNode value) implements Operation {
        @Override
        public boolean satisfied(Path home) throws IOException {
            for (HomePattern.Match m : file.matches(home)) {
                Loaded doc = load(m.path(), format);
                if (doc == null || !sameData(doc.document().get(pointer), value)) return false;
            }
            return true;
        }

        @Override
        public void apply(Path home, DurabilityBarrier durability) throws IOException {
            editEach(home, durability, file, format, true, doc -> {
                if (sameData(doc.document().get(pointer), value)) return false;
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
                Loaded doc = load(m.path(), format);
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
            for (HomePattern.Match m : file.matches(home)) {
                Loaded doc = load(m.path(), format);
                if (doc != null && doc.document().get(pointer) != null) return false;
            }
            return true;
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
            for (HomePattern.Match m : file.matches(home)) {
                Loaded doc = load(m.path(), format);
                if (doc != null && doc.document().get(from) != null) return false;
            }
            return true;
        }

        @Override
        public void apply(Path home, DurabilityBarrier durability) throws IOException {
            editEach(home, durability, file, format, false, doc -> {
                JsonNode value = doc.document().get(from);
                if (value == null) return false;
                JsonNode existing = doc.document().get(to);
                if (existing != null) {
                    if (!sameData(existing, value)) {
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

    /**
     * {@code convert}: satisfied when {@code from} is absent. The target is written atomically, read back and
     * compared before the source is deleted; a target already holding the same data (an interrupted run)
     * just has the source deleted; one holding different data is a conflict.
     */
    record Convert(HomePattern from, DocumentFormat fromFormat, HomePattern to, DocumentFormat toFormat) implements Operation {
        @Override
        public List<HomePattern> sources() {
            return List.of(from);
        }

        @Override
        public boolean satisfied(Path home) throws IOException {
            for (HomePattern.Match m : from.matches(home)) {
                if (Files.exists(m.path(), LinkOption.NOFOLLOW_LINKS)) return false;
            }
            return true;
        }

        @Override
        public void apply(Path home, DurabilityBarrier durability) throws IOException {
            // every conflict is found before anything is converted, so that a glob is not left half-done
            for (HomePattern.Match m : from.matches(home)) {
                Loaded source = load(m.path(), fromFormat);
                Loaded existing = source == null ? null : load(to.resolve(home, m.captures()), toFormat);
                if (existing != null && !sameData(existing.document().data(), source.document().data())) {
                    throw new OperationFailure("both " + m.path() + " and " + existing.file() + " exist and hold different data; keep one of them by hand");
                }
            }
            for (HomePattern.Match m : from.matches(home)) {
                Loaded source = load(m.path(), fromFormat);
                if (source == null) continue;
                Path target = to.resolve(home, m.captures());
                if (target.equals(m.path())) throw new OperationFailure("convert from and to are the same file " + target);
                JsonNode data = source.document().data();
                Loaded existing = load(target, toFormat);
                if (existing != null) {
                    if (!sameData(existing.document().data(), data)) {
                        throw new OperationFailure("both " + m.path() + " and " + target + " exist and hold different data; keep one of them by hand");
                    }
                    Files.delete(m.path());
                    FileOperations.sync(durability, m.path().getParent()); // the source's removal, durable before the record
                    continue;
                }
                byte[] bytes = toFormat.of(data).bytes();
                FileOperations.createParents(home, target, durability);
                AtomicFiles.write(target, bytes, FileOperations.permissionsOf(m.path()));
                Loaded written = load(target, toFormat);
                if (!sameData(written.document().data(), data)) {
                    Files.delete(target);
                    throw new OperationFailure("the " + toFormat.label() + " written for " + m.path()
                            + " does not read back as the same data; removed " + target + " and kept the source");
                }
                Files.delete(m.path());
                FileOperations.sync(durability, m.path().getParent());
            }
        }
    }
}
