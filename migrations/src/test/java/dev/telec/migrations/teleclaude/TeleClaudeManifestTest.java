package dev.telec.migrations.teleclaude;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telec.migrate.spi.Migration;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeleClaudeManifestTest {

    @Test
    void theManifestHoldsTheTeleclaudeStepsInOrder() throws Exception {
        assertThat(BundledManifest.files()).containsOnlyKeys(
                "v1.1.0/001_rename_feature_toggle.yaml",
                "v1.1.0/002_default_update_channel.yaml",
                "v1.2.0/001_move_sessions.yaml",
                "v1.2.0/002_todos_state_to_yaml.yaml",
                "v1.2.0/003_notification_subscriptions.yaml");
        assertThat(BundledManifest.entries()).extracting(e -> e.id().toString()).containsExactly(
                "1.1.0/001_rename_feature_toggle",
                "1.1.0/002_default_update_channel",
                "1.2.0/001_move_sessions",
                "1.2.0/002_todos_state_to_yaml",
                "1.2.0/003_notification_subscriptions");
    }

    @Test
    void everyEntryIsDeclarativeOrNamesAPublicMigrationClassWithAPublicNoArgConstructor() throws Exception {
        int javaSteps = 0;
        for (BundledManifest.Entry entry : BundledManifest.entries()) {
            JsonNode doc = entry.document();
            assertThat(doc.isObject()).as(entry.file() + " is a mapping").isTrue();
            List<String> keys = new ArrayList<>();
            doc.fieldNames().forEachRemaining(keys::add);
            if (keys.contains("operations")) {
                // parsed and run by adapters-fs; see BundledStepsTest in adapters-cli
                assertThat(keys).as(entry.file() + " keys").isSubsetOf("operations", "description");
                continue;
            }
            javaSteps++;
            assertThat(keys).as(entry.file() + " keys").contains("class").isSubsetOf("class", "description");
            assertThat(doc.get("class").isTextual()).as(entry.file() + " class is text").isTrue();

            Class<?> type = Class.forName(entry.className());
            assertThat(Migration.class).as(entry.file() + " implements Migration").isAssignableFrom(type);
            assertThat(Modifier.isPublic(type.getModifiers())).as(entry.className() + " is public").isTrue();
            assertThat(Modifier.isAbstract(type.getModifiers())).as(entry.className() + " is concrete").isFalse();
            Constructor<?> constructor = type.getConstructor();
            assertThat(Modifier.isPublic(constructor.getModifiers())).isTrue();
            assertThat(constructor.newInstance()).isInstanceOf(Migration.class);
        }
        assertThat(javaSteps).as("steps that need code stay Java").isEqualTo(1);
    }
}
