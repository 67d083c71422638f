package dev.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.Tag;

/** Plain scalars are typed as YAML 1.2's core schema types them, the empty value (a key with nothing after it) included. */
class Yaml12ResolverTest {
    @Test
    void nullsBooleansNumbersAndStrings() {
        MappingNode root = (MappingNode) YamlNodes.read("""
                empty:
                tilde: ~
                lower: null
                title: Null
                upper: NULL
                quoted: 'null'
                nil: nil
                yes: yes
                true: true
                int: 15
                float: 15.10
                word: nullable
                """, "t.yaml");
        List<Tag> tags = root.getValue().stream().map(NodeTuple::getValueNode).map(Node::getTag).toList();
        assertEquals(List.of(Tag.NULL, Tag.NULL, Tag.NULL, Tag.NULL, Tag.NULL, Tag.STR, Tag.STR, Tag.STR, Tag.BOOL, Tag.INT, Tag.FLOAT, Tag.STR), tags);
        assertEquals(Tag.NULL, YamlNodes.plain("").getTag(), "built in memory alike");
        assertEquals(Tag.STR, YamlNodes.plain("nullable").getTag());
    }
}
