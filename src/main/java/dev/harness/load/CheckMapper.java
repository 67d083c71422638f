package dev.harness.load;

import dev.harness.model.Cell;
import dev.harness.model.Check;
import dev.harness.model.Durations;
import dev.harness.model.Expectation;
import dev.harness.model.Guard;
import dev.harness.model.Problem;
import dev.harness.model.Statement;
import dev.harness.model.Version;
import java.time.Duration;
import java.util.ArrayList;
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
        YamlMap manipulate = root.map("manipulate");
        return new Check(
                name,
                root.text("description"),
                root.texts("systems"),
                since,
                before,
                disabled(root),
                root.bool("externally-idempotent", true),
                root.bool("supports-forced-migrations", true),
                statements(root.list("initialize")),
                manipulate == null ? List.of() : statements(manipulate.list("1")),
                manipulate == null ? List.of() : statements(manipulate.list("2")),
                statements(root.list("validate")),
                root.has("check") ? root.whereValue("check") : root.where(),
                root.texts("services"),
                root.texts("tags"));
    }

    private static String disabled(YamlMap root) {
        Node n = root.get("disabled");
        String t = YamlMap.text(n);
        if (t == null) return null;
        if (n.getTag().equals(Tag.BOOL)) return Boolean.parseBoolean(t.toLowerCase(java.util.Locale.ROOT)) ? "disabled" : null;
        return t;
    }

    private List<Statement> statements(List<Node> nodes) {
        List<Statement> out = new ArrayList<>();
        for (Node n : nodes) out.add(statement(YamlMap.of(n, file)));
        return List.copyOf(out);
    }

    private Statement statement(YamlMap s) {
        boolean isQuery = s.has("query");
        String sql = isQuery ? s.text("query") : s.text("sql");
        Expectation expect;
        if (s.has("error")) {
            expect = new Expectation.Fails(errorMatch(s));
            for (String key : List.of("rows", "columns", "ordered")) {
                if (s.has(key)) problems.add(new Problem(s.whereKey(key), "'" + key + "' and 'error' exclude each other: a statement either returns rows or fails"));
            }
        } else if (isQuery) {
            if (!s.has("rows")) {
                problems.add(new Problem(s.whereKey("query"), "a 'query' needs 'rows' (the expected result); use 'sql' for a statement whose result is ignored"));
            }
            expect = new Expectation.Rows(rows(s.list("rows")), s.has("columns") ? List.copyOf(s.texts("columns")) : null, s.bool("ordered", false));
        } else {
            for (String key : List.of("rows", "columns", "ordered")) {
                if (s.has(key)) problems.add(new Problem(s.whereKey(key), "'" + key + "' belongs to a 'query'; write 'query:' instead of 'sql:' to compare the result"));
            }
            expect = new Expectation.Succeeds();
        }
        // retry: 0s is allowed and means one attempt
        Duration retry = s.parsed("retry", Durations::parse, problems);
        Guard when = s.parsed("when", Guards::parse, problems);
        return new Statement(sql, expect, retry, "system".equals(s.text("as")), when, s.where(), s.text("on"));
    }

    private Expectation.ErrorMatch errorMatch(YamlMap s) {
        Node n = s.get("error");
        if (n instanceof ScalarNode) return new Expectation.ErrorMatch(Expectation.ErrorMatch.Kind.CONTAINS, YamlMap.text(n));
        YamlMap m = YamlMap.of(n, file);
        String key = m.onlyKey();
        Expectation.ErrorMatch.Kind kind = switch (key) {
            case "regex" -> Expectation.ErrorMatch.Kind.REGEX;
            case "sqlstate" -> Expectation.ErrorMatch.Kind.SQLSTATE;
            default -> Expectation.ErrorMatch.Kind.CONTAINS;
        };
        String value = m.text(key);
        if (kind == Expectation.ErrorMatch.Kind.REGEX) {
            try {
                java.util.regex.Pattern.compile(value);
            } catch (java.util.regex.PatternSyntaxException e) {
                problems.add(new Problem(m.whereValue(key), "'regex' is not a valid regular expression: " + e.getDescription()));
            }
        }
        return new Expectation.ErrorMatch(kind, value);
    }

    private static List<List<Cell>> rows(List<Node> rowNodes) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Node row : rowNodes) {
            List<Cell> cells = new ArrayList<>();
            for (Node cell : YamlMap.list(row)) cells.add(cell((ScalarNode) cell));
            rows.add(List.copyOf(cells));
        }
        return List.copyOf(rows);
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
