package dev.harness.run;

import static dev.harness.run.PlanBuilder.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.harness.model.Cell;
import dev.harness.model.ExitCode;
import dev.harness.model.Phase;
import dev.harness.model.Plan;
import dev.harness.model.RunListener;
import dev.harness.model.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connection options are the harness's, not overridden by a system's JDBC URL: seen from the server itself. */
class ConnectionOptionsTest {
    @RegisterExtension
    final ExecutorFixture servers = new ExecutorFixture();

    @Test
    void pgStatActivityNamesTheCheckWhoseStatementRuns() {
        // Read while the statement runs, from the backend that runs it. Before, the URL's ApplicationName=harness won.
        String activity = "SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()";
        Plan plan = new PlanBuilder()
                .check(PlanBuilder.check("named_check", List.of(query("named_check", 2, activity, List.of(List.of(Cell.string("harness named_check"))))),
                        List.of(), List.of(), List.of()))
                .start("db").phase(Phase.INITIALIZE).build();
        RunResult r = servers.run(plan, 1, RunListener.NONE);
        assertEquals(ExitCode.OK, r.exitCode(), () -> r.checks().toString());
    }
}
