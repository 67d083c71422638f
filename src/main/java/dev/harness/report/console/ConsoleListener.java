package dev.harness.report.console;

import dev.harness.model.Printable;
import dev.harness.model.RunListener;
import dev.harness.model.Status;
import dev.harness.model.StepResult;
import dev.harness.report.Elapsed;
import dev.harness.report.TextCap;
import java.io.PrintStream;

/**
 * Progress on stderr: one line per finished step ({@code [ 5/14] ✔ promote db_2 … 3.2 s}), which is the CI
 * log, so it never contains escape codes there. On an interactive terminal the current step's line shows a
 * live counter during long waits, with what the step waits for, and is replaced by the final line; elsewhere a
 * heartbeat line every {@value #HEARTBEAT_SECONDS} s ({@code … promote db_2: waiting for ReadyToPromote, 60 s}) shows
 * the run is alive, so a long wait neither looks like a hang nor trips a CI "no output" timeout. Thread-safe: the counter ticks come
 * from a timer thread. Every text from the run (titles, server messages, notes) goes through {@link Printable}:
 * the only escape sequences printed are the listener's own.
 */
public final class ConsoleListener implements RunListener {
    private static final String CLEAR_LINE = "\r\u001b[2K";
    static final int HEARTBEAT_SECONDS = 30;

    private final PrintStream err;
    private final ConsoleOptions options;
    private final Style style;
    private String current;
    private String currentTitle;
    private long heartbeatsShown;
    private boolean lineOpen;

    public ConsoleListener(PrintStream err, ConsoleOptions options) {
        this.err = err;
        this.options = options;
        this.style = new Style(options.colour());
    }

    @Override
    public synchronized void stepStarted(int index, int total, String title) {
        current = prefix(index, total) + " " + Printable.line(title);
        currentTitle = Printable.line(title);
        heartbeatsShown = 0;
        if (options.animate() && options.verbosity() != ConsoleOptions.Verbosity.QUIET) {
            err.print(CLEAR_LINE + current + " …");
            lineOpen = true;
        } else if (options.verbosity() == ConsoleOptions.Verbosity.VERBOSE) {
            err.println(prefix(index, total) + " → " + Printable.line(title));
        }
        err.flush();
    }

    @Override
    public synchronized void waiting(String what, long elapsedMillis) {
        if (options.verbosity() == ConsoleOptions.Verbosity.QUIET || current == null) return;
        long seconds = elapsedMillis / 1000;
        if (options.animate()) {
            err.print(CLEAR_LINE + current + " … " + style.dim(Printable.line(what) + ", " + seconds + " s"));
            lineOpen = true;
        } else if (seconds / HEARTBEAT_SECONDS > heartbeatsShown) {
            heartbeatsShown = seconds / HEARTBEAT_SECONDS;
            err.println("… " + currentTitle + ": " + Printable.line(what) + ", " + heartbeatsShown * HEARTBEAT_SECONDS + " s");
        }
        err.flush();
    }

    @Override
    public synchronized void stepFinished(StepResult result, int total) {
        boolean bad = result.status() == Status.FAILED || result.status() == Status.ERROR;
        if (options.verbosity() == ConsoleOptions.Verbosity.QUIET && !bad) {
            closeLine();
            return;
        }
        String line = prefix(result.index(), total) + " " + style.status(result.status(), Style.glyph(result.status())) + " "
                + Printable.line(result.title()) + " … " + Elapsed.human(result.durationMillis());
        if (lineOpen) err.print(CLEAR_LINE);
        lineOpen = false;
        err.println(line);
        if (result.message() != null) {
            for (String l : Printable.lines(TextCap.lines(result.message())).split("\n")) err.println("         " + style.status(result.status(), l));
        }
        err.flush();
    }

    @Override
    public synchronized void note(String message) {
        if (options.verbosity() != ConsoleOptions.Verbosity.VERBOSE) return;
        closeLine();
        err.println("         " + style.dim(Printable.line(message)));
        err.flush();
    }

    private void closeLine() {
        if (lineOpen) {
            err.print(CLEAR_LINE);
            lineOpen = false;
        }
    }

    /** {@code [ 5/14]}: the index padded to the width of the total, so lines align and sort. */
    static String prefix(int index, int total) {
        int width = Integer.toString(total).length();
        return "[" + String.format("%" + width + "d", index + 1) + "/" + total + "]";
    }
}
