package dev.telec.migrations.teleclaude;

import static dev.telec.migrations.teleclaude.TestHomes.context;
import static dev.telec.migrations.teleclaude.TestHomes.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telec.migrate.spi.Migration;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example 1.0.0 home at the repository root, copied into Jimfs; the original is only ever read. */
class ExampleHomeTest {

    /** Relative to the module directory, which is the working directory of Maven's test run. */
    private static final Path EXAMPLE = Path.of("..", "examples", "teleclaude-home-1.0");

    private FileSystem fs;
    private Path home;
    private Map<String, String> original;

    @BeforeEach
    void setUp() throws Exception {
        assertThat(EXAMPLE.resolve("migration_state.json")).as("example home, from " + Path.of("").toAbsolutePath())
                .isRegularFile();
        fs = TestHomes.jimfs();
        home = TestHomes.home(fs);
        TestHomes.copyTree(EXAMPLE, home);
        original = TestHomes.tree(home);
    }

    @AfterEach
    void tearDown() throws Exception {
        fs.close();
    }

    @Test
    void the_example_is_a_1_0_0_home_on_which_every_step_has_work() throws Exception {
        assertThat(read(home.resolve("migration_state.json"))).isEqualTo("{\n  \"applied\": [],\n  \"version\": \"1.0.0\"\n}\n");
        String before = TestHomes.hash(home);
        for (BundledManifest.Entry entry : BundledManifest.entries()) {
            Migration step = instantiate(entry);
            assertThat(step.check(context(home, entry.id().toString()))).as(entry.id() + " check").isFalse();
        }
        assertThat(TestHomes.hash(home)).as("dry run changed nothing").isEqualTo(before);
    }

    @Test
    void all_four_steps_in_manifest_order_upgrade_the_example_home() throws Exception {
        for (BundledManifest.Entry entry : BundledManifest.entries()) {
            Migration step = instantiate(entry);
            var ctx = context(home, entry.id().toString());
            assertThat(step.check(ctx)).as(entry.id() + " check before").isFalse();
            assertThat(step.migrate(ctx)).as(entry.id() + " migrate").isTrue();
            assertThat(step.check(ctx)).as(entry.id() + " check after").isTrue();
        }

        Map<String, String> after = TestHomes.tree(home);
        assertThat(after).containsOnlyKeys(
                "config.json",
                "logs/", "logs/.gitkeep",
                "migration_state.json",
                "people/", "people/alice/", "people/alice/teleclaude.yml",
                "state/", "state/sessions/",
                "state/sessions/2026-11-20-abc123.json", "state/sessions/2026-11-21-def456.json",
                "todos/", "todos/fix-login-timeout/", "todos/fix-login-timeout/state.yaml",
                "todos/weekly-digest/", "todos/weekly-digest/state.yaml");

        // untouched: the runner, not a step, records state
        for (String same : new String[] {"migration_state.json", "people/alice/teleclaude.yml", "logs/.gitkeep"}) {
            assertThat(after.get(same)).as(same).isEqualTo(original.get(same));
        }
        for (String session : new String[] {"2026-11-20-abc123.json", "2026-11-21-def456.json"}) {
            assertThat(after.get("state/sessions/" + session)).isEqualTo(original.get("sessions/" + session));
        }
        assertThat(after.get("config.json")).isEqualTo("""
                {
                  "bot_name": "teleclaude",
                  "computer_name": "studio-mac",
                  "feature_toggle": true,
                  "log_level": "INFO",
                  "max_sessions": 4,
                  "telegram": {
                    "chat_id": -1001234567890,
                    "topics": true
                  },
                  "update_channel": "stable"
                }
                """);
        for (String todo : new String[] {"fix-login-timeout", "weekly-digest"}) {
            JsonNode json = HomeFiles.json().readTree(original.get("todos/" + todo + "/state.json"));
            JsonNode yaml = HomeFiles.yaml().readTree(after.get("todos/" + todo + "/state.yaml"));
            assertThat(HomeFiles.sameData(json, yaml)).as(todo).isTrue();
        }
    }

    private static Migration instantiate(BundledManifest.Entry entry) throws Exception {
        return (Migration) Class.forName(entry.className()).getConstructor().newInstance();
    }
}
