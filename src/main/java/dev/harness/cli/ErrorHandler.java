package dev.harness.cli;

import dev.harness.model.ExitCode;
import dev.harness.model.HarnessException;
import dev.harness.model.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The one place errors become messages and exit codes. Every message is printed with control characters
 * escaped (it may quote a file name, a value or a YAML scalar), and never with a stack trace: a bug (exit 4)
 * prints one line and leaves its stack trace in a file named on that line.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof HarnessException he) {
            err.println(Printable.lines(he.getMessage()));
            if (he instanceof HarnessException.InvalidInput ii && ii.problems().size() > 1) {
                err.println(ii.problems().size() + " problems");
            }
        } else {
            err.println(Printable.line("internal error: " + ex + " (" + saveStackTrace(ex) + ")"));
        }
        err.flush();
        return exitCode(ex);
    }

    /** Picocli's usage errors (unknown option, {@code --seed abc}): the message escaped, then the usage. */
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(Printable.lines(ex.getMessage()));
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) cl.usage(err, cl.getColorScheme());
        err.flush();
        return ExitCode.INVALID_INPUT;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof HarnessException he) return he.exitCode();
        if (ex instanceof CommandLine.ParameterException) return ExitCode.INVALID_INPUT;
        return ExitCode.INTERNAL_ERROR;
    }

    /** Where the stack trace went (a temp file: no report folder may exist yet), or why it could not be kept. */
    private static String saveStackTrace(Throwable ex) {
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        try {
            Path file = Files.createTempFile("harness-internal-error-", ".txt");
            Files.writeString(file, trace.toString());
            return "a bug in harness; stack trace in " + file;
        } catch (IOException | RuntimeException e) {
            return "a bug in harness; the stack trace could not be saved: " + e.getMessage();
        }
    }
}
