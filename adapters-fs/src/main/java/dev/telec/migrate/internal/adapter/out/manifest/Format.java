package dev.telec.migrate.internal.adapter.out.manifest;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Locale;
import java.util.Optional;

/**
 * The document formats of entries, by file extension. Each mapper is built on first use only (holder
 * idiom), so that a run that reads no entry, or only JSON ones, never builds a YAML mapper.
 */
enum Format {
    JSON("JSON"),
    YAML("YAML");

    private final String display;

    Format(String display) {
        this.display = display;
    }

    /** The format of an entry file named {@code name}, or empty when it is not an entry file at all. */
    static Optional<Format> ofFileName(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) return Optional.empty();
        switch (name.substring(dot + 1).toLowerCase(Locale.ROOT)) {
            case "json":
                return Optional.of(JSON);
            case "yaml":
            case "yml":
                return Optional.of(YAML);
            default:
                return Optional.empty();
        }
    }

    ObjectMapper mapper() {
        return this == JSON ? JsonHolder.MAPPER : YamlHolder.MAPPER;
    }

    String display() {
        return display;
    }

    private static final class JsonHolder {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    private static final class YamlHolder {
        static final ObjectMapper MAPPER = YAMLMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }
}
