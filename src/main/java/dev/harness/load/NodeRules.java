package dev.harness.load;

import dev.harness.model.Problem;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Rules on a composed node tree that SnakeYAML's compose step does not enforce: no duplicate keys (its
 * constructor would check them, but nothing is constructed), and no tags but the core ones, each on a value it
 * fits. {@code !!binary}, {@code !!set}, {@code !!java/...} or {@code !custom} would otherwise be read silently
 * as plain text or lists, which is never what their author meant.
 */
final class NodeRules {
    private static final String CORE = "!!str, !!int, !!float, !!bool, !!null, !!seq and !!map";
    private static final Pattern NUMBER = Pattern.compile(Yaml12Resolver.INT12.pattern() + "|" + Yaml12Resolver.FLOAT12.pattern());

    private NodeRules() {}

    static void check(Node root, String name, List<Problem> out) {
        walk(root, name, out, new IdentityHashMap<>());
    }

    static String unsupportedTag(String tag) {
        return "unsupported YAML tag '" + shortTag(tag) + "': only " + CORE + " are allowed";
    }

    private static void walk(Node node, String name, List<Problem> out, Map<Node, Boolean> seen) {
        if (seen.put(node, Boolean.TRUE) != null) return; // aliases share nodes
        String tagProblem = tagProblem(node);
        if (tagProblem != null) out.add(new Problem(YamlReader.ref(name, node.getStartMark()), tagProblem));
        if (node instanceof MappingNode mapping) {
            Map<String, Node> first = new HashMap<>();
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key) {
                    Node earlier = first.putIfAbsent(key.getValue(), key);
                    if (earlier != null) {
                        out.add(new Problem(YamlReader.ref(name, key.getStartMark()), "duplicate key '" + key.getValue()
                                + "' (first defined at line " + YamlReader.line(earlier.getStartMark()) + ", column "
                                + YamlReader.column(earlier.getStartMark()) + ")"));
                    }
                }
                walk(t.getKeyNode(), name, out, seen);
                walk(t.getValueNode(), name, out, seen);
            }
        } else if (node instanceof SequenceNode seq) {
            for (Node child : seq.getValue()) walk(child, name, out, seen);
        }
    }

    /** Null when the node's tag is a core tag that fits its value (an implicit tag always does). */
    private static String tagProblem(Node node) {
        Tag tag = node.getTag();
        if (node instanceof MappingNode) return Tag.MAP.equals(tag) ? null : misfit(tag, "a mapping");
        if (node instanceof SequenceNode) return Tag.SEQ.equals(tag) ? null : misfit(tag, "a list");
        String value = ((ScalarNode) node).getValue();
        if (Tag.STR.equals(tag)) return null;
        Pattern shape = Tag.INT.equals(tag) ? Yaml12Resolver.INT12
                : Tag.FLOAT.equals(tag) ? NUMBER
                : Tag.BOOL.equals(tag) ? Yaml12Resolver.BOOL12
                : Tag.NULL.equals(tag) ? Yaml12Resolver.NULL12
                : null;
        if (shape == null) return unsupportedTag(tag.getValue());
        return shape.matcher(value).matches() ? null
                : "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "' is not a valid " + shortTag(tag.getValue()) + " value; drop the tag or fix the value";
    }

    private static String misfit(Tag tag, String what) {
        boolean core = Tag.SEQ.equals(tag) || Tag.MAP.equals(tag) || Tag.STR.equals(tag) || Tag.INT.equals(tag)
                || Tag.FLOAT.equals(tag) || Tag.BOOL.equals(tag) || Tag.NULL.equals(tag);
        return core ? "the tag '" + shortTag(tag.getValue()) + "' does not fit " + what + "; drop the tag" : unsupportedTag(tag.getValue());
    }

    private static String shortTag(String tag) {
        return tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
    }
}
