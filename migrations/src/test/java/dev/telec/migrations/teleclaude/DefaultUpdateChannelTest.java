package dev.telec.migrations.teleclaude;

import static dev.telec.migrations.teleclaude.TestHomes.context;
import static dev.telec.migrations.teleclaude.TestHomes.read;
import static dev.telec.migrations.teleclaude.TestHomes.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystem;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DefaultUpdateChannelTest {

    private static final String ID = "1.1.0/002_default_update_channel";

    private final DefaultUpdateChannel step = new DefaultUpdateChannel();
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
    void adds_stable_as_the_last_key_keeping_the_others_in_order() throws Exception {
        write(config, "{\"bot_name\":\"tc\",\"log_level\":\"INFO\",\"limits\":{\"max\":4}}");

        assertThat(step.check(context(home, ID))).isFalse();
        assertThat(step.migrate(context(home, ID))).isTrue();
        assertThat(step.check(context(home, ID))).isTrue();

        assertThat(read(config)).isEqualTo("""
                {
                  "bot_name": "tc",
                  "log_level": "INFO",
                  "limits": {
                    "max": 4
                  },
                  "update_channel": "stable"
                }
                """);
        assertThat(TestHomes.tree(home)).containsOnlyKeys("config.json");
    }

    @Test
    void a_channel_the_operator_chose_is_kept() throws Exception {
        write(config, "{\"update_channel\":\"beta\"}");
        assertThat(step.check(context(home, ID))).isTrue();
        assertThat(step.migrate(context(home, ID))).isTrue();
        assertThat(read(config)).isEqualTo("{\"update_channel\":\"beta\"}");
    }

    @Test
    void an_explicit_null_is_replaced_where_it_stands() throws Exception {
        write(config, "{\"update_channel\":null,\"b\":1}");
        assertThat(step.check(context(home, ID))).isFalse();
        assertThat(step.migrate(context(home, ID))).isTrue();
        assertThat(read(config)).isEqualTo("{\n  \"update_channel\": \"stable\",\n  \"b\": 1\n}\n");
    }

    @Test
    void an_absent_config_is_created_holding_only_the_default() throws Exception {
        assertThat(step.check(context(home, ID))).isFalse();
        assertThat(step.migrate(context(home, ID))).isTrue();
        assertThat(step.check(context(home, ID))).isTrue();
        assertThat(TestHomes.tree(home)).containsOnlyKeys("config.json");
        assertThat(read(config)).isEqualTo("{\n  \"update_channel\": \"stable\"\n}\n");
    }

    @Test
    void a_config_that_is_not_an_object_fails_naming_the_file() throws Exception {
        write(config, "\"stable\"");
        assertThatThrownBy(() -> step.migrate(context(home, ID)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(config.toString());
    }

    @Test
    void check_makes_no_changes() throws Exception {
        write(config, "{\"bot_name\":\"tc\"}");
        String before = TestHomes.hash(home);
        step.check(context(home, ID));
        assertThat(TestHomes.hash(home)).isEqualTo(before);

        Path empty = TestHomes.home(TestHomes.jimfs());
        String emptyBefore = TestHomes.hash(empty);
        step.check(context(empty, ID));
        assertThat(TestHomes.hash(empty)).isEqualTo(emptyBefore);
    }
}
