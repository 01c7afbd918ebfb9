package dev.telec.migrate.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;

class YamlTextTest {

    @Test
    void untouchedLinesKeepTheirOriginalSpacingBeforeComments() {
        String original = "a: 1      # aligned\nbb: 2     # aligned\nc: 3\n";
        String emitted = "a: 1 # aligned\nbb: 2 # aligned\nc: 4\n";

        assertThat(YamlText.keepOriginalLines(original, emitted)).isEqualTo("a: 1      # aligned\nbb: 2     # aligned\nc: 4\n");
    }

    @Test
    void originalLinesAreKeptOnlyWhenTheyHoldTheEmittedData() {
        // inside quotes, the spaces before # are data: the original line would change the value
        String original = "a: \"x   #y\"\n";
        String emitted = "a: \"x #y\"\n";

        assertThat(YamlText.keepOriginalLines(original, emitted)).isEqualTo(emitted);
    }

    @Test
    void anEditRewritesOnlyTheLinesItChanges() {
        String before = "# settings\nname: Alice      # shown in chats\n\n# channels\nchannels:   [telegram]\nquiet: true\n";
        MappingNode root = YamlText.parseMapping(before);
        List<NodeTuple> tuples = new ArrayList<>(root.getValue());
        tuples.removeIf(t -> t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k && k.getValue().equals("quiet"));
        tuples.add(new NodeTuple(YamlText.node("volume"), YamlText.node(3)));
        root.setValue(tuples);

        assertThat(YamlText.emit(root, before))
                .isEqualTo("# settings\nname: Alice      # shown in chats\n\n# channels\nchannels:   [telegram]\nvolume: 3\n");
    }

    @Test
    void aCommentsOnlyDocumentIsAnEmptyMappingKeepingItsComments() {
        MappingNode root = YamlText.parseMapping("# nothing here yet\n");
        root.setValue(new ArrayList<>(List.of(new NodeTuple(YamlText.node("a"), YamlText.node(1)))));

        assertThat(YamlText.emit(root, null)).isEqualTo("# nothing here yet\na: 1\n");
    }

    @Test
    void refusesDuplicateKeysAndNonMappings() {
        assertThatThrownBy(() -> YamlText.parseMapping("a: 1\na: 2\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> YamlText.parseMapping("- a\n- b\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a mapping");
    }
}
