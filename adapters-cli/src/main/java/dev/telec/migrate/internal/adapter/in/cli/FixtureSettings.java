package dev.telec.migrate.internal.adapter.in.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.domain.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/** fixture.yaml: the range to run and whether the run is expected to succeed. */
record FixtureSettings(Optional<Version> from, Optional<Version> to, boolean expectSuccess) {
    static final Set<String> FIELDS = Set.of("from", "to", "expect");

    static FixtureSettings read(Path file) {
        if (!Files.exists(file)) return new FixtureSettings(Optional.empty(), Optional.empty(), true);
        JsonNode doc;
        try {
            doc = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + TelecException.oneLine(e.getMessage()));
        }
        if (doc == null || doc.isNull() || doc.isMissingNode()) return new FixtureSettings(Optional.empty(), Optional.empty(), true);
        if (!doc.isObject()) throw new IllegalArgumentException(file + ": must be a mapping of from:, to:, expect:");
        for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) throw new IllegalArgumentException(file + ": unknown key '" + field + "' (known: expect, from, to)");
        }
        String expect = doc.path("expect").asText("success");
        if (!expect.equals("success") && !expect.equals("failure")) {
            throw new IllegalArgumentException(file + ": expect must be success or failure, got '" + expect + "'");
        }
        try {
            return new FixtureSettings(version(doc, "from"), version(doc, "to"), expect.equals("success"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    private static Optional<Version> version(JsonNode doc, String field) {
        return doc.has(field) ? Optional.of(Version.parse(doc.get(field).asText())) : Optional.empty();
    }

    MigrateCommand apply(MigrateCommand command) {
        MigrateCommand c = command;
        if (from.isPresent()) c = c.from(from.get());
        if (to.isPresent()) c = c.to(to.get());
        return c;
    }
}
