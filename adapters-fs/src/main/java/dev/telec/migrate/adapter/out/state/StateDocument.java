package dev.telec.migrate.adapter.out.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.telec.migrate.domain.AppName;
import dev.telec.migrate.domain.HistoryEntry;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.domain.StepOutcome;
import dev.telec.migrate.domain.Version;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The state file as Jackson sees it, and the one place that maps it to and from the domain. Every field is
 * text as written in the file; {@link #toDomain()} validates what the text means.
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
