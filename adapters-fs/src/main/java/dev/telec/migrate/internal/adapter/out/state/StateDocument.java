package dev.telec.migrate.internal.adapter.out.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.telec.migrate.domain.AppName;
import dev.telec.migrate.domain.HistoryEntry;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.Version;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The state file as Jackson sees it, and the one place that maps it to and from the domain. Every field is
 * text as written in the file: {@link #of} checks the JSON shape (which keys, of which JSON types),
 * {@link #toDomain()} what the text means.
 */
@JsonPropertyOrder({"app", "applied", "version", "history"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record StateDocument(String app, List<String> applied, String version, List<Line> history) {

    /** One history line; {@code checksum} is absent in lines an older telec wrote. */
    @JsonPropertyOrder({"id", "outcome", "at", "checksum"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(String id, String outcome, String at, String checksum) {
    }

    /** A document whose text is well-formed but does not mean a state. */
    static final class NotAState extends Exception {
        NotAState(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final Set<String> KEYS = Set.of("app", "applied", "version", "history");
    private static final Set<String> LINE_KEYS = Set.of("id", "outcome", "at", "checksum");

    /** Checks the shape of the tree: which keys, and that values are of the right JSON types. */
    static StateDocument of(JsonNode tree) throws NotAState {
        if (!tree.isObject()) {
            throw new NotAState("the top level must be an object, not " + kind(tree));
        }
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new NotAState("unknown key " + quote(name) + " (known: app, applied, version, history)");
            }
        }
        JsonNode applied = tree.get("applied");
        if (applied == null) {
            throw new NotAState("\"applied\" is missing; it must be an array of strings");
        }
        List<String> ids = strings(applied);
        if (ids == null) {
            throw new NotAState("\"applied\" must be an array of strings");
        }
        JsonNode version = tree.get("version");
        if (version != null && !version.isTextual()) {
            throw new NotAState("\"version\" must be a SemVer version string, not " + kind(version));
        }
        JsonNode app = tree.get("app");
        if (app != null && !app.isTextual()) {
            throw new NotAState("\"app\" must be a string naming the app, not " + kind(app));
        }
        JsonNode history = tree.get("history");
        List<Line> lines = null;
        if (history != null) {
            if (!history.isArray()) {
                throw new NotAState("\"history\" must be an array of {\"id\", \"outcome\", \"at\"} objects, not " + kind(history));
            }
            lines = new ArrayList<>(history.size());
            for (int i = 0; i < history.size(); i++) {
                lines.add(line(history.get(i), i));
            }
        }
        return new StateDocument(app == null ? null : app.textValue(), ids, version == null ? null : version.textValue(), lines);
    }

    private static Line line(JsonNode node, int i) throws NotAState {
        String where = "\"history\"[" + i + "]";
        if (!node.isObject()) {
            throw new NotAState(where + " must be an object with string \"id\", \"outcome\" and \"at\", not " + kind(node));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!LINE_KEYS.contains(name)) {
                throw new NotAState(where + ": unknown key " + quote(name) + " (known: id, outcome, at, checksum)");
            }
        }
        String[] values = new String[3];
        String[] keys = {"id", "outcome", "at"};
        for (int k = 0; k < keys.length; k++) {
            JsonNode v = node.get(keys[k]);
            if (v == null || !v.isTextual()) {
                throw new NotAState(where + ": \"" + keys[k] + "\" must be a string"
                        + (v == null ? " (it is missing)" : ", not " + kind(v)));
            }
            values[k] = v.textValue();
        }
        JsonNode checksum = node.get("checksum");
        if (checksum != null && !checksum.isTextual()) {
            throw new NotAState(where + ": \"checksum\" must be a string, not " + kind(checksum));
        }
        return new Line(values[0], values[1], values[2], checksum == null ? null : checksum.textValue());
    }

    /** The elements of an array of strings, or null when {@code node} is not one. */
    private static List<String> strings(JsonNode node) {
        if (!node.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>(node.size());
        for (JsonNode e : node) {
            if (!e.isTextual()) {
                return null;
            }
            out.add(e.textValue());
        }
        return out;
    }

    private static String kind(JsonNode node) {
        switch (node.getNodeType()) {
            case ARRAY: return "an array";
            case OBJECT: return "an object";
            case STRING: return "a string";
            case NUMBER: return "a number";
            case BOOLEAN: return "a boolean";
            case NULL: return "null";
            default: return node.getNodeType().toString().toLowerCase(Locale.ROOT);
        }
    }

    static StateDocument fromDomain(MigrationState state) {
        List<Line> lines = new ArrayList<>(state.history().size());
        for (HistoryEntry e : state.history()) {
            lines.add(new Line(e.id(), e.outcome().wireName(), DateTimeFormatter.ISO_INSTANT.format(e.at()),
                    e.checksum().orElse(null)));
        }
        return new StateDocument(state.app().map(AppName::value).orElse(null), List.copyOf(state.applied()),
                state.version().map(Version::toString).orElse(null), lines);
    }

    MigrationState toDomain() throws NotAState {
        Optional<Version> v = Optional.empty();
        if (version != null) {
            if (!Version.isCanonical(version)) {
                throw new NotAState("\"version\" must be a SemVer version (MAJOR.MINOR.PATCH[-pre][+build]), not " + quote(version));
            }
            v = Optional.of(Version.parse(version));
        }
        List<HistoryEntry> entries = new ArrayList<>();
        if (history != null) {
            for (int i = 0; i < history.size(); i++) {
                Line line = history.get(i);
                String where = "\"history\"[" + i + "]";
                StepOutcome outcome;
                try {
                    outcome = StepOutcome.fromWireName(line.outcome());
                } catch (IllegalArgumentException e) {
                    throw new NotAState(where + ": unknown \"outcome\" " + quote(line.outcome()));
                }
                Instant at;
                try {
                    at = Instants.parse(line.at());
                } catch (DateTimeParseException e) {
                    throw new NotAState(where + ": \"at\" must be an ISO-8601 instant like 2026-11-23T10:15:02Z, not " + quote(line.at()));
                }
                Optional<String> checksum = Optional.ofNullable(line.checksum());
                try {
                    checksum.ifPresent(HistoryEntry::requireChecksum);
                } catch (IllegalArgumentException e) {
                    throw new NotAState(where + ": \"checksum\" must be algorithm:value, like sha256:9f86d0..., not "
                            + quote(line.checksum()));
                }
                entries.add(new HistoryEntry(line.id(), outcome, at, checksum));
            }
        }
        MigrationState state = MigrationState.of(new LinkedHashSet<>(applied), v, entries);
        if (app == null) return state;
        try {
            return state.withApp(AppName.of(app));
        } catch (IllegalArgumentException e) {
            throw new NotAState("\"app\" must be an app name (lower-case letters, digits, '.', '_' and '-'), not " + quote(app));
        }
    }

    /** A value quoted for a one-line message, shortened when long. */
    static String quote(String s) {
        String shown = s.length() > 60 ? s.substring(0, 57) + "..." : s;
        StringBuilder b = new StringBuilder("\"");
        shown.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) b.append(String.format("\\u%04x", c));
            else if (c == '"' || c == '\\') b.append('\\').appendCodePoint(c);
            else b.appendCodePoint(c);
        });
        return b.append('"').toString();
    }
}
