package dev.harness.convert.testdrive;

import dev.harness.model.HarnessException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a testdrive file into {@link TdCommand}s with testdrive's rules (src/testdrive/src/parser.rs): a line starting
 * with {@code >}, {@code !}, {@code ?} or {@code $} starts a command, optionally with a version constraint right after
 * the sigil; {@code #} lines are comments (also among expected rows and input); a line starting with {@code \} has it
 * dropped (so a value may start with a sigil); any other line where a command is due is an error.
 * A syntax error is {@link HarnessException.InvalidInput} at {@code file:line:column}.
 */
final class TestdriveParser {
    private static final Pattern HASHED = Pattern.compile("(\\S+) values hashing to (\\S+)");

    private final TestdriveLines in;
    private final List<TestdriveLines.Line> lines;
    private int next;

    private TestdriveParser(TestdriveLines in) {
        this.in = in;
        this.lines = in.lines();
    }

    static List<TdCommand> parse(TestdriveLines in) {
        return new TestdriveParser(in).commands();
    }

    private List<TdCommand> commands() {
        List<TdCommand> out = new ArrayList<>();
        while (next < lines.size()) {
            TestdriveLines.Line line = lines.get(next++);
            char sigil = line.text().charAt(0);
            if (sigil == '#') {
                out.add(new TdCommand.Comment(line.text().substring(1).strip(), line.first(), line.last()));
                continue;
            }
            if (!TestdriveLines.isSigil(line.text())) {
                throw in.error(line.first(), 1, "unexpected input line at beginning of file: " + sigil);
            }
            VersionConstraint.Parsed constraint = constraint(line);
            List<String> guards = constraint == null ? List.of() : constraint.guards();
            String text = constraint == null ? line.text() : constraint.rest();
            if (text.isEmpty()) throw in.error(line.first(), line.text().length() + 1, "nothing after the version constraint");
            out.add(switch (sigil) {
                case '>' -> query(line, text.substring(1).strip(), guards);
                case '?' -> explain(line, text.substring(1).strip(), guards);
                case '!' -> failQuery(line, text.substring(1).strip(), guards);
                default -> builtin(line, text, guards);
            });
        }
        return out;
    }

    private VersionConstraint.Parsed constraint(TestdriveLines.Line line) {
        try {
            return VersionConstraint.parse(line.text());
        } catch (VersionConstraint.Error e) {
            throw in.error(line.first(), 2, e.getMessage());
        }
    }

    private TdCommand query(TestdriveLines.Line line, String sql, List<String> guards) {
        List<TestdriveLines.Line> expected = slurp();
        List<String> columns = null;
        List<List<String>> rows = new ArrayList<>();
        int from = 0;
        if (expected.size() == 1 && HASHED.matcher(text(expected.get(0))).matches()) {
            return new TdCommand.Query(sql, guards, null, List.of(), false, text(expected.get(0)), line.first(), lastOf(line, expected));
        }
        if (expected.size() >= 2) {
            String second = text(expected.get(1));
            if (second.length() >= 3 && second.chars().allMatch(c -> c == '-')) {
                columns = tokens(expected.get(0));
                from = 2;
            }
        }
        for (TestdriveLines.Line row : expected.subList(from, expected.size())) rows.add(tokens(row));
        return new TdCommand.Query(sql, guards, columns, List.copyOf(rows), false, null, line.first(), lastOf(line, expected));
    }

    /**
     * {@code ?}: the raw lines after the command up to the next command line, comment lines left out and blank lines
     * kept, each ended by a newline; trailing blank lines are trimmed to the last newline.
     */
    private TdCommand explain(TestdriveLines.Line line, String sql, List<String> guards) {
        StringBuilder expected = new StringBuilder();
        int n = line.last() + 1;
        for (; n <= in.rawCount(); n++) {
            String raw = in.raw(n);
            if (raw.startsWith("#")) continue;
            if (TestdriveLines.isSigil(raw)) break;
            expected.append(raw).append('\n');
        }
        while (expected.length() >= 2 && expected.charAt(expected.length() - 1) == '\n' && expected.charAt(expected.length() - 2) == '\n') {
            expected.setLength(expected.length() - 1);
        }
        List<TestdriveLines.Line> consumed = slurp();
        List<List<String>> rows = List.of(List.of(expected.toString()));
        return new TdCommand.Query(sql, guards, null, rows, true, null, line.first(), lastOf(line, consumed));
    }

    private TdCommand failQuery(TestdriveLines.Line line, String sql, List<String> guards) {
        TestdriveLines.Line matcher = slurpOne();
        if (matcher == null) throw in.error(line.first(), 1, "failing SQL command is missing expected error message");
        String m = text(matcher);
        String kind;
        String expected = null;
        if (m.equals("timeout")) {
            kind = "timeout";
        } else {
            kind = m.startsWith("regex:") ? "regex" : m.startsWith("contains:") ? "contains" : m.startsWith("exact:") ? "exact" : null;
            if (kind == null) {
                throw in.error(matcher.first(), 1, "Query error must start with match specifier (`regex:`|`contains:`|`exact:`|`timeout`)");
            }
            expected = m.substring(kind.length() + 1).strip();
        }
        int last = matcher.last();
        String detail = extra("detail:");
        if (detail != null) last = lines.get(next - 1).last();
        String hint = extra("hint:");
        if (hint != null) last = lines.get(next - 1).last();
        return new TdCommand.FailQuery(sql.strip(), guards, kind, expected, detail, hint, line.first(), last);
    }

    /** {@code detail:} then {@code hint:}, each optional, on the line right after (testdrive peeks: no comment skipping). */
    private String extra(String prefix) {
        if (next < lines.size() && lines.get(next).text().startsWith(prefix)) {
            return lines.get(next++).text().substring(prefix.length()).strip();
        }
        return null;
    }

    private TdCommand builtin(TestdriveLines.Line line, String text, List<String> guards) {
        BuiltinArgs.Parsed parsed;
        try {
            parsed = BuiltinArgs.parse(text);
        } catch (BuiltinArgs.Error e) {
            int shift = line.text().length() - text.length(); // a version constraint before the command
            throw in.error(line.first(), e.column + shift, e.getMessage());
        }
        List<TestdriveLines.Line> input = slurp();
        return new TdCommand.Builtin(parsed.name(), parsed.args(), input.stream().map(TestdriveParser::text).toList(), guards,
                line.first(), lastOf(line, input));
    }

    /** The following non-command lines (expected rows, input), comments skipped. */
    private List<TestdriveLines.Line> slurp() {
        List<TestdriveLines.Line> out = new ArrayList<>();
        for (TestdriveLines.Line l = slurpOne(); l != null; l = slurpOne()) out.add(l);
        return out;
    }

    private TestdriveLines.Line slurpOne() {
        while (next < lines.size()) {
            TestdriveLines.Line l = lines.get(next);
            if (l.text().startsWith("#")) {
                next++;
                continue;
            }
            if (TestdriveLines.isSigil(l.text())) return null;
            next++;
            return l;
        }
        return null;
    }

    /** A slurped line's text: a leading backslash is dropped (it lets a value start with a sigil). */
    private static String text(TestdriveLines.Line l) {
        return l.text().startsWith("\\") ? l.text().substring(1) : l.text();
    }

    private List<String> tokens(TestdriveLines.Line row) {
        try {
            return List.copyOf(RowTokens.split(text(row)));
        } catch (RowTokens.UnterminatedQuote e) {
            int shift = row.text().startsWith("\\") ? 1 : 0;
            throw in.error(row.first(), e.column + shift, "unterminated quote");
        }
    }

    private static int lastOf(TestdriveLines.Line command, List<TestdriveLines.Line> after) {
        return after.isEmpty() ? command.last() : after.get(after.size() - 1).last();
    }
}
