package dev.telec.migrate.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void an_edit_keeps_the_authors_indentation_and_every_line_it_does_not_change() {
        String before = "{\n    \"bot_name\" : \"teleclaude\",\n    \"legacy\":true,\n    \"items\": [\n        1,\n        2\n    ],\n    \"log_level\": \"INFO\"\n}\n";
        ObjectNode root = (ObjectNode) JsonText.parse(before);
        root.remove("legacy");
        root.put("update_channel", "stable");

        assertThat(JsonText.emit(root, before)).isEqualTo(
                "{\n    \"bot_name\" : \"teleclaude\",\n    \"items\": [\n        1,\n        2\n    ],\n    \"log_level\": \"INFO\",\n    \"update_channel\": \"stable\"\n}\n");
    }

    @Test
    void an_array_written_on_one_line_is_laid_out_one_value_a_line() {
        String before = "{\n  \"items\": [1, 2],\n  \"x\": 1\n}\n";
        ObjectNode root = (ObjectNode) JsonText.parse(before);
        root.put("x", 2);

        assertThat(JsonText.emit(root, before)).isEqualTo("{\n  \"items\": [\n    1,\n    2\n  ],\n  \"x\": 2\n}\n");
    }

    @Test
    void tabs_are_kept_as_the_indentation_unit() {
        String before = "{\n\t\"a\": {\n\t\t\"b\": 1\n\t}\n}\n";
        ObjectNode root = (ObjectNode) JsonText.parse(before);
        ((ObjectNode) root.get("a")).put("c", 2);

        assertThat(JsonText.emit(root, before)).isEqualTo("{\n\t\"a\": {\n\t\t\"b\": 1,\n\t\t\"c\": 2\n\t}\n}\n");
    }

    @Test
    void whitespace_inside_strings_is_data_not_layout() {
        String before = "{\n  \"a\": \"x  y\"\n}\n";
        ObjectNode root = (ObjectNode) JsonText.parse(before);
        root.put("a", "x y");

        assertThat(JsonText.emit(root, before)).isEqualTo("{\n  \"a\": \"x y\"\n}\n");
    }

    @Test
    void a_document_on_one_line_is_written_pretty_printed() {
        String before = "{\"a\":1,\"b\":[1,2]}";
        ObjectNode root = (ObjectNode) JsonText.parse(before);
        root.put("c", true);

        assertThat(JsonText.emit(root, before)).isEqualTo("{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ],\n  \"c\": true\n}\n");
    }

    @Test
    void refuses_duplicate_keys() {
        assertThatThrownBy(() -> JsonText.parse("{\"a\": 1, \"a\": 2}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Duplicate");
    }

    @Test
    void a_key_added_after_a_nested_object_keeps_every_brace_at_its_level() {
        String before = "{\n  \"t\": {\n    \"a\": true\n  }\n}\n";
        ObjectNode root = (ObjectNode) JsonText.parse(before);
        root.put("u", "stable");

        assertThat(JsonText.emit(root, before)).isEqualTo("{\n  \"t\": {\n    \"a\": true\n  },\n  \"u\": \"stable\"\n}\n");
    }
}
