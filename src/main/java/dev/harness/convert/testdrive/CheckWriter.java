package dev.harness.convert.testdrive;

import dev.harness.model.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The imported check as one document, the single source of both forms that leave the importer: its YAML text
 * (header comments, check keys, then the four phases with a {@code # from F:LINE} per entry) and its node tree,
 * which the loader validates ({@link CheckTree}). Both walk the same keys in the same order.
 */
final class CheckWriter {
    private CheckWriter() {}

    /** A phase's entries and comments, in order. */
    record Phase(List<OutItem> items) {}

    /**
     * @param header comment lines above the first key
     * @param keys   the check's keys in written order; a value is a {@link Phase}, a block mapping of them or of
     *               plain values ({@code manipulate}, {@code vars}), or a value {@link YamlText#field} writes
     */
    record Document(List<String> header, Map<String, Object> keys) {}

    static Document document(String name, List<TestdriveImport.Fragment> fragments, List<List<OutItem>> phases, CheckContext check, String schema) {
        String[] labels = {"initialize", "manipulate 1", "manipulate 2", "validate"};
        List<String> from = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) if (fragments.get(i) != null) from.add(labels[i] + " " + fragments.get(i).file());
        String sources = from.isEmpty() ? "no files" : String.join(", ", from);
        List<String> header = new ArrayList<>();
        header.add("yaml-language-server: $schema=" + schema);
        header.add("Imported by `harness import testdrive` from " + sources + ".");
        if (!check.untranslated.isEmpty()) {
            header.add(check.untranslated.size() + (check.untranslated.size() == 1 ? " command" : " commands")
                    + " not translated: see the TODO comments.");
        }
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("check", name);
        keys.put("description", "Imported from testdrive: " + sources);
        if (!check.services.isEmpty()) keys.put("services", new ArrayList<>(check.services));
        if (!check.vars.isEmpty()) keys.put("vars", new LinkedHashMap<String, Object>(check.vars));
        if (check.retry != null) keys.put("retry", new OutItem.Scalar(Durations.format(check.retry)));
        keys.put("initialize", phase(phases.get(0)));
        Map<String, Object> manipulate = new LinkedHashMap<>();
        manipulate.put("1", phase(phases.get(1)));
        manipulate.put("2", phase(phases.get(2)));
        keys.put("manipulate", manipulate);
        keys.put("validate", phase(phases.get(3)));
        return new Document(header, keys);
    }

    private static Phase phase(List<OutItem> items) {
        return new Phase(items == null ? List.of() : items);
    }

    static String text(Document doc) {
        YamlText y = new YamlText();
        for (String h : doc.header()) y.comment(0, h);
        block(y, 0, doc.keys());
        return y.text();
    }

    private static void block(YamlText y, int indent, Map<String, Object> keys) {
        for (Map.Entry<String, Object> k : keys.entrySet()) {
            if (k.getValue() instanceof Phase p) {
                phase(y, indent, k.getKey(), p.items());
            } else if (k.getValue() instanceof Map<?, ?> m) {
                y.line(indent, k.getKey() + ":");
                @SuppressWarnings("unchecked")
                Map<String, Object> children = (Map<String, Object>) m;
                block(y, indent + 2, children);
            } else {
                y.field(indent, "", k.getKey(), k.getValue());
            }
        }
    }

    private static void phase(YamlText y, int indent, String key, List<OutItem> items) {
        boolean empty = items.stream().noneMatch(i -> i instanceof OutItem.Entry);
        y.line(indent, key + ":" + (empty ? " []" : ""));
        int in = indent + 2;
        for (OutItem item : items) {
            if (item instanceof OutItem.Note n) {
                y.comment(in, n.text());
            } else if (item instanceof OutItem.Todo t) {
                y.comment(in, "TODO " + t.from() + ": not translated: " + t.reason());
                for (String l : t.original()) y.comment(in, "  " + l);
            } else if (item instanceof OutItem.Entry e) {
                y.comment(in, "from " + e.from());
                String prefix = "- ";
                for (Map.Entry<String, Object> f : e.fields().entrySet()) {
                    y.field(in, prefix, f.getKey(), f.getValue());
                    prefix = "  ";
                }
            }
        }
    }
}
