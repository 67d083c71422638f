package dev.harness.load;

import dev.harness.model.Cell;
import dev.harness.model.Check;
import dev.harness.model.Durations;
import dev.harness.model.Problem;
import dev.harness.model.Version;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** A schema-valid check document -> {@link Check}, plus the rules the schema cannot express. */
final class CheckMapper {
    private final String file;
    private final List<Problem> problems;

    CheckMapper(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    Check map(YamlMap root, String defaultName) {
        String name = root.entityName("check", defaultName, problems);
        Version since = root.parsed("since", Version::parse, problems);
        Version before = root.parsed("before", Version::parse, problems);
        if (since != null && before != null && since.compareTo(before) >= 0) {
            problems.add(new Problem(root.whereValue("before"), "'since' (" + since + ") must be below 'before' (" + before
                    + "), otherwise the check never runs"));
        }
        root.keyPositions("vars").forEach((key, where) -> {
            String var = key.substring("vars.".length());
            if (dev.harness.model.VariableText.BUILT_INS.contains(var)) {
                problems.add(new Problem(where, "vars: '" + var + "' redefines a built-in variable"));
            }
        });
        YamlMap manipulate = root.map("manipulate");
        PhaseItemMapper items = new PhaseItemMapper(file, problems);
        return new Check(
                name,
                root.text("description"),
                root.texts("systems"),
                since,
                before,
                disabled(root),
                root.bool("externally-idempotent", true),
                root.bool("supports-forced-migrations", true),
                items.phase(root.list("initialize")),
                manipulate == null ? List.of() : items.phase(manipulate.list("1")),
                manipulate == null ? List.of() : items.phase(manipulate.list("2")),
                items.phase(root.list("validate")),
                root.has("check") ? root.whereValue("check") : root.where(),
                root.texts("services"),
                root.scalars("vars"),
                items.masks(root.list("masks")),
                root.parsed("retry", Durations::parse, problems),
                root.texts("tags"));
    }

    private static String disabled(YamlMap root) {
        Node n = root.get("disabled");
        String t = YamlMap.text(n);
        if (t == null) return null;
        if (n.getTag().equals(Tag.BOOL)) return Boolean.parseBoolean(t.toLowerCase(java.util.Locale.ROOT)) ? "disabled" : null;
        return t;
    }

    /** A YAML value as an expected cell; numbers keep their source text (1.50 stays "1.50"). */
    static Cell cell(ScalarNode n) {
        Tag tag = n.getTag();
        if (Tag.NULL.equals(tag)) return Cell.nul();
        if (Tag.BOOL.equals(tag)) return Cell.bool(Boolean.parseBoolean(n.getValue().toLowerCase(java.util.Locale.ROOT)));
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) return Cell.number(n.getValue());
        return Cell.string(n.getValue());
    }
}
