package dev.telec.migrate.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void anEditKeepsTheAuthorsIndentationAndEveryLineItDoesNotChange() {
        String before = "{\n    \"bot_name\" : \"teleclaude\",\n    \"legacy\":true,\n    \"items\": [\n        1,\n        2\n    ],\n    \"log_level\": \"INFO\"\n}\n";
        ObjectNode root = (ObjectNode) JsonText.parse(before);
        root.remove("legacy");
        root.put("update_channel", "stable");

        assertThat(JsonText.emit(root, before)).isEqualTo(
                "{\n    \"bot_name\" : \"teleclaude\",\n    \"items\": [\n        1,\n        2\n    ],\n    \"log_level\": \"INFO\",\n    \"update_channel\": \"stable\"\n}\n");
    }

    @Test
    void anArrayWrittenOnOneLineIsLaidOutOneValueALine() {
        String before = "{\n  \"items\": [1, 2],\n  \"x\": 1\n}\n";
        ObjectNode root = (ObjectNode) JsonText.parse(before);
        root.put("x", 2);

        assertThat(JsonText.emit(root, before)).isEqualTo("{\n  \"items\": [\n    1,\n    2\n  ],\n  \"x\": 2\n}\n");
    }

    @Test
    void tabsAreKeptAsTheIndentationUnit() {
        String before = "{\n\t\"a\": {\n\t\t\"b\": 1\n\t}\n}\n";
        ObjectNode root = (ObjectNode) JsonText.parse(before);
        ((ObjectNode) root.get("a")).put("c", 2);

        assertThat(JsonText.emit(root, before)).isEqualTo("{\n\t\"a\": {\n\t\t\"b\": 1,\n\t\t\"c\": 2\n\t}\n}\n");
    }

    @Test
    void whitespaceInsideStringsIsDataNotLayout() {
        String before = "{\n  \"a\": \"x  y\"\n}\n";
        ObjectNode root = (ObjectNode) JsonText.parse(before);
        root.put("a", "x y");

        assertThat(JsonText.emit(root, before)).isEqualTo("{\n  \"a\": \"x y\"\n}\n");
    }

    @Test
    void aDocumentOnOneLineIsWrittenPrettyPrinted() {
        String before = "{\"a\":1,\"b\":[1,2]}";
        ObjectNode root = (ObjectNode) JsonText.parse(before);
        root.put("c", true);

        assertThat(JsonText.emit(root, before)).isEqualTo("{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ],\n  \"c\": true\n}\n");
    }

    @Test
    void refusesDuplicateKeys() {
        assertThatThrownBy(() -> JsonText.parse("{\"a\": 1, \"a\": 2}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Duplicate");
    }

    @Test
    void aKeyAddedAfterANestedObjectKeepsEveryBraceAtItsLevel() {
        String before = "{\n  \"t\": {\n    \"a\": true\n  }\n}\n";
        ObjectNode root = (ObjectNode) JsonText.parse(before);
        root.put("u", "stable");

        assertThat(JsonText.emit(root, before)).isEqualTo("{\n  \"t\": {\n    \"a\": true\n  },\n  \"u\": \"stable\"\n}\n");
    }
}
