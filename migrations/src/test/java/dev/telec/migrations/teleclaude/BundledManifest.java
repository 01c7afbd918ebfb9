package dev.telec.migrations.teleclaude;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.Version;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The bundled manifest as tests see it: the {@code dev/telec/steps/teleclaude/} class-path directory (this
 * module's {@code target/classes/dev/telec/steps/teleclaude}), read from the default file system. Not a home: nothing here is a step.
 */
final class BundledManifest {

    private BundledManifest() {}

    record Entry(MigrationId id, Path file, JsonNode document) {
        String className() {
            JsonNode c = document.get("class");
            return c == null ? null : c.asText();
        }
    }

    static Path root() throws URISyntaxException {
        URL url = BundledManifest.class.getClassLoader().getResource("dev/telec/steps/teleclaude");
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("classpath directory dev/telec/steps/teleclaude/ not found as a directory: " + url);
        }
        return Path.of(url.toURI());
    }

    /** Every {@code *.yaml} entry file under the manifest root (not the profile), relative path to file. */
    static Map<String, Path> files() throws IOException, URISyntaxException {
        Path root = root();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !root.relativize(p).toString().equals("telec.yaml")) // the app profile, not an entry
                    .collect(Collectors.toMap(p -> root.relativize(p).toString().replace('\\', '/'), p -> p,
                            (a, b) -> a, TreeMap::new));
        }
    }

    /** The entries, in step order. */
    static List<Entry> entries() throws IOException, URISyntaxException {
        Path root = root();
        return files().values().stream().map(file -> {
            Path rel = root.relativize(file);
            if (rel.getNameCount() != 2 || !rel.getName(0).toString().startsWith("v")
                    || !rel.getFileName().toString().endsWith(".yaml")) {
                throw new IllegalStateException("not v{semver}/NNN_description.yaml: " + rel);
            }
            String dir = rel.getName(0).toString();
            String name = rel.getFileName().toString();
            if (!Version.isCanonical(dir.substring(1))) {
                throw new IllegalStateException("not a canonical version directory: " + rel);
            }
            MigrationId id = MigrationId.of(Version.parse(dir.substring(1)), name.substring(0, name.length() - ".yaml".length()));
            try {
                return new Entry(id, file, new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(file.toFile()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).sorted((a, b) -> a.id().compareTo(b.id())).collect(Collectors.toList());
    }
}
