package dev.harness.report;

import dev.harness.model.CheckResult;
import dev.harness.model.PhaseResult;
import dev.harness.model.RunResult;
import dev.harness.model.Status;
import dev.harness.report.html.HtmlReporter;
import dev.harness.report.junit.JUnitXmlReporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes sample reports for the screenshot and the benchmark (bench/report/run.sh):
 * {@code SampleReports DIR} = the rich fixture; {@code SampleReports DIR N} = N checks, every tenth failing,
 * with 20 000-line service logs.
 */
public final class SampleReports {
    private SampleReports() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        RunFixtures.writeLogs(dir);
        RunResult result = args.length > 1 ? large(dir, Integer.parseInt(args[1])) : RunFixtures.rich(dir);
        new HtmlReporter(RunFixtures.CLOCK, HtmlReporter.DEFAULT_MAX_LOG_BYTES).write(result, dir);
        new JUnitXmlReporter(RunFixtures.CLOCK, "sample-host").write(result, dir);
        System.out.println(dir.resolve(HtmlReporter.FILE));
    }

    /** The rich run's timeline with {@code n} checks cloned from its four, and big logs. */
    public static RunResult large(Path dir, int n) throws IOException {
        RunResult rich = RunFixtures.rich(dir);
        List<CheckResult> checks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CheckResult c = rich.checks().get(i % 10 == 3 ? 1 : i % 25 == 7 ? 2 : 0);
            List<PhaseResult> phases = c.phases();
            checks.add(new CheckResult(c.name() + "_" + i, c.description(), c.source(), c.status(), c.skipReason(),
                    c.durationMillis(), phases));
        }
        for (String service : rich.logs().keySet()) {
            List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve(rich.logs().get(service))));
            for (int i = 0; i < 20_000; i++) {
                lines.add("2026-03-01 12:00:0" + (i % 10) + ".000 UTC [300] LOG:  checkpoint complete: wrote " + i
                        + " buffers (0.1%); 0 WAL file(s) added, 0 removed, 0 recycled");
            }
            Files.write(dir.resolve(rich.logs().get(service)), lines, StandardCharsets.UTF_8);
        }
        long failed = checks.stream().filter(c -> c.status() == Status.FAILED).count();
        System.err.println(n + " checks, " + failed + " failing");
        return new RunResult(rich.plan(), rich.command(), rich.started(), rich.finished(), rich.steps(), checks,
                rich.infraError(), rich.interrupted(), rich.logs(), dir);
    }
}
