package dev.harness.convert.testdrive;

import dev.harness.model.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One testdrive file (a fragment) -> the entries of one YAML phase. SQL commands are translated here, builtins by
 * {@link BuiltinTranslator}; a command without a harness form becomes a {@link OutItem.Todo} and is listed in
 * {@link CheckContext#untranslated}.
 */
final class FragmentTranslator {
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private final TestdriveLines in;
    private final CheckContext check;
    private final FragmentState state = new FragmentState();
    private final BuiltinTranslator builtins;
    private final List<OutItem> out = new ArrayList<>();

    FragmentTranslator(TestdriveLines in, CheckContext check) {
        this.in = in;
        this.check = check;
        this.builtins = new BuiltinTranslator(this, state, check);
    }

    List<OutItem> translate(List<TdCommand> commands) {
        for (TdCommand c : commands) {
            try {
                if (c instanceof TdCommand.Comment comment) out.add(new OutItem.Note(comment.text()));
                else if (c instanceof TdCommand.Query q) query(q);
                else if (c instanceof TdCommand.FailQuery f) failQuery(f);
                else builtins.translate((TdCommand.Builtin) c);
            } catch (Untranslatable e) {
                todo(c, e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    String from(TdCommand c) {
        return in.file() + ":" + c.first();
    }

    void add(OutItem item) {
        out.add(item);
    }

    void todo(TdCommand c, String reason) {
        List<String> original = new ArrayList<>();
        for (int n = c.first(); n <= c.last(); n++) original.add(in.raw(n));
        check.untranslated.add(from(c) + ": not translated: " + reason);
        out.add(new OutItem.Todo(from(c), reason, List.copyOf(original)));
    }

    private void query(TdCommand.Query q) throws Untranslatable {
        if (q.hashed() != null) throw new Untranslatable("'" + q.hashed() + "': the harness compares rows, not their hash");
        String sql = VariableRefs.rewrite(q.sql());
        OutItem.Entry e = new OutItem.Entry(from(q));
        boolean rows = !q.rows().isEmpty() || q.columns() != null || q.explain() || SqlHead.returnsRows(sql);
        if (!rows) {
            e.put("sql", sql);
            if (SqlHead.retriedOnError(sql)) e.put("retry", duration(state.timeout != null ? state.timeout : check.retry != null ? check.retry : CheckContext.DEFAULT_RETRY));
        } else {
            e.put("query", sql);
            if (q.columns() != null) e.put("columns", rewriteAll(q.columns()));
            List<List<Object>> table = new ArrayList<>();
            for (List<String> row : q.rows()) {
                List<Object> cells = new ArrayList<>();
                for (String token : row) cells.add(q.explain() ? VariableRefs.rewrite(token) : cell(token));
                table.add(cells);
            }
            e.put("rows", table);
            retry(e);
        }
        guards(e, q.guards());
        out.add(e);
    }

    private void failQuery(TdCommand.FailQuery f) throws Untranslatable {
        if (f.kind().equals("timeout")) throw new Untranslatable("'timeout': the harness cannot expect a statement to time out");
        String expected = VariableRefs.rewrite(f.expected());
        if (f.kind().equals("regex")) compiles(expected, "error regex");
        Map<String, Object> error = new LinkedHashMap<>();
        error.put(f.kind(), expected);
        OutItem.Entry e = new OutItem.Entry(from(f)).put("sql", VariableRefs.rewrite(f.sql())).put("error", error);
        retry(e);
        guards(e, f.guards());
        out.add(e);
        if (f.detail() != null || f.hint() != null) {
            todo(f, (f.detail() != null ? "detail:" : "hint:") + " not checked: the harness matches the primary error message only");
        }
    }

    /** A retried statement (rows, error, capture) takes the fragment's {@code $ set-sql-timeout}; the check's retry is inherited. */
    void retry(OutItem.Entry e) {
        if (state.timeout != null) e.put("retry", duration(state.timeout));
    }

    /** The command's own version guards and those of an open {@code $ skip-if}, as {@code when:}. */
    void guards(OutItem.Entry e, List<String> own) {
        List<String> all = new ArrayList<>(own);
        all.addAll(state.skipGuards);
        if (all.size() == 1) e.put("when", all.get(0));
        else if (!all.isEmpty()) e.put("when", all);
    }

    static OutItem.Scalar duration(Duration d) {
        return new OutItem.Scalar(Durations.format(d));
    }

    static void compiles(String regex, String what) throws Untranslatable {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new Untranslatable(what + " '" + regex + "' is not a Java regular expression: " + e.getDescription());
        }
    }

    /**
     * An expected value: {@code <null>} is NULL, {@code true}/{@code false} a boolean (testdrive renders booleans so),
     * a plain decimal a number (compared numerically), anything else text compared exactly.
     */
    static Object cell(String token) throws Untranslatable {
        if (token.equals("<null>")) return new OutItem.Scalar("null");
        if (token.equals("true") || token.equals("false") || NUMBER.matcher(token).matches()) return new OutItem.Scalar(token);
        return VariableRefs.rewrite(token);
    }

    private static List<String> rewriteAll(List<String> values) throws Untranslatable {
        List<String> out = new ArrayList<>();
        for (String v : values) out.add(VariableRefs.rewrite(v));
        return out;
    }
}
