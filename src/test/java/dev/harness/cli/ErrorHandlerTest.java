package dev.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.ExitCode;
import dev.harness.model.HarnessException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The one place errors become output: one escaped line each, a bug's stack trace in a file, never on the console. */
class ErrorHandlerTest {
    private record Handled(int exit, String err) {}

    private static Handled handle(Exception e) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int exit = new ErrorHandler().handleExecutionException(e, cl, null);
        return new Handled(exit, err.toString());
    }

    @Test
    void aBugIsOneLineNamingTheFileWithItsStackTrace() throws IOException {
        Handled h = handle(new IllegalStateException("boom\nsecond line"));
        int named = h.err().indexOf("stack trace in ");
        Path trace = named < 0 ? null : Path.of(h.err().substring(named + "stack trace in ".length(), h.err().lastIndexOf(')')));
        try {
            assertEquals(ExitCode.INTERNAL_ERROR, h.exit());
            assertEquals(1, h.err().lines().count(), h.err());
            assertTrue(h.err().startsWith("internal error: java.lang.IllegalStateException: boom\\nsecond line (a bug in harness; stack trace in "), h.err());
            assertFalse(h.err().contains("\tat "), h.err());
            String saved = Files.readString(trace);
            assertTrue(saved.contains("IllegalStateException: boom") && saved.contains("\tat dev.harness.cli.ErrorHandlerTest"), saved);
        } finally {
            if (trace != null) Files.deleteIfExists(trace);
        }
    }

    @Test
    void inputErrorsArePrintedWithControlCharactersEscapedOnePerLine() {
        Handled h = handle(new HarnessException.InvalidInput("--check \u001b]0;pwned\u0007: no such check\nsecond \u009b line"));
        assertEquals(ExitCode.INVALID_INPUT, h.exit());
        assertEquals("--check \\x1b]0;pwned\\x07: no such check\nsecond \\u009b line\n", h.err());
    }

    @Test
    void usageErrorsQuoteTheValueEscaped() {
        CapturedRun r = CapturedRun.of("run", "--seed", "\u001b[31m", "scenarios.d/no_restart.yaml");
        assertEquals(ExitCode.INVALID_INPUT, r.exit());
        assertTrue(r.err().startsWith("Invalid value for option '--seed': '\\x1b[31m' is not a long"), r.err());
        assertFalse(r.err().contains("\u001b"), r.err());
    }

    @Test
    void exitCodeFourIsDocumentedInTheHelp() {
        CapturedRun r = CapturedRun.of("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("4   internal error (a bug in harness"), r.out());
    }
}
