package dev.harness.report.console;

import dev.harness.model.CheckResult;
import dev.harness.model.PhaseResult;
import dev.harness.model.Printable;
import dev.harness.model.RunResult;
import dev.harness.model.Status;
import dev.harness.report.Counted;
import dev.harness.report.Elapsed;
import dev.harness.report.FailureText;
import dev.harness.report.TextCap;
import dev.harness.report.VersionPath;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The end-of-run summary on stdout: counts, one row per failed/erroring/skipped check, how to rerun, where the
 * reports are. Names, messages and paths are printed through {@link Printable}.
 */
public final class ConsoleSummary {
    static final int DIFF_LINES = 5;

    private final PrintStream out;
    private final ConsoleOptions options;
    private final Style style;

    public ConsoleSummary(PrintStream out, ConsoleOptions options) {
        this.out = out;
        this.options = options;
        this.style = new Style(options.colour());
    }

    public void print(RunResult result, List<Path> reports) {
        long total = result.checks().size();
        long millis = java.time.Duration.between(result.started(), result.finished()).toMillis();
        String scenario = Printable.line(result.plan().scenario());
        Status overall = result.exitCode() == 0 ? Status.PASSED : result.exitCode() == 1 ? Status.FAILED : Status.ERROR;
        String verdict = result.interrupted() ? "INTERRUPTED" : overall.name();
        out.println();
        out.println(style.bold(scenario) + ": " + style.status(overall, verdict) + " — "
                + result.count(Status.PASSED) + " passed, " + result.count(Status.FAILED) + " failed, "
                + Counted.of(result.count(Status.ERROR), "error") + ", " + result.count(Status.SKIPPED) + " skipped ("
                + Counted.of(total, "check") + ") in " + Elapsed.human(millis));
        if (result.infraError() != null) out.println(style.status(Status.ERROR, "infrastructure error: " + Printable.line(TextCap.line(result.infraError()))));

        int width = result.checks().stream().mapToInt(c -> Printable.line(c.name()).length()).max().orElse(0);
        boolean any = false;
        for (CheckResult c : result.checks()) {
            boolean show = c.status() == Status.FAILED || c.status() == Status.ERROR
                    || (c.status() == Status.SKIPPED && options.verbosity() != ConsoleOptions.Verbosity.QUIET)
                    || options.verbosity() == ConsoleOptions.Verbosity.VERBOSE;
            if (!show) continue;
            if (!any) out.println();
            any = true;
            String detail = Printable.line(switch (c.status()) {
                case FAILED, ERROR -> FailureText.headline(c);
                case SKIPPED -> c.skipReason() == null ? "skipped" : c.skipReason();
                case PASSED -> Elapsed.human(c.durationMillis());
            });
            out.println("  " + style.status(c.status(), String.format("%-7s", c.status().name())) + " "
                    + String.format("%-" + width + "s", Printable.line(c.name())) + "  " + detail);
            PhaseResult bad = FailureText.firstBadPhase(c);
            String indent = "  " + " ".repeat(8 + width) + "  ";
            if (bad != null && bad.failure() != null && bad.failure().source() != null) {
                out.println(indent + style.dim(Printable.line(bad.failure().source().fileLine())));
            }
            if (bad != null && bad.failure() != null) printDiff(bad.failure().diff(), indent);
        }
        out.println();
        if (result.plan() != null) {
            out.println(Printable.line("  seed " + result.plan().seed() + " · " + result.plan().system() + " on "
                    + result.plan().runtime() + " · " + VersionPath.text(result.plan())));
        }
        if (result.command() != null) out.println("  rerun:   " + Printable.line(result.command()));
        for (int i = 0; i < reports.size(); i++) out.println((i == 0 ? "  reports: " : "           ") + Printable.line(reports.get(i).toString()));
        out.flush();
    }

    /** Up to {@value #DIFF_LINES} {@code -}/{@code +} lines of a failure's diff, like pytest's assertion diff. */
    private void printDiff(String diff, String indent) {
        if (diff == null || diff.isBlank()) return;
        List<String> lines = diff.lines().filter(l -> l.startsWith("-") || l.startsWith("+")).toList();
        for (String l : lines.subList(0, Math.min(DIFF_LINES, lines.size()))) {
            String text = Printable.line(TextCap.line(l));
            out.println(indent + (l.startsWith("-") ? style.status(Status.FAILED, text) : style.status(Status.PASSED, text)));
        }
        if (lines.size() > DIFF_LINES) out.println(indent + style.dim("… " + (lines.size() - DIFF_LINES) + " more diff lines in junit.xml and report.html"));
    }
}
