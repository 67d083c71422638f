package dev.harness.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Node trees built in memory, tagged as the loader tags what it reads from text: a converter builds the document
 * it writes with these and hands it to {@link Loader#checkTree}, so the loader's rules, schema and mapping see what
 * a reader of the written text will see. Nodes carry no position: none exists before the text is written.
 */
public final class YamlNodes {
    private static final Yaml12Resolver RESOLVER = new Yaml12Resolver();

    private YamlNodes() {}

    /** The node tree of YAML text as the loader reads it (what a built tree must equal once written). */
    public static Node read(String text, String name) {
        return YamlReader.parse(text, name);
    }

    /** A scalar written without quotes: tagged like YAML 1.2's core schema ({@code 42} an int, {@code null} a null). */
    public static ScalarNode plain(String text) {
        return new ScalarNode(RESOLVER.resolve(NodeId.scalar, text, true), text, null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    /** A string whatever it looks like: the text written quoted or as a block. */
    public static ScalarNode string(String text) {
        return new ScalarNode(Tag.STR, text, null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    public static SequenceNode sequence(List<? extends Node> items) {
        return new SequenceNode(Tag.SEQ, new ArrayList<>(items), DumperOptions.FlowStyle.AUTO);
    }

    /** A mapping whose keys are written plain, in the order of {@code entries}. */
    public static MappingNode mapping(Map<String, ? extends Node> entries) {
        List<NodeTuple> tuples = new ArrayList<>(entries.size());
        for (Map.Entry<String, ? extends Node> e : entries.entrySet()) tuples.add(new NodeTuple(plain(e.getKey()), e.getValue()));
        return new MappingNode(Tag.MAP, tuples, DumperOptions.FlowStyle.AUTO);
    }
}
