package dev.telec.migrations.teleclaude;

import static dev.telec.migrations.teleclaude.TestHomes.context;
import static dev.telec.migrations.teleclaude.TestHomes.read;
import static dev.telec.migrations.teleclaude.TestHomes.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RenameFeatureToggleTest {

    private static final String ID = "1.1.0/001_rename_feature_toggle";

    private final RenameFeatureToggle step = new RenameFeatureToggle();
    private FileSystem fs;
    private Path home;
    private Path config;

    @BeforeEach
    void setUp() {
        fs = TestHomes.jimfs();
        home = TestHomes.home(fs);
        config = home.resolve("config.json");
    }

    @AfterEach
    void tearDown() throws Exception {
        fs.close();
    }

    @Test
    void renames_the_key_in_place_keeping_its_value_and_every_other_key_in_order() throws Exception {
        write(config, "{\"bot_name\":\"tc\",\"legacy_feature_toggle\":{\"on\":true,\"since\":3},\"log_level\":\"DEBUG\"}");

        assertThat(step.check(context(home, ID))).isFalse();
        assertThat(step.migrate(context(home, ID))).isTrue();
        assertThat(step.check(context(home, ID))).isTrue();

        assertThat(read(config)).isEqualTo("""
                {
                  "bot_name": "tc",
                  "feature_toggle": {
                    "on": true,
                    "since": 3
                  },
                  "log_level": "DEBUG"
                }
                """);
        assertThat(TestHomes.tree(home)).containsOnlyKeys("config.json");
    }

    @Test
    void an_absent_config_is_already_done_and_migrate_creates_nothing() throws Exception {
        assertThat(step.check(context(home, ID))).isTrue();
        assertThat(step.migrate(context(home, ID))).isTrue();
        assertThat(TestHomes.tree(home)).isEmpty();
    }

    @Test
    void a_config_without_the_legacy_key_is_already_done() throws Exception {
        write(config, "{\"feature_toggle\": false}");
        assertThat(step.check(context(home, ID))).isTrue();
    }

    @Test
    void both_keys_with_equal_values_just_drop_the_legacy_key() throws Exception {
        write(config, "{\"feature_toggle\":true,\"a\":[1,2],\"legacy_feature_toggle\":true,\"z\":[]}");

        assertThat(step.check(context(home, ID))).isFalse();
        assertThat(step.migrate(context(home, ID))).isTrue();
        assertThat(step.check(context(home, ID))).isTrue();

        assertThat(read(config)).isEqualTo("""
                {
                  "feature_toggle": true,
                  "a": [
                    1,
                    2
                  ],
                  "z": []
                }
                """);
    }

    @Test
    void both_keys_with_different_values_throw_naming_the_file_and_change_nothing() throws Exception {
        write(config, "{\"feature_toggle\":false,\"legacy_feature_toggle\":true}");
        String before = TestHomes.hash(home);

        assertThatThrownBy(() -> step.migrate(context(home, ID)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(config.toString());
        assertThat(TestHomes.hash(home)).isEqualTo(before);
    }

    @Test
    void a_config_that_is_not_an_object_fails_naming_the_file() throws Exception {
        write(config, "[1, 2]");
        assertThatThrownBy(() -> step.check(context(home, ID)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(config.toString());
    }

    @Test
    void invalid_json_fails_naming_the_file() throws Exception {
        write(config, "{\"legacy_feature_toggle\": tru");
        assertThatThrownBy(() -> step.migrate(context(home, ID)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(config.toString());
    }

    @Test
    void check_makes_no_changes() throws Exception {
        write(config, "{\"legacy_feature_toggle\":true}");
        String before = TestHomes.hash(home);
        step.check(context(home, ID));
        assertThat(TestHomes.hash(home)).isEqualTo(before);
        assertThat(Files.exists(config)).isTrue();
    }
}
