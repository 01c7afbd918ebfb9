package dev.telec.migrate.internal.adapter.out.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.telec.migrate.spi.DurabilityBarrier;
import dev.telec.migrate.spi.MigrationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Declarative steps from YAML text, and a context for a home. */
final class Steps {

    private static final YAMLMapper YAML = new YAMLMapper();

    private Steps() {}

    /** The step of an {@code operations:} list written in YAML. */
    static DeclarativeStep of(String operationsYaml) {
        try {
            JsonNode list = YAML.readTree(operationsYaml);
            return Operations.parse(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A context whose barrier syncs at once: operations run alone have no record to wait for. */
    static MigrationContext context(Path home) {
        return context(home, DurabilityBarrier.IMMEDIATE);
    }

    /** A context with the run's barrier {@code durability}. */
    static MigrationContext context(Path home, DurabilityBarrier durability) {
        return new MigrationContext() {
            @Override
            public Path home() {
                return home;
            }

            @Override
            public String id() {
                return "1.0.0/001_test";
            }

            @Override
            public DurabilityBarrier durability() {
                return durability;
            }
        };
    }

    static Path write(Path home, String relative, String content) {
        try {
            Path file = home.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path home, String relative) {
        try {
            return Files.readString(home.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
