package dev.harness.run;

import static dev.harness.run.ExecutorFixture.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.CheckResult;
import dev.harness.model.Expectation;
import dev.harness.model.ExitCode;
import dev.harness.model.Failure;
import dev.harness.model.Guard;
import dev.harness.model.RunListener;
import dev.harness.model.RunResult;
import dev.harness.model.Statement;
import dev.harness.model.Status;
import dev.harness.model.Version;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Captures on a real PostgreSQL server: what a skipped or malformed capture does to the check. */
class CapturesRunTest {
    @RegisterExtension
    final ExecutorFixture servers = new ExecutorFixture();

    private static Statement capture(String check, int line, String sql, String name, List<Guard> when) {
        return new Statement(sql, new Expectation.Rows(List.of(), null, false), java.time.Duration.ofMillis(300), false, null, when,
                PlanBuilder.at(check, line), null, name, null);
    }

    private static Statement use(String check, int line, String sql) {
        return new Statement(sql, new Expectation.Succeeds(), null, false, null, PlanBuilder.at(check, line));
    }

    @Test
    void aCaptureItsGuardSkippedFailsTheStatementThatUsesItWithoutSendingItAndAMalformedOneSaysWhatCameBack() {
        Guard never = new Guard(Guard.Subject.CURRENT, Guard.Op.GE, new Version("99"), "current >= 99");
        var skipped = PlanBuilder.check("skipped",
                List.of(capture("skipped", 2, "SELECT 1", "t", List.of(never))), List.of(), List.of(),
                List.of(use("skipped", 9, "SELECT '${t}'")));
        var twoRows = PlanBuilder.check("two_rows",
                List.of(capture("two_rows", 2, "SELECT 1 UNION ALL SELECT 2", "t", List.of())), List.of(), List.of(), List.of());
        RunResult r = servers.run(new PlanBuilder().check(skipped).check(twoRows).start("db").allPhases().build(), 1, RunListener.NONE);
        assertEquals(ExitCode.CHECK_FAILED, r.exitCode(), () -> r.checks().toString());

        CheckResult s = check(r, "skipped");
        assertEquals(Status.FAILED, s.status());
        Failure f = s.phases().stream().filter(p -> p.failure() != null).findFirst().orElseThrow().failure();
        assertEquals("${t} has no value: the statement that captures it (checks.d/skipped.yaml:2) has not run in this run, or its guard skipped it",
                f.message());
        assertEquals(0, f.attempts(), "nothing was sent");
        assertTrue(s.phases().get(0).log().get(0).startsWith("skip (when current >= 99)"), s.phases().get(0).log().toString());

        Failure two = check(r, "two_rows").phases().get(0).failure();
        assertTrue(two.message().contains("capture t needs exactly one row of one column, got 2 rows of 1 column"), two.message());
        assertTrue(two.attempts() > 1, "retried within its budget like a rows query: " + two.attempts());
    }
}
