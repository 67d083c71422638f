package dev.harness.run;

import dev.harness.model.Action;
import dev.harness.model.Expectation;
import dev.harness.model.HarnessException;
import dev.harness.model.Statement;
import dev.harness.model.VariableText;
import dev.harness.system.SqlEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A scenario's own {@code sql} step. Its statements belong to no check, so a statement that fails is the
 * scenario's environment breaking: an infrastructure error that stops the run.
 */
final class AdHocSql {
    private final RunState state;
    private final BiFunction<String, Boolean, SqlEndpoint> endpoints;
    private final StatementRunner runner;
    private final Duration defaultBudget;

    AdHocSql(RunState state, BiFunction<String, Boolean, SqlEndpoint> endpoints, StatementRunner runner, Duration defaultBudget) {
        this.state = state;
        this.endpoints = endpoints;
        this.runner = runner;
        this.defaultBudget = defaultBudget;
    }

    void run(Action.Sql q) throws InterruptedException {
        String service = state.target(q.service());
        Map<String, String> vars = state.variables(service);
        try (Connection conn = Connections.open(endpoints.apply(service, q.asSystem()), defaultBudget, "harness sql")) {
            for (String sql : q.statements()) {
                Statement s = new Statement(sql, new Expectation.Succeeds(), null, q.asSystem(), null, q.source());
                StatementRunner.Outcome out = runner.run(conn, s, VariableText.substitute(sql, vars::get), defaultBudget);
                if (!out.passed()) throw new HarnessException.Infrastructure(service, out.failure().message() + " (" + q.source().fileLine() + ")", null);
            }
        } catch (SQLException e) {
            throw new HarnessException.Infrastructure(service, StatementRunner.errorText(e), e);
        }
    }
}
