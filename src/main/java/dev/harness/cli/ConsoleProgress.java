package dev.harness.cli;

import dev.harness.model.RunListener;
import dev.harness.model.StepResult;
import dev.harness.run.Durations;
import java.io.PrintWriter;

/**
 * Minimal console listener: one grep-able line per finished step on stderr, e.g.
 * {@code [ 4/12] PASSED   1.2s  start db_1 15.18}. (The report branch brings the polished one with colour.)
 */
final class ConsoleProgress implements RunListener {
    private final PrintWriter err;

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void stepFinished(StepResult r, int total) {
        int width = Integer.toString(total).length();
        err.printf("[%" + width + "d/%d] %-7s %6s  %s%s%n", r.index() + 1, total, r.status(), Durations.format(r.durationMillis()), r.title(),
                r.message() == null ? "" : "  (" + firstLine(r.message()) + ")");
        err.flush();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }
}
