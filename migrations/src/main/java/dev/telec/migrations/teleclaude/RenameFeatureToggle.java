package dev.telec.migrations.teleclaude;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code 1.1.0/001_rename_feature_toggle}: renames the {@code config.json} key {@code legacy_feature_toggle}
 * to {@code feature_toggle}, keeping its value, its position among the keys, and every other key.
 *
 * <ul>
 *   <li>{@link #check}: true when {@code config.json} is absent or has no {@code legacy_feature_toggle}.</li>
 *   <li>{@link #migrate}: when only the legacy key exists it is renamed in place; when both keys exist with
 *       equal values the legacy key is removed; when both exist with different values an
 *       {@link IllegalStateException} naming the file is thrown and nothing is written.</li>
 * </ul>
 */
public final class RenameFeatureToggle implements Migration {

    static final String CONFIG = "config.json";
    static final String LEGACY_KEY = "legacy_feature_toggle";
    static final String KEY = "feature_toggle";

    public RenameFeatureToggle() {}

    @Override
    public boolean check(MigrationContext context) throws Exception {
        Path config = context.home().resolve(CONFIG);
        if (!Files.exists(config)) return true;
        return !HomeFiles.readJsonObject(config).has(LEGACY_KEY);
    }

    @Override
    public boolean migrate(MigrationContext context) throws Exception {
        Path config = context.home().resolve(CONFIG);
        if (!Files.exists(config)) return true;
        ObjectNode root = HomeFiles.readJsonObject(config);
        if (!root.has(LEGACY_KEY)) return true;
        JsonNode legacy = root.get(LEGACY_KEY);
        if (root.has(KEY)) {
            JsonNode current = root.get(KEY);
            if (!HomeFiles.sameData(legacy, current)) {
                throw new IllegalStateException(config + " has both " + LEGACY_KEY + " (" + legacy + ") and " + KEY
                        + " (" + current + ") with different values; resolve by hand, keeping one of them");
            }
            root.remove(LEGACY_KEY);
            HomeFiles.writeJson(config, root);
            return true;
        }
        HomeFiles.writeJson(config, renamed(root));
        return true;
    }

    /** A copy of {@code root} with the legacy key replaced by the new one, in the same position. */
    private static ObjectNode renamed(ObjectNode root) {
        ObjectNode out = root.objectNode();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            out.set(LEGACY_KEY.equals(field.getKey()) ? KEY : field.getKey(), field.getValue());
        }
        return out;
    }
}
