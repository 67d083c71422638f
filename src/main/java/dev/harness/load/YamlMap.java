package dev.harness.load;

import dev.harness.model.HarnessException;
import dev.harness.model.Names;
import dev.harness.model.Problem;
import dev.harness.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Read access to a schema-valid YAML mapping for the mappers: values by key, scalars as their source text,
 * positions of keys and values. Shapes are already guaranteed by the schema, so lookups do not re-check them.
 */
record YamlMap(MappingNode node, String file) {

    static YamlMap of(Node node, String file) {
        return new YamlMap((MappingNode) node, file);
    }

    boolean has(String key) {
        return get(key) != null;
    }

    /** The value node of {@code key}, or null when absent. */
    Node get(String key) {
        for (NodeTuple t : node.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) return t.getValueNode();
        }
        return null;
    }

    /** The key node of {@code key}, or null when absent. */
    Node keyNode(String key) {
        for (NodeTuple t : node.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) return k;
        }
        return null;
    }

    /** Source text of a scalar value (so 15.10 stays "15.10"); null when absent or YAML null. */
    String text(String key) {
        return text(get(key));
    }

    static String text(Node n) {
        if (!(n instanceof ScalarNode s) || Tag.NULL.equals(s.getTag())) return null;
        return s.getValue();
    }

    String text(String key, String fallback) {
        String t = text(key);
        return t == null ? fallback : t;
    }

    boolean bool(String key, boolean fallback) {
        String t = text(key);
        return t == null ? fallback : Boolean.parseBoolean(t.toLowerCase(java.util.Locale.ROOT));
    }

    YamlMap map(String key) {
        Node n = get(key);
        return n instanceof MappingNode m ? new YamlMap(m, file) : null;
    }

    List<Node> list(String key) {
        return list(get(key));
    }

    static List<Node> list(Node n) {
        return n instanceof SequenceNode s ? s.getValue() : List.of();
    }

    List<String> texts(String key) {
        List<String> out = new ArrayList<>();
        for (Node n : list(key)) out.add(text(n));
        return out;
    }

    /** A mapping of scalars below {@code key}, values as source text, in file order; empty when absent. */
    java.util.Map<String, String> scalars(String key) {
        return scalars(get(key));
    }

    static java.util.Map<String, String> scalars(Node node) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) out.put(((ScalarNode) t.getKeyNode()).getValue(), text(t.getValueNode()));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Where each key of the mapping below {@code key} is written, as {@code key.name}. */
    java.util.Map<String, SourceRef> keyPositions(String key) {
        java.util.Map<String, SourceRef> out = new java.util.LinkedHashMap<>();
        if (get(key) instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) out.put(key + "." + ((ScalarNode) t.getKeyNode()).getValue(), at(t.getKeyNode()));
        }
        return out;
    }

    /** The one key of a one-key mapping (a scenario step). */
    String onlyKey() {
        return ((ScalarNode) node.getValue().get(0).getKeyNode()).getValue();
    }

    SourceRef where() {
        return at(node);
    }

    SourceRef whereKey(String key) {
        Node k = keyNode(key);
        return k == null ? where() : at(k);
    }

    SourceRef whereValue(String key) {
        Node v = get(key);
        return v == null ? whereKey(key) : at(v);
    }

    /**
     * A check or scenario name: the value of {@code key}, else the file's base name. Names become report folders
     * and file names, so a name that is not {@link Names#ENTITY} (a file named {@code ..yaml} or {@code .x.yaml})
     * is a problem: at the value, or at 1:1 for a name taken from the file name.
     */
    String entityName(String key, String fromFileName, List<Problem> problems) {
        String name = text(key, fromFileName);
        try {
            return Names.requireEntity(has(key) ? "'" + key + "'" : key + " name from the file name", name);
        } catch (HarnessException.InvalidInput e) {
            problems.add(has(key) ? new Problem(whereValue(key), e.getMessage())
                    : new Problem(SourceRef.of(file, 1, 1), e.getMessage() + "; rename the file or add '" + key + ": <name>'"));
            return name;
        }
    }

    /**
     * The value of {@code key} as {@code parser} reads it; null when absent, or when the parser refuses it with an
     * IllegalArgumentException, whose message becomes a problem at the value ({@code 'key': message}).
     */
    <T> T parsed(String key, Function<String, T> parser, List<Problem> problems) {
        return has(key) ? parsed(get(key), "'" + key + "'", parser, problems) : null;
    }

    /** As {@link #parsed(String, Function, List)} for any scalar node of this file, e.g. a list item. */
    <T> T parsed(Node value, String label, Function<String, T> parser, List<Problem> problems) {
        String t = text(value);
        if (t == null) return null;
        try {
            return parser.apply(t);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(at(value), label + ": " + e.getMessage()));
            return null;
        }
    }

    SourceRef at(Node n) {
        return YamlReader.ref(file, n.getStartMark());
    }
}
