package dev.harness.run;

import dev.harness.model.Cell;
import dev.harness.model.Check;
import dev.harness.model.Expectation;
import dev.harness.model.Mask;
import dev.harness.model.Phase;
import dev.harness.model.PhaseItem;
import dev.harness.model.Statement;
import dev.harness.model.VariableText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The values of {@code ${name}} for one check in one phase: the run's (built-ins, addresses, run-level vars), the
 * check's {@code vars} and what its statements captured so far, in this phase or an earlier one of the run. Resolves a
 * statement's SQL, expected text cells, error matcher and the masks' replacements just before it runs: captures are
 * known only then.
 */
final class CheckVariables {
    /** A statement that cannot be sent: a variable without a value, or a regex its values made invalid. */
    static final class Unresolved extends Exception {
        Unresolved(String message) {
            super(message);
        }
    }

    private final Check check;
    private final Map<String, String> fixed = new HashMap<>();
    private final Map<String, String> captured;
    private final Map<String, String> capturedHere = new LinkedHashMap<>();

    /**
     * @param phaseValues the run's values on the phase's service
     * @param captured    the check's captures across the run: read and written
     */
    CheckVariables(Check check, Map<String, String> phaseValues, Map<String, String> captured) {
        this.check = check;
        this.captured = captured;
        fixed.putAll(phaseValues);
        fixed.put("check", check.name());
        fixed.putAll(check.vars());
    }

    /** Binds a captured value from now on, for this check's later statements and phases. */
    void capture(String name, String value) {
        captured.put(name, value);
        capturedHere.put(name, value);
    }

    /** What this phase captured, in order. */
    Map<String, String> capturedInThisPhase() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(capturedHere));
    }

    String substitute(String text) throws Unresolved {
        try {
            return VariableText.substitute(text, this::value);
        } catch (VariableText.Undefined e) {
            throw new Unresolved(undefined(e.name()));
        }
    }

    private String value(String name) {
        String v = captured.get(name);
        return v != null ? v : fixed.get(name);
    }

    /** Only a capture can be missing at run time: the compiler saw every other name defined. */
    private String undefined(String name) {
        List<String> sites = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            for (PhaseItem item : check.items(phase)) {
                if (item instanceof Statement s && name.equals(s.capture())) sites.add(s.source().fileLine());
            }
        }
        if (sites.isEmpty()) return "${" + name + "} is not defined";
        return "${" + name + "} has no value: the statement that captures it (" + String.join(", ", sites)
                + ") has not run in this run, or its guard skipped it";
    }

    /** The statement as it is sent and judged: SQL, expected text cells and error matcher with their values. */
    Statement resolve(Statement s) throws Unresolved {
        Expectation expect = s.expect();
        if (expect instanceof Expectation.Rows rows && !rows.rows().isEmpty()) {
            List<List<Cell>> out = new ArrayList<>();
            for (List<Cell> row : rows.rows()) {
                List<Cell> cells = new ArrayList<>(row.size());
                for (Cell c : row) cells.add(c.type() == Cell.Type.STRING ? Cell.string(substitute(c.text())) : c);
                out.add(cells);
            }
            expect = new Expectation.Rows(out, rows.columns(), rows.ordered());
        } else if (expect instanceof Expectation.Fails fails && fails.match() != null) {
            expect = new Expectation.Fails(new Expectation.ErrorMatch(fails.match().kind(), matcherValue(fails.match())));
        }
        return new Statement(substitute(s.sql()), expect, s.retry(), s.asSystem(), s.as(), s.when(), s.source(), s.on(), s.capture(),
                s.session());
    }

    private String matcherValue(Expectation.ErrorMatch match) throws Unresolved {
        String value = substitute(match.value());
        if (match.kind() == Expectation.ErrorMatch.Kind.REGEX && !value.equals(match.value())) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new Unresolved("error regex /" + value + "/ (after substitution) is not a valid regular expression: " + e.getDescription());
            }
        }
        return value;
    }

    /** The check's masks, then the phase's, with their replacements resolved. */
    Masks masks(List<Mask> phaseMasks) throws Unresolved {
        List<Mask> all = new ArrayList<>(check.masks());
        all.addAll(phaseMasks);
        if (all.isEmpty()) return Masks.NONE;
        List<String> replacements = new ArrayList<>();
        for (Mask m : all) {
            try {
                replacements.add(VariableText.substitute(m.replace(), name -> {
                    String v = value(name);
                    return v == null ? null : Masks.literal(v);
                }));
            } catch (VariableText.Undefined e) {
                throw new Unresolved("mask at " + m.source().fileLine() + ": " + undefined(e.name()));
            }
        }
        return Masks.of(all, replacements);
    }
}
