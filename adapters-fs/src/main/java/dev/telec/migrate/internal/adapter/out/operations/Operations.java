package dev.telec.migrate.internal.adapter.out.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the {@code operations:} list of an entry document into a {@link DeclarativeStep}. Everything that
 * can be checked without the home is checked here, so a malformed or escaping operation fails when the
 * manifest entry is resolved, before any step runs.
 */
public final class Operations {

    /** The operation names, in reference order. */
    public static final List<String> NAMES =
            List.of("mkdir", "move", "copy", "delete", "write", "set", "default", "remove", "rename_key", "convert");

    private Operations() {}

    /**
     * @throws InvalidOperationException naming the operation's index when one is malformed
     */
    public static DeclarativeStep parse(JsonNode list) {
        if (list == null || !list.isArray()) {
            throw new InvalidOperationException("operations must be a list of operations");
        }
        if (list.isEmpty()) throw new InvalidOperationException("operations is empty");
        List<Operation> ops = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!(item instanceof ObjectNode fields)) {
                throw new InvalidOperationException("operation " + (i + 1) + ": must be a mapping with an op: field");
            }
            JsonNode op = fields.get("op");
            if (op == null) throw new InvalidOperationException("operation " + (i + 1) + ": missing field 'op' (one of " + String.join(", ", NAMES) + ")");
            if (!op.isTextual() || !NAMES.contains(op.asText())) {
                throw new InvalidOperationException("operation " + (i + 1) + ": unknown op '" + op.asText(op.toString()) + "' (one of " + String.join(", ", NAMES) + ")");
            }
            Spec spec = new Spec(i, op.asText(), fields);
            ops.add(create(spec));
            labels.add(spec.op);
        }
        return new DeclarativeStep(ops, labels);
    }

    private static Operation create(Spec s) {
        switch (s.op) {
            case "mkdir":
                s.only("path");
                return new FileOperations.Mkdir(s.path("path"));
            case "move": {
                s.only("from", "to");
                HomePattern from = s.path("from");
                return new FileOperations.Move(from, s.target("to", from));
            }
            case "copy": {
                s.only("from", "to");
                HomePattern from = s.path("from");
                return new FileOperations.Copy(from, s.target("to", from));
            }
            case "delete":
                s.only("path");
                return new FileOperations.Delete(s.path("path"));
            case "write":
                s.only("path", "content");
                return new FileOperations.Write(s.path("path"), s.text("content"));
            default:
                return DocumentOperations.create(s);
        }
    }
}
