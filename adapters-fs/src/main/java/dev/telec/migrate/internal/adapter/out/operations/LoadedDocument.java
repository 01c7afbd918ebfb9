package dev.telec.migrate.internal.adapter.out.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telec.migrate.internal.adapter.out.fs.AtomicFiles;
import dev.telec.migrate.spi.DurabilityBarrier;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;

/**
 * A document read from a file for an operation, with the bytes it was read from, so that it is written back
 * only when its text changed; and what "the same data" means when operations compare documents.
 *
 * @param original the file's bytes, or null for a document that does not exist yet
 */
record LoadedDocument(Path file, byte[] original, Document document) {

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

    /** The document in {@code file}, or null when there is no such file. */
    static LoadedDocument load(Path file, DocumentFormat format) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return null;
        if (!Files.isRegularFile(file)) throw new OperationFailure(file + " is not a file");
        byte[] bytes = Files.readAllBytes(file);
        try {
            return new LoadedDocument(file, bytes, format.read(bytes));
        } catch (OperationFailure e) {
            throw new OperationFailure(file + ": " + e.getMessage(), e);
        }
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
}
