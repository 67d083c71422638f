package dev.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.load.Loader;
import dev.harness.model.Check;
import dev.harness.model.CheckResult;
import dev.harness.model.ExitCode;
import dev.harness.model.Phase;
import dev.harness.model.PhaseResult;
import dev.harness.model.PlannedCheck;
import dev.harness.model.RunListener;
import dev.harness.model.RunResult;
import dev.harness.model.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Named sessions and logins ({@code open-session}, {@code session:}, {@code as: {user, password}}) and the check's retry, on real PostgreSQL servers. */
class SessionsRunTest {
    @RegisterExtension
    final ExecutorFixture servers = new ExecutorFixture();

    private static Check load(String file) {
        return Loader.loadCheck(Path.of(file));
    }

    @Test
    void aCursorIsFetchedAcrossStatementsOfASecondSessionAndARoleFromInitializeLogsInLater() {
        Check check = load("docs/examples/sessions_checks/sessions_and_logins.yaml");
        RunResult r = servers.run(new PlanBuilder().check(check).start("db").allPhases().build(), 1, RunListener.NONE);
        assertEquals(ExitCode.OK, r.exitCode(), () -> r.checks().toString());
        List<String> m1 = ExecutorFixture.check(r, "sessions_and_logins").phases().get(1).log();
        assertTrue(m1.get(0).startsWith("ok ") && m1.get(0).endsWith(": open-session reader"), m1::toString);
    }

    @Test
    void aSessionOpenedAsSystemIsThePrivilegedUser() {
        Check check = load("src/test/resources/run/sessions/system_session.yaml");
        RunResult r = servers.run(new PlanBuilder().check(check).start("db").phase(Phase.INITIALIZE).build(), 1, RunListener.NONE);
        assertEquals(ExitCode.OK, r.exitCode(), () -> r.checks().toString());
    }

    @Test
    void aLoginTheServerRefusesFailsTheCheckNotTheRun() {
        Check check = load("src/test/resources/run/sessions/refused_login.yaml");
        RunResult r = servers.run(new PlanBuilder().check(check).start("db").allPhases().build(), 1, RunListener.NONE);
        assertEquals(ExitCode.CHECK_FAILED, r.exitCode(), () -> r.steps().toString());
        PhaseResult init = ExecutorFixture.check(r, "refused_login").phases().get(0);
        assertEquals(Status.FAILED, init.status());
        assertTrue(init.failure().message().startsWith("cannot log in as refused_login_nobody (sql listener): [28000]"), init.failure().message());
        assertEquals(4, init.failure().source().line());
    }

    @Test
    void aPhasesSessionsAreClosedWhenItEndsEvenByAFailure() {
        Check leftOpen = load("src/test/resources/run/sessions/left_open.yaml");
        Check watcher = load("src/test/resources/run/sessions/watcher.yaml");
        RunResult r = servers.run(new PlanBuilder().check(leftOpen).check(watcher).start("db")
                .phase(Phase.INITIALIZE).phase(Phase.MANIPULATE_1).build(), 1, RunListener.NONE);
        CheckResult failed = ExecutorFixture.check(r, "left_open");
        assertEquals(Status.FAILED, failed.status());
        assertTrue(failed.phases().get(0).failure().message().contains("division by zero"), failed.phases().get(0).failure()::toString);
        // the session was open while the phase ran (counted by the query before the failure) and gone after it
        assertEquals(Status.PASSED, ExecutorFixture.check(r, "watcher").status(), () -> r.checks().toString());
    }

    @Test
    void theConnectionBudgetCountsEveryLoginAndSessionOnThePhasesService() {
        Check check = load("docs/examples/sessions_checks/sessions_and_logins.yaml");
        List<PlannedCheck> planned = List.of(new PlannedCheck(check, null));
        assertEquals(2, CheckPhases.connectionsPerCheck(planned, Phase.INITIALIZE), "the user and the privileged user");
        assertEquals(2, CheckPhases.connectionsPerCheck(planned, Phase.MANIPULATE_1), "the default session and reader");
        assertEquals(2, CheckPhases.connectionsPerCheck(planned, Phase.MANIPULATE_2), "alice's default session and the session alice");
        Check refused = load("src/test/resources/run/sessions/refused_login.yaml");
        assertEquals(2, CheckPhases.connectionsPerCheck(List.of(new PlannedCheck(refused, null)), Phase.INITIALIZE), "the user and a role");
    }

    /** testdrive's {@code $ set-sql-timeout}: the check's retry is its statements' budget; a statement's own wins; sql stays once. */
    @Test
    void aChecksRetryIsTheBudgetOfItsStatementsButRetriesNoSql() {
        RunResult r = servers.run(new PlanBuilder().check(load("src/test/resources/run/retry/check_retry.yaml"))
                .check(load("src/test/resources/run/retry/own_retry.yaml")).check(load("src/test/resources/run/retry/sql_once.yaml"))
                .start("db").phase(Phase.INITIALIZE).build(), 1, RunListener.NONE);
        String checkRetry = ExecutorFixture.check(r, "check_retry").phases().get(0).failure().message();
        assertTrue(checkRetry.contains("retry budget 300 ms"), checkRetry);
        String ownRetry = ExecutorFixture.check(r, "own_retry").phases().get(0).failure().message();
        assertTrue(ownRetry.contains("retry budget 400 ms"), ownRetry);
        var once = ExecutorFixture.check(r, "sql_once").phases().get(0).failure();
        assertEquals(1, once.attempts(), once::toString);
        assertTrue(once.message().startsWith("statement failed: [42P01]"), once.message());
    }
}
