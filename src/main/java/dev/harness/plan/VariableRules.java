package dev.harness.plan;

import dev.harness.model.Cell;
import dev.harness.model.Check;
import dev.harness.model.Expectation;
import dev.harness.model.Mask;
import dev.harness.model.Phase;
import dev.harness.model.PhaseItem;
import dev.harness.model.Problem;
import dev.harness.model.SourceRef;
import dev.harness.model.Statement;
import dev.harness.model.VariableText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compile rules of {@code ${name}}: every reference in a check's SQL, expected text cells, error matchers and
 * mask replacements names a variable defined at that point (built-ins, run-level vars, the check's {@code vars},
 * captures of earlier statements in phase order initialize, manipulate 1, manipulate 2, validate), so nothing is sent
 * with a {@code ${…}} in it; and no check var or capture redefines a built-in or a run-level var. A service's address
 * ({@code ${upstream.url}}) is {@link DeclaredServices}'s to judge.
 */
public final class VariableRules {
    private VariableRules() {}

    /** The problems of {@code checks} with these run-level variables, in file order. */
    public static List<Problem> problems(List<Check> checks, Map<String, String> runVars) {
        ProblemList problems = new ProblemList();
        for (Check c : checks) check(c, runVars, problems);
        return problems.sorted();
    }

    static void check(Check c, Map<String, String> runVars, ProblemList problems) {
        Set<String> defined = new HashSet<>(VariableText.BUILT_INS);
        defined.addAll(runVars.keySet());
        for (String name : c.vars().keySet()) {
            String why = redefinition(name, runVars);
            if (why != null) problems.add(c.source(), "vars: '" + name + "' " + why);
            defined.add(name);
        }
        Scope scope = new Scope(defined, problems);
        for (Mask m : c.masks()) scope.text(m.replace(), m.source(), "mask replacement");
        for (Phase phase : Phase.values()) {
            for (PhaseItem item : c.items(phase)) {
                if (item instanceof PhaseItem.SetMasks set) {
                    for (Mask m : set.masks()) scope.text(m.replace(), m.source(), "mask replacement");
                } else if (item instanceof Statement s) {
                    scope.statement(s);
                    if (s.capture() != null) {
                        String why = redefinition(s.capture(), runVars);
                        if (why != null) problems.add(s.source(), "capture: '" + s.capture() + "' " + why);
                        defined.add(s.capture());
                    }
                }
            }
        }
    }

    /** A scenario's {@code sql:} steps know the run's variables but no check's: {@code ${check}} and captures are not theirs. */
    static void scenarioSql(List<dev.harness.model.Action> actions, Map<String, String> runVars, ProblemList problems) {
        Set<String> defined = new HashSet<>(VariableText.BUILT_INS);
        defined.remove("check");
        defined.addAll(runVars.keySet());
        Scope scope = new Scope(defined, problems);
        for (dev.harness.model.Action a : actions) {
            if (a instanceof dev.harness.model.Action.Sql sql) for (String text : sql.statements()) scope.text(text, sql.source(), "sql");
        }
    }

    private static String redefinition(String name, Map<String, String> runVars) {
        if (VariableText.BUILT_INS.contains(name)) return "redefines a built-in variable";
        if (runVars.containsKey(name)) return "redefines the run-level variable " + name + " (--var or harness.yaml vars)";
        return null;
    }

    /** The names defined so far in a walk over one check. */
    private static final class Scope {
        private final Set<String> defined;
        private final ProblemList problems;

        Scope(Set<String> defined, ProblemList problems) {
            this.defined = defined;
            this.problems = problems;
        }

        void statement(Statement s) {
            text(s.sql(), s.source(), s.expect() instanceof Expectation.Rows && s.capture() == null ? "query" : "sql");
            if (s.expect() instanceof Expectation.Rows rows) {
                for (List<Cell> row : rows.rows()) {
                    for (Cell cell : row) if (cell.type() == Cell.Type.STRING) text(cell.text(), s.source(), "rows");
                }
            } else if (s.expect() instanceof Expectation.Fails fails && fails.match() != null) {
                text(fails.match().value(), s.source(), "error");
            }
        }

        void text(String text, SourceRef where, String key) {
            if (text == null) return;
            List<String> seen = new ArrayList<>();
            for (VariableText.Ref ref : VariableText.refs(text)) {
                String problem = problem(ref);
                if (problem != null && !seen.contains(problem)) {
                    seen.add(problem);
                    problems.add(where, key + ": " + problem);
                }
            }
        }

        private String problem(VariableText.Ref ref) {
            if (!ref.wellFormed()) {
                return "'${" + ref.name() + "}' is not a variable reference (${name}, ${service.host|port|url}); write '$${' for a literal '${'";
            }
            if (VariableText.ADDRESS.matcher(ref.name()).matches() || defined.contains(ref.name())) return null;
            return "${" + ref.name() + "} is not defined: define it in the check's vars, with --var " + ref.name()
                    + "=… or harness.yaml vars, or capture it in an earlier statement";
        }
    }
}
