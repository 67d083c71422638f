package dev.harness.report.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.CheckResult;
import dev.harness.model.RunResult;
import dev.harness.report.RunFixtures;
import dev.harness.report.WorkingDirPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationsReporterTest {
    @TempDir
    Path work;

    private String markdown(RunResult result) {
        return new AnnotationsReporter(new WorkingDirPaths(work)).markdown(result, result.reportDir());
    }

    @Test
    void namesTheOutcomeEveryFailureWhereItIsAndItsDiff() {
        String md = markdown(RunFixtures.rich(work.resolve("reports/r")));
        assertTrue(md.startsWith("### ❌ zero\\_downtime: 1 failed, 1 error, 1 skipped, 1 passed\n\n"
                + "postgres/process, 15\\.17 → 15\\.19, seed 4217, reports in reports/r\n\n"), md);
        assertTrue(md.contains("| check | where | what |\n|---|---|---|\n"
                + "| zero\\_downtime: sequence\\_continuity | checks\\.d/sequences\\.yaml:14 | validate \\#2: rows differ after 5 attempts "
                + "\\(1 missing, 1 unexpected\\) |\n"), md);
        assertTrue(md.contains("<details><summary>zero\\_downtime: sequence\\_continuity: diff (- expected, + actual)</summary>\n\n"
                + "<pre>-2          | t\n+1          | t</pre>\n\n</details>"), md);
        assertTrue(md.endsWith("Rerun:\n\n<pre>harness run scenarios.d/zero_downtime.yaml --seed 4217 --system postgres --runtime process</pre>\n"),
                md);
    }

    @Test
    void serverTextStaysTextNotHtmlOrTableSyntax() {
        String md = markdown(RunFixtures.rich(work.resolve("r")));
        assertFalse(md.contains("<script>") || md.contains("<img"), md);
        assertTrue(md.contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;"), md);
        RunResult rich = RunFixtures.rich(work.resolve("r"));
        CheckResult c = rich.checks().get(1);
        RunResult piped = new RunResult(rich.plan(), rich.command(), rich.started(), rich.finished(), rich.steps(),
                List.of(new CheckResult("a|b\nc\u001b", null, c.source(), c.status(), null, 0, c.phases())), null, false, rich.logs(),
                rich.reportDir());
        assertTrue(markdown(piped).contains("| zero\\_downtime: a\\|b\\\\nc\\\\x1b |"), markdown(piped));
    }

    @Test
    void aPassingRunSaysSo() {
        RunResult rich = RunFixtures.rich(work.resolve("r"));
        RunResult passed = new RunResult(rich.plan(), rich.command(), rich.started(), rich.finished(), rich.steps(),
                List.of(rich.checks().get(0)), null, false, rich.logs(), rich.reportDir());
        String md = markdown(passed);
        assertTrue(md.startsWith("### ✅ zero\\_downtime: 1 passed\n"), md);
        assertFalse(md.contains("| check |"), md);
    }

    @Test
    void writesAnnotationsMdIntoTheReportFolder() throws Exception {
        Path dir = work.resolve("r");
        Path file = new AnnotationsReporter(new WorkingDirPaths(work)).write(RunFixtures.rich(dir), dir);
        assertEquals(dir.resolve("annotations.md"), file);
        assertEquals(markdown(RunFixtures.rich(dir)), Files.readString(file));
    }
}
