package dev.telec.migrations.teleclaude;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code 1.1.0/002_default_update_channel}: 1.1.0 requires {@code update_channel} in {@code config.json};
 * homes without it get {@code "stable"}.
 *
 * <ul>
 *   <li>{@link #check}: true when {@code config.json} exists and has a non-null {@code update_channel}
 *       (any value the operator chose is kept).</li>
 *   <li>{@link #migrate}: adds {@code "update_channel": "stable"} as the last key (an explicit {@code null} is
 *       replaced where it stands); the other keys and their order are kept. When {@code config.json} is absent it is
 *       created as {@code {"update_channel": "stable"}}: the value is required from 1.1.0 on, and a config
 *       holding only it is what 1.1.0 would read as its defaults anyway. A {@code config.json} that is not a
 *       JSON object fails with an {@link IllegalStateException} naming the file.</li>
 * </ul>
 */
public final class DefaultUpdateChannel implements Migration {

    static final String CONFIG = "config.json";
    static final String KEY = "update_channel";
    static final String DEFAULT = "stable";

    public DefaultUpdateChannel() {}

    @Override
    public boolean check(MigrationContext context) throws Exception {
        Path config = context.home().resolve(CONFIG);
        if (!Files.exists(config)) return false;
        return present(HomeFiles.readJsonObject(config));
    }

    @Override
    public boolean migrate(MigrationContext context) throws Exception {
        Path config = context.home().resolve(CONFIG);
        ObjectNode root = Files.exists(config) ? HomeFiles.readJsonObject(config) : JsonNodeFactory.instance.objectNode();
        if (present(root)) return true;
        root.put(KEY, DEFAULT);
        HomeFiles.writeJson(config, root);
        return true;
    }

    private static boolean present(ObjectNode root) {
        JsonNode value = root.get(KEY);
        return value != null && !value.isNull();
    }
}
