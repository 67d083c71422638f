package dev.harness.run;

import dev.harness.model.Action;
import dev.harness.model.Cell;
import dev.harness.model.Check;
import dev.harness.model.Expectation;
import dev.harness.model.Phase;
import dev.harness.model.Plan;
import dev.harness.model.PlannedCheck;
import dev.harness.model.SourceRef;
import dev.harness.model.Statement;
import dev.harness.model.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds plans and checks in Java for executor tests (the compiler is another branch's work). */
final class PlanBuilder {
    /** A release of the built-in catalog (harness.yaml); its binaries come from Maven. */
    static final Version PG = new Version("15.18");
    private final List<Action> actions = new ArrayList<>();
    private final List<PlannedCheck> checks = new ArrayList<>();
    private int line = 1;

    private SourceRef src() {
        return SourceRef.of("scenarios.d/test.yaml", ++line, 3);
    }

    PlanBuilder start(String service) {
        actions.add(new Action.Start(service, PG, false, null, src(), null));
        actions.add(new Action.Configure(service, src(), "implicit after start"));
        actions.add(new Action.AssertVersion(service, PG, src(), "implicit after start"));
        return this;
    }

    PlanBuilder action(Action a) {
        actions.add(a);
        return this;
    }

    PlanBuilder phase(Phase p) {
        actions.add(new Action.RunPhase(p, null, src(), null));
        return this;
    }

    PlanBuilder allPhases() {
        return phase(Phase.INITIALIZE).phase(Phase.MANIPULATE_1).phase(Phase.MANIPULATE_2).phase(Phase.VALIDATE);
    }

    /** The implicit consistency step the compiler puts after a phase, on {@code service} (null: the leader). */
    PlanBuilder consistency(String service) {
        actions.add(new Action.Consistency(service, src(), "implicit after phase"));
        return this;
    }

    PlanBuilder kill(String service) {
        actions.add(new Action.Kill(service, src(), null));
        return this;
    }

    PlanBuilder check(Check c) {
        checks.add(new PlannedCheck(c, null));
        return this;
    }

    PlanBuilder skippedCheck(Check c, String reason) {
        checks.add(new PlannedCheck(c, reason));
        return this;
    }

    Plan build() {
        return new Plan("test", "executor test", "scenarios.d/test.yaml", "postgres", "process", 7L, PG, List.of(PG), PG,
                List.copyOf(checks), List.copyOf(actions), Map.of("timeouts.statement", "2s"));
    }

    static SourceRef at(String check, int line) {
        return SourceRef.of("checks.d/" + check + ".yaml", line, 5);
    }

    static Statement sql(String check, int line, String sql) {
        return new Statement(sql, new Expectation.Succeeds(), null, false, null, at(check, line));
    }

    static Statement query(String check, int line, String sql, List<List<Cell>> rows) {
        return new Statement(sql, new Expectation.Rows(rows, null, false), null, false, null, at(check, line));
    }

    /** A table check: initialize creates it, manipulates insert, validate expects all rows (with a bad value if asked). */
    static Check tableCheck(String name, boolean wrongExpectation) {
        return new Check(name, "table " + name, List.of(), null, null, null,
                List.of(sql(name, 2, "CREATE TABLE ${check} (a int, b text)"), sql(name, 3, "INSERT INTO ${check} VALUES (1, 'one')")),
                List.of(sql(name, 5, "INSERT INTO ${check} VALUES (2, 'two')")),
                List.of(sql(name, 7, "INSERT INTO ${check} VALUES (3, NULL)")),
                List.of(query(name, 9, "SELECT a, b FROM ${check}", List.of(
                        List.of(Cell.number("1"), Cell.string("one")),
                        List.of(Cell.number("2"), Cell.string(wrongExpectation ? "deux" : "two")),
                        List.of(Cell.number("3"), Cell.nul())))),
                at(name, 1));
    }

    static Check check(String name, List<Statement> init, List<Statement> m1, List<Statement> m2, List<Statement> validate) {
        return new Check(name, null, List.of(), null, null, null, init, m1, m2, validate, at(name, 1));
    }
}
