package dev.harness.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a run produced, the one source of the console summary, junit.xml and report.html.
 *
 * @param command      the exact command line to reproduce the run
 * @param infraError   the infrastructure failure that stopped the scenario, or null
 * @param interrupted  true when the run was stopped by Ctrl-C/SIGTERM
 * @param logs         service name -> log file (relative to the report folder)
 * @param reportDir    where the reports are written
 */
public record RunResult(
        Plan plan,
        String command,
        Instant started,
        Instant finished,
        List<StepResult> steps,
        List<CheckResult> checks,
        String infraError,
        boolean interrupted,
        Map<String, String> logs,
        Path reportDir) {

    /** A run always has its plan and both ends: the reports rely on them and keep no fallbacks. */
    public RunResult {
        java.util.Objects.requireNonNull(started, "started");
        java.util.Objects.requireNonNull(finished, "finished");
        java.util.Objects.requireNonNull(plan, "plan");
    }

    public long count(Status status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    /** 0 all passed, 1 a check failed, 3 infrastructure (or interrupted). */
    public int exitCode() {
        if (infraError != null || interrupted || count(Status.ERROR) > 0) return ExitCode.INFRASTRUCTURE;
        if (count(Status.FAILED) > 0) return ExitCode.CHECK_FAILED;
        return ExitCode.OK;
    }
}
