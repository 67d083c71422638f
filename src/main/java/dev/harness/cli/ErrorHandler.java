package dev.harness.cli;

import dev.harness.model.ExitCode;
import dev.harness.model.HarnessException;
import picocli.CommandLine;

/** The one place errors become messages and exit codes. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        var err = cl.getErr();
        if (ex instanceof HarnessException he) {
            err.println(he.getMessage());
            if (he instanceof HarnessException.InvalidInput ii && ii.problems().size() > 1) {
                err.println(ii.problems().size() + " problems");
            }
        } else {
            err.println("internal error: " + ex);
            ex.printStackTrace(err);
        }
        err.flush();
        return exitCode(ex);
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof HarnessException he) return he.exitCode();
        if (ex instanceof CommandLine.ParameterException) return ExitCode.INVALID_INPUT;
        return 4;
    }
}
