package dev.harness.load;

import dev.harness.model.Durations;
import dev.harness.model.Expectation;
import dev.harness.model.Guard;
import dev.harness.model.Login;
import dev.harness.model.Mask;
import dev.harness.model.PhaseItem;
import dev.harness.model.Problem;
import dev.harness.model.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The entries of one schema-valid check phase -> {@link PhaseItem}s, plus the rules the schema cannot express: which
 * keys go together, regexes that compile, and sessions used only after their {@code open-session} in the phase.
 */
final class PhaseItemMapper {
    private static final List<String> ROW_KEYS = List.of("rows", "columns", "ordered");
    private static final List<String> STATEMENT_KEYS = List.of("sql", "query", "rows", "columns", "ordered", "error", "retry", "as",
            "on", "capture", "session");

    private final String file;
    private final List<Problem> problems;

    PhaseItemMapper(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    List<PhaseItem> phase(List<Node> nodes) {
        List<PhaseItem> out = new ArrayList<>();
        Set<String> openSessions = new HashSet<>();
        for (Node n : nodes) {
            YamlMap entry = YamlMap.of(n, file);
            PhaseItem item;
            if (entry.has("sleep")) {
                onlyKeys(entry, "sleep", List.of("when"));
                item = new PhaseItem.Sleep(entry.parsed("sleep", Durations::parse, problems), guards(entry), entry.where());
            } else if (entry.has("masks")) {
                onlyKeys(entry, "masks", List.of());
                item = new PhaseItem.SetMasks(masks(entry.list("masks")), entry.where());
            } else if (entry.has("open-session")) {
                onlyKeys(entry, "open-session", List.of("as"));
                String name = entry.text("open-session");
                if (!openSessions.add(name)) problems.add(new Problem(entry.whereValue("open-session"), "session '" + name + "' is already open in this phase"));
                item = new PhaseItem.OpenSession(name, asSystem(entry), login(entry), entry.where());
            } else {
                Statement s = statement(entry);
                if (s.session() != null && !openSessions.contains(s.session())) {
                    problems.add(new Problem(entry.whereValue("session"), "session '" + s.session()
                            + "' is used before it is opened: write '- open-session: " + s.session() + "' earlier in this phase"));
                }
                item = s;
            }
            out.add(item);
        }
        return List.copyOf(out);
    }

    /** A directive carries only its own key and {@code allowed}; a statement key on it is a mistake worth naming. */
    private void onlyKeys(YamlMap entry, String directive, List<String> allowed) {
        for (String key : STATEMENT_KEYS) {
            if (entry.has(key) && !allowed.contains(key)) {
                problems.add(new Problem(entry.whereKey(key), "'" + key + "' does not go with '" + directive + "'"));
            }
        }
        for (String other : List.of("sleep", "masks", "open-session", "when")) {
            if (!other.equals(directive) && entry.has(other) && !allowed.contains(other)) {
                problems.add(new Problem(entry.whereKey(other), "'" + other + "' does not go with '" + directive + "'"));
            }
        }
    }

    private Statement statement(YamlMap s) {
        boolean isQuery = s.has("query");
        String sql = isQuery ? s.text("query") : s.text("sql");
        String capture = s.text("capture");
        if (capture != null && dev.harness.model.VariableText.BUILT_INS.contains(capture)) {
            problems.add(new Problem(s.whereValue("capture"), "capture: '" + capture + "' redefines a built-in variable"));
        }
        Expectation expect;
        if (s.has("error")) {
            expect = new Expectation.Fails(errorMatch(s));
            excluded(s, ROW_KEYS, "'%s' and 'error' exclude each other: a statement either returns rows or fails");
            if (capture != null) problems.add(new Problem(s.whereKey("capture"), "'capture' and 'error' exclude each other: a failing statement returns no value"));
        } else if (capture != null) {
            if (!isQuery) problems.add(new Problem(s.whereKey("capture"), "'capture' belongs to a 'query': write 'query:' instead of 'sql:'"));
            excluded(s, ROW_KEYS, "'%s' and 'capture' exclude each other: a capture binds the one value the query returns");
            expect = new Expectation.Rows(List.of(), null, false); // not compared: the runner binds the value instead
        } else if (isQuery) {
            if (!s.has("rows")) {
                problems.add(new Problem(s.whereKey("query"), "a 'query' needs 'rows' (the expected result) or 'capture'; use 'sql' for a statement whose result is ignored"));
            }
            expect = new Expectation.Rows(rows(s.list("rows")), s.has("columns") ? List.copyOf(s.texts("columns")) : null, s.bool("ordered", false));
        } else {
            excluded(s, ROW_KEYS, "'%s' belongs to a 'query'; write 'query:' instead of 'sql:' to compare the result");
            expect = new Expectation.Succeeds();
        }
        String session = s.text("session");
        if (session != null) excluded(s, List.of("as", "on"), "'%s' and 'session' exclude each other: the session has its own login");
        // retry: 0s is allowed and means one attempt
        Duration retry = s.parsed("retry", Durations::parse, problems);
        return new Statement(sql, expect, retry, asSystem(s), login(s), guards(s), s.where(), s.text("on"), capture, session);
    }

    private void excluded(YamlMap s, List<String> keys, String format) {
        for (String key : keys) if (s.has(key)) problems.add(new Problem(s.whereKey(key), String.format(Locale.ROOT, format, key)));
    }

    private static boolean asSystem(YamlMap entry) {
        Node as = entry.get("as");
        return as instanceof ScalarNode && "system".equals(YamlMap.text(as));
    }

    /** {@code as: {user, password, listener}}; null for {@code as: system} or no {@code as}. */
    private Login login(YamlMap entry) {
        Node as = entry.get("as");
        if (as == null || as instanceof ScalarNode) return null;
        YamlMap m = YamlMap.of(as, file);
        String listener = m.text("listener");
        return new Login(m.text("user"), m.text("password"),
                listener == null ? Login.Listener.SQL : Login.Listener.valueOf(listener.toUpperCase(Locale.ROOT)));
    }

    private List<Guard> guards(YamlMap entry) {
        Node when = entry.get("when");
        if (when == null) return List.of();
        List<Node> nodes = when instanceof SequenceNode seq ? seq.getValue() : List.of(when);
        List<Guard> out = new ArrayList<>();
        for (Node n : nodes) {
            Guard g = entry.parsed(n, "'when'", Guards::parse, problems);
            if (g != null) out.add(g);
        }
        return List.copyOf(out);
    }

    /** {@code [{regex, replace}, …]} of a check or a phase; a regex that does not compile is a problem at it. */
    List<Mask> masks(List<Node> nodes) {
        List<Mask> out = new ArrayList<>();
        for (Node n : nodes) {
            YamlMap m = YamlMap.of(n, file);
            String regex = m.text("regex");
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                problems.add(new Problem(m.whereValue("regex"), "'regex' is not a valid regular expression: " + e.getDescription()));
            }
            out.add(new Mask(regex, m.text("replace"), m.where()));
        }
        return List.copyOf(out);
    }

    private Expectation.ErrorMatch errorMatch(YamlMap s) {
        Node n = s.get("error");
        if (n instanceof ScalarNode) return new Expectation.ErrorMatch(Expectation.ErrorMatch.Kind.CONTAINS, YamlMap.text(n));
        YamlMap m = YamlMap.of(n, file);
        String key = m.onlyKey();
        Expectation.ErrorMatch.Kind kind = switch (key) {
            case "regex" -> Expectation.ErrorMatch.Kind.REGEX;
            case "exact" -> Expectation.ErrorMatch.Kind.EXACT;
            case "sqlstate" -> Expectation.ErrorMatch.Kind.SQLSTATE;
            default -> Expectation.ErrorMatch.Kind.CONTAINS;
        };
        String value = m.text(key);
        // a regex with ${…} in it is compiled once its values are known, at run time
        if (kind == Expectation.ErrorMatch.Kind.REGEX && dev.harness.model.VariableText.refs(value).isEmpty()) {
            try {
                Pattern.compile(dev.harness.model.VariableText.substitute(value, name -> null));
            } catch (PatternSyntaxException e) {
                problems.add(new Problem(m.whereValue(key), "'regex' is not a valid regular expression: " + e.getDescription()));
            }
        }
        return new Expectation.ErrorMatch(kind, value);
    }

    private static List<List<dev.harness.model.Cell>> rows(List<Node> rowNodes) {
        List<List<dev.harness.model.Cell>> rows = new ArrayList<>();
        for (Node row : rowNodes) {
            List<dev.harness.model.Cell> cells = new ArrayList<>();
            for (Node cell : YamlMap.list(row)) cells.add(CheckMapper.cell((ScalarNode) cell));
            rows.add(List.copyOf(cells));
        }
        return List.copyOf(rows);
    }
}
