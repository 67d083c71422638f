package dev.harness.report.annotations;

import dev.harness.model.CheckResult;
import dev.harness.model.PhaseResult;
import dev.harness.model.RunResult;
import dev.harness.model.SourceRef;
import dev.harness.model.Status;
import dev.harness.report.FailureText;
import dev.harness.report.TextCap;
import dev.harness.report.WorkingDirPaths;
import java.util.ArrayList;
import java.util.List;

/**
 * One failure as CI annotations show it: a failed or erroring check, or the run's own error when no check
 * carries it.
 *
 * @param title   {@code <scenario>: <check>}
 * @param file    where it is written, relative to the working directory when under it; null when unknown
 * @param line    1-based, 0 when unknown
 * @param message one line: the phase and what went wrong
 * @param diff    the first lines of the rows diff ({@code -} expected, {@code +} actual), possibly empty
 */
public record Annotation(String title, String file, int line, String message, List<String> diff) {
    /** Diff lines an annotation shows; the rest are counted. */
    public static final int DIFF_LINES = 5;

    /** Every failure of the run, in check order; the run's error last. */
    public static List<Annotation> of(RunResult result, WorkingDirPaths paths) {
        String scenario = result.plan().scenario();
        List<Annotation> out = new ArrayList<>();
        for (CheckResult check : result.checks()) {
            if (check.status() != Status.FAILED && check.status() != Status.ERROR) continue;
            SourceRef where = FailureText.location(check);
            out.add(new Annotation(scenario + ": " + check.name(), where == null ? null : paths.shown(where.file()),
                    where == null ? 0 : where.line(), FailureText.headline(check), diff(FailureText.firstBadPhase(check))));
        }
        boolean runError = result.infraError() != null || result.interrupted();
        if (runError && result.count(Status.ERROR) == 0) {
            String file = result.plan().scenarioFile();
            String message = result.infraError() != null ? TextCap.firstLine(result.infraError()) : "the run was interrupted";
            out.add(new Annotation(scenario + ": run", file == null ? null : paths.shown(file), 0, message, List.of()));
        }
        return out;
    }

    private static List<String> diff(PhaseResult bad) {
        if (bad == null || bad.failure() == null || bad.failure().diff() == null) return List.of();
        List<String> lines = bad.failure().diff().lines().filter(l -> !l.isBlank()).map(TextCap::line).toList();
        if (lines.size() <= DIFF_LINES) return lines;
        List<String> shown = new ArrayList<>(lines.subList(0, DIFF_LINES));
        shown.add(TextCap.more(lines.size() - DIFF_LINES, "diff lines"));
        return shown;
    }
}
