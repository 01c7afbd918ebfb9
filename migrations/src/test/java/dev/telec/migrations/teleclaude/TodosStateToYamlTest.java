package dev.telec.migrations.teleclaude;

import static dev.telec.migrations.teleclaude.TestHomes.context;
import static dev.telec.migrations.teleclaude.TestHomes.read;
import static dev.telec.migrations.teleclaude.TestHomes.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TodosStateToYamlTest {

    private static final String ID = "1.2.0/002_todos_state_to_yaml";
    private static final String STATE = """
            {"phase": "build", "items": [{"title": "a", "done": true}], "chat": -1001234567890,
             "estimate": 1.5, "reviewer": null, "tags": []}
            """;

    private final TodosStateToYaml step = new TodosStateToYaml();
    private FileSystem fs;
    private Path home;

    @BeforeEach
    void setUp() {
        fs = TestHomes.jimfs();
        home = TestHomes.home(fs);
    }

    @AfterEach
    void tearDown() throws Exception {
        fs.close();
    }

    @Test
    void rewrites_each_state_json_as_yaml_with_the_same_data_in_the_same_key_order() throws Exception {
        write(home.resolve("todos/one/state.json"), STATE);
        write(home.resolve("todos/two/state.json"), "{\"phase\": \"review\"}");
        write(home.resolve("todos/two/notes.md"), "# notes\n");
        JsonNode original = HomeFiles.json().readTree(STATE);

        assertThat(step.check(context(home, ID))).isFalse();
        assertThat(step.migrate(context(home, ID))).isTrue();
        assertThat(step.check(context(home, ID))).isTrue();

        assertThat(TestHomes.tree(home)).containsOnlyKeys(
                "todos/", "todos/one/", "todos/one/state.yaml", "todos/two/", "todos/two/notes.md", "todos/two/state.yaml");
        JsonNode yaml = HomeFiles.yaml().readTree(read(home.resolve("todos/one/state.yaml")));
        assertThat(HomeFiles.sameData(yaml, original)).isTrue();
        assertThat(fieldNames(yaml)).containsExactly("phase", "items", "chat", "estimate", "reviewer", "tags");
        assertThat(yaml.get("chat").longValue()).isEqualTo(-1001234567890L);
        assertThat(yaml.get("reviewer").isNull()).isTrue();
        assertThat(read(home.resolve("todos/two/state.yaml"))).isEqualTo("phase: \"review\"\n");
        assertThat(read(home.resolve("todos/two/notes.md"))).isEqualTo("# notes\n");
    }

    @Test
    void no_todos_directory_or_todos_without_state_json_are_already_done() throws Exception {
        assertThat(step.check(context(home, ID))).isTrue();
        assertThat(step.migrate(context(home, ID))).isTrue();
        assertThat(TestHomes.tree(home)).isEmpty();

        write(home.resolve("todos/one/state.yaml"), "phase: build\n");
        write(home.resolve("todos/state.json"), "{}");
        assertThat(step.check(context(home, ID))).isTrue();
    }

    @Test
    void an_existing_yaml_with_the_same_data_just_loses_its_json() throws Exception {
        write(home.resolve("todos/one/state.json"), "{\"phase\": \"build\", \"n\": 2}");
        write(home.resolve("todos/one/state.yaml"), "# converted by hand\nn: 2.0\nphase: build\n");

        assertThat(step.check(context(home, ID))).isFalse();
        assertThat(step.migrate(context(home, ID))).isTrue();
        assertThat(step.check(context(home, ID))).isTrue();

        assertThat(Files.exists(home.resolve("todos/one/state.json"))).isFalse();
        assertThat(read(home.resolve("todos/one/state.yaml"))).isEqualTo("# converted by hand\nn: 2.0\nphase: build\n");
    }

    @Test
    void an_existing_yaml_with_different_data_throws_naming_both_and_changes_nothing() throws Exception {
        Path json = write(home.resolve("todos/one/state.json"), "{\"phase\": \"build\"}");
        Path yaml = write(home.resolve("todos/one/state.yaml"), "phase: review\n");
        String before = TestHomes.hash(home);

        assertThatThrownBy(() -> step.migrate(context(home, ID)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(json.toString())
                .hasMessageContaining(yaml.toString());
        assertThat(TestHomes.hash(home)).isEqualTo(before);
    }

    @Test
    void invalid_json_fails_naming_the_file() throws Exception {
        Path json = write(home.resolve("todos/one/state.json"), "{\"phase\": ");
        assertThatThrownBy(() -> step.migrate(context(home, ID)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(json.toString());
        assertThat(Files.exists(json)).isTrue();
        assertThat(Files.exists(home.resolve("todos/one/state.yaml"))).isFalse();
    }

    @Test
    void check_makes_no_changes() throws Exception {
        write(home.resolve("todos/one/state.json"), STATE);
        String before = TestHomes.hash(home);
        step.check(context(home, ID));
        assertThat(TestHomes.hash(home)).isEqualTo(before);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
