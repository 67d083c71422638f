package dev.harness.convert.testdrive;

import dev.harness.load.YamlNodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The imported check's node tree: what its text reads back as, built from the same {@link CheckWriter.Document}
 * (the loader validates this rather than re-reading megabytes of text it has just written; that the two agree is
 * what {@code CheckTreeTest} proves on every fixture and on hostile strings).
 */
final class CheckTree {
    private CheckTree() {}

    static MappingNode of(CheckWriter.Document doc) {
        return block(doc.keys());
    }

    private static MappingNode block(Map<String, Object> keys) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> k : keys.entrySet()) {
            Object v = k.getValue();
            if (v instanceof CheckWriter.Phase p) {
                List<Node> entries = new ArrayList<>();
                for (OutItem item : p.items()) if (item instanceof OutItem.Entry e) entries.add(value(e.fields()));
                out.put(k.getKey(), YamlNodes.sequence(entries));
            } else if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> children = (Map<String, Object>) m;
                out.put(k.getKey(), block(children));
            } else {
                out.put(k.getKey(), value(v));
            }
        }
        return YamlNodes.mapping(out);
    }

    /** A value as {@link YamlText} writes it: strings always read back as strings, {@link OutItem.Scalar}s as YAML types them. */
    private static Node value(Object v) {
        if (v instanceof String s) return YamlNodes.string(s);
        if (v instanceof OutItem.Scalar s) return YamlNodes.plain(s.text());
        if (v instanceof List<?> list) {
            List<Node> items = new ArrayList<>(list.size());
            for (Object item : list) items.add(value(item));
            return YamlNodes.sequence(items);
        }
        if (v instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entries = (Map<String, Object>) map;
            return block(entries);
        }
        throw new IllegalArgumentException("no YAML form for " + v.getClass());
    }
}
