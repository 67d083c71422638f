package dev.harness.model;

/** The process exit codes; cli/ErrorHandler maps every outcome to one of them, and the README lists them. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int INVALID_INPUT = 2;
    public static final int INFRASTRUCTURE = 3;
    /** A bug in the harness: never for bad input or a failing environment. */
    public static final int INTERNAL_ERROR = 4;

    private ExitCode() {}
}
