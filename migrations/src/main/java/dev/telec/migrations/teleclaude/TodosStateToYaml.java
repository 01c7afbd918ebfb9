package dev.telec.migrations.teleclaude;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code 1.2.0/002_todos_state_to_yaml}: 1.2.0 reads a todo's state from {@code todos/<slug>/state.yaml};
 * each {@code todos/<slug>/state.json} is rewritten as YAML holding the same data.
 *
 * <ul>
 *   <li>{@link #check}: true when no {@code todos/*}{@code /state.json} remains (also when {@code todos/}
 *       is absent).</li>
 *   <li>{@link #migrate}: for each todo directory, in name order, with a {@code state.json}: writes
 *       {@code state.yaml} atomically (temporary file, forced, moved into place), reads it back and checks it
 *       holds the same data, and only then deletes {@code state.json}. When {@code state.yaml} already exists
 *       and holds the same data as {@code state.json} (e.g. a run interrupted after writing it), the JSON is
 *       just deleted; when it holds different data an {@link IllegalStateException} naming both files is
 *       thrown. Todos converted before a failure stay converted; a re-run continues with the rest.</li>
 * </ul>
 */
public final class TodosStateToYaml implements Migration {

    static final String TODOS = "todos";
    static final String JSON = "state.json";
    static final String YAML = "state.yaml";

    public TodosStateToYaml() {}

    @Override
    public boolean check(MigrationContext context) throws IOException {
        return pendingJsonFiles(context.home()).isEmpty();
    }

    @Override
    public boolean migrate(MigrationContext context) throws IOException {
        for (Path json : pendingJsonFiles(context.home())) {
            convert(json, json.resolveSibling(YAML));
        }
        return true;
    }

    private static void convert(Path json, Path yaml) throws IOException {
        JsonNode data = HomeFiles.readJson(json);
        if (Files.exists(yaml)) {
            if (!HomeFiles.sameData(data, HomeFiles.readYaml(yaml))) {
                throw new IllegalStateException("both " + json + " and " + yaml
                        + " exist and hold different data; keep one of them by hand");
            }
            Files.delete(json);
            return;
        }
        HomeFiles.writeYaml(yaml, data);
        JsonNode written = HomeFiles.readYaml(yaml);
        if (!HomeFiles.sameData(data, written)) {
            Files.delete(yaml);
            throw new IllegalStateException("the YAML written for " + json + " does not read back as the same data; "
                    + "removed " + yaml + " and kept the JSON");
        }
        Files.delete(json);
    }

    /** {@code todos/*}{@code /state.json} regular files, in todo-name order. */
    private static List<Path> pendingJsonFiles(Path home) throws IOException {
        Path todos = home.resolve(TODOS);
        List<Path> pending = new ArrayList<>();
        if (!Files.isDirectory(todos)) return pending;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(todos, Files::isDirectory)) {
            for (Path dir : dirs) {
                Path json = dir.resolve(JSON);
                if (Files.isRegularFile(json)) pending.add(json);
            }
        }
        pending.sort(Comparator.comparing(p -> p.getParent().getFileName().toString()));
        return pending;
    }
}
