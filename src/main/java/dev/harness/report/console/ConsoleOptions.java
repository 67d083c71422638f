package dev.harness.report.console;

/**
 * How much the console prints and how.
 *
 * @param verbosity QUIET: only failures and the summary; VERBOSE: also step starts and notes
 */
public record ConsoleOptions(Verbosity verbosity, boolean colour, boolean animate) {
    public enum Verbosity { QUIET, NORMAL, VERBOSE }

    /** Options for the {@code run} flags {@code --quiet}, {@code --verbose}, {@code --no-color} on {@code terminal}. */
    public static ConsoleOptions of(Terminal terminal, boolean quiet, boolean verbose, boolean noColor) {
        Verbosity v = quiet ? Verbosity.QUIET : verbose ? Verbosity.VERBOSE : Verbosity.NORMAL;
        return new ConsoleOptions(v, terminal.coloured() && !noColor, terminal.animated());
    }

    public static ConsoleOptions plain() {
        return new ConsoleOptions(Verbosity.NORMAL, false, false);
    }
}
