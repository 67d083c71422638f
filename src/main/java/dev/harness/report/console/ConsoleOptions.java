package dev.harness.report.console;

/**
 * How much the console prints and how, for one stream.
 *
 * @param verbosity QUIET: only failures and the summary; VERBOSE: also step starts and notes
 */
public record ConsoleOptions(Verbosity verbosity, boolean colour, boolean animate) {
    public enum Verbosity { QUIET, NORMAL, VERBOSE }

    /** Options for the {@code run} flags {@code --quiet}, {@code --verbose}, {@code --color} on {@code terminal}. */
    public static ConsoleOptions of(Terminal terminal, boolean quiet, boolean verbose, ColorChoice color) {
        Verbosity v = quiet ? Verbosity.QUIET : verbose ? Verbosity.VERBOSE : Verbosity.NORMAL;
        return new ConsoleOptions(v, terminal.coloured(color), terminal.animated());
    }

    public static ConsoleOptions plain() {
        return new ConsoleOptions(Verbosity.NORMAL, false, false);
    }
}
