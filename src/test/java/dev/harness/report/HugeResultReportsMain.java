package dev.harness.report;

import dev.harness.model.CheckResult;
import dev.harness.model.Failure;
import dev.harness.model.PhaseResult;
import dev.harness.model.RunResult;
import dev.harness.report.html.HtmlReporter;
import dev.harness.report.junit.JUnitXmlReporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child JVM of {@link BoundedReportTest}, started with a small heap: writes junit.xml and report.html for the
 * rich run whose failing check got 1,000,000 actual rows (and as many diff lines) and whose erroring check got
 * a 50 MB value as its message, actual result and statement log line; the service logs are whatever the test
 * put in {@code args[0]/logs}.
 */
public final class HugeResultReportsMain {
    static final int ROWS = 1_000_000;
    static final int VALUE_CHARS = 50_000_000;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        RunResult result = huge(RunFixtures.rich(dir));
        System.out.println("wrote " + new JUnitXmlReporter(RunFixtures.CLOCK, "ci").write(result, dir));
        System.out.println("wrote " + new HtmlReporter(RunFixtures.CLOCK, HtmlReporter.DEFAULT_MAX_LOG_BYTES).write(result, dir));
    }

    static RunResult huge(RunResult rich) {
        StringBuilder rows = new StringBuilder(ROWS * 16 + 64).append("last_value | is_called\n-----------------------\n");
        StringBuilder diff = new StringBuilder(ROWS * 16);
        for (int i = 0; i < ROWS; i++) {
            rows.append(i).append(" | t\n");
            diff.append('+').append(i).append(" | t\n");
        }
        String value = "v".repeat(VALUE_CHARS);
        List<CheckResult> checks = new ArrayList<>(rich.checks());
        Failure seq = checks.get(1).phases().get(4).failure();
        checks.set(1, withFailure(checks.get(1), 4, new Failure(seq.message(), seq.statement(), seq.source(), seq.expected(),
                rows.toString(), diff.toString(), seq.attempts()), "SELECT last_value: 1000000 rows"));
        Failure lo = checks.get(3).phases().get(3).failure();
        checks.set(3, withFailure(checks.get(3), 3, new Failure(value, lo.statement(), lo.source(), lo.expected(), value, "",
                lo.attempts()), value));
        return new RunResult(rich.plan(), rich.command(), rich.started(), rich.finished(), rich.steps(), checks, null, false,
                rich.logs(), rich.reportDir());
    }

    /** The check with phase {@code index} failing as {@code failure}, after a statement log of 100,000 lines and {@code lastLog}. */
    private static CheckResult withFailure(CheckResult c, int index, Failure failure, String lastLog) {
        List<PhaseResult> phases = new ArrayList<>(c.phases());
        PhaseResult p = phases.get(index);
        List<String> log = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) log.add("SELECT " + i + ": 1 row, ok");
        log.add(lastLog);
        phases.set(index, new PhaseResult(p.actionIndex(), p.label(), p.phase(), p.service(), p.status(), p.started(),
                p.durationMillis(), failure, p.skipReason(), log));
        return new CheckResult(c.name(), c.description(), c.source(), c.status(), c.skipReason(), c.durationMillis(), phases);
    }
}
