package dev.harness.load;

import dev.harness.model.Problem;
import dev.harness.model.SourceRef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node tree as the org.json values everit validates, plus where each value (and each mapping key)
 * was written, indexed by the JSON pointer everit reports ({@code #/validate/0/rows}). The positions are only
 * needed to report a violation, so they are indexed on the first lookup: a valid document never pays for them.
 */
final class PositionedJson {
    /** JSONObject, JSONArray, String, Boolean, BigInteger/BigDecimal or JSONObject.NULL. */
    private final Object json;
    private final Node root;
    private final String name;
    private Positions positions;

    /** pointer -> position of the value; pointer -> position of the mapping key that holds it (absent for list items and the root). */
    private record Positions(Map<String, SourceRef> values, Map<String, SourceRef> keys) {}

    private PositionedJson(Object json, Node root, String name) {
        this.json = json;
        this.root = root;
        this.name = name;
    }

    static PositionedJson of(Node root, String name) {
        return new PositionedJson(new Converter(name).convert(root), root, name);
    }

    Object json() {
        return json;
    }

    /** Position of the value at {@code pointer}, else of its nearest ancestor, else 1:1. */
    SourceRef valueAt(String pointer, String file) {
        for (String p = pointer; ; p = parent(p)) {
            SourceRef r = positions().values().get(p);
            if (r != null) return r;
            if (p.equals("#") || p.isEmpty()) return SourceRef.of(file, 1, 1);
        }
    }

    /** Position of the key holding the value at {@code pointer}; its value's position when it has no key. */
    SourceRef keyAt(String pointer, String file) {
        SourceRef r = positions().keys().get(pointer);
        return r != null ? r : valueAt(pointer, file);
    }

    static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash < 0 ? "#" : pointer.substring(0, slash);
    }

    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    private Positions positions() {
        if (positions == null) {
            positions = new Positions(new HashMap<>(), new HashMap<>());
            index(root, "#");
        }
        return positions;
    }

    /** The converter has already refused recursive aliases, so this walk ends. */
    private void index(Node node, String pointer) {
        positions.values().put(pointer, YamlReader.ref(name, node.getStartMark()));
        if (node instanceof SequenceNode seq) {
            List<Node> items = seq.getValue();
            for (int i = 0; i < items.size(); i++) index(items.get(i), pointer + "/" + i);
        } else if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                String p = child(pointer, ((ScalarNode) t.getKeyNode()).getValue());
                positions.keys().put(p, YamlReader.ref(name, t.getKeyNode().getStartMark()));
                index(t.getValueNode(), p);
            }
        }
    }

    private static final class Converter {
        final String name;
        final Map<Node, Boolean> onPath = new IdentityHashMap<>();

        Converter(String name) {
            this.name = name;
        }

        Object convert(Node node) {
            if (node instanceof ScalarNode s) return scalar(s);
            if (onPath.put(node, Boolean.TRUE) != null) throw problem(node, "recursive alias: a list or mapping contains itself");
            try {
                if (node instanceof SequenceNode seq) {
                    JSONArray out = new JSONArray();
                    for (Node item : seq.getValue()) out.put(convert(item));
                    return out;
                }
                MappingNode map = (MappingNode) node;
                JSONObject out = new JSONObject();
                for (NodeTuple t : map.getValue()) {
                    if (!(t.getKeyNode() instanceof ScalarNode k)) {
                        throw problem(t.getKeyNode(), "a mapping key must be a plain value, found a " + (t.getKeyNode() instanceof SequenceNode ? "list" : "mapping"));
                    }
                    out.put(k.getValue(), convert(t.getValueNode()));
                }
                return out;
            } finally {
                onPath.remove(node);
            }
        }

        private static Object scalar(ScalarNode s) {
            Tag tag = s.getTag();
            String v = s.getValue();
            try {
                if (Tag.NULL.equals(tag)) return JSONObject.NULL;
                if (Tag.BOOL.equals(tag)) return Boolean.valueOf(v.toLowerCase(java.util.Locale.ROOT));
                if (Tag.INT.equals(tag)) return new BigInteger(v.startsWith("+") ? v.substring(1) : v);
                if (Tag.FLOAT.equals(tag)) return new BigDecimal(v.startsWith("+") ? v.substring(1) : v);
            } catch (NumberFormatException e) {
                return v;
            }
            return v;
        }

        private RuntimeException problem(Node node, String message) {
            return new dev.harness.model.HarnessException.InvalidInput(List.of(new Problem(YamlReader.ref(name, node.getStartMark()), message)));
        }
    }
}
