package dev.harness.report.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.report.RunFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {
    String summary(ConsoleOptions options) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConsoleSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8), options)
                .print(RunFixtures.rich(Path.of("r")), List.of(Path.of("r/report.html"), Path.of("r/junit.xml")));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsFailuresRerunAndReports() {
        assertEquals("""

                zero_downtime: ERROR — 1 passed, 1 failed, 1 error, 1 skipped (4 checks) in 17.6 s

                  FAILED  sequence_continuity  validate #2: rows differ after 5 attempts (1 missing, 1 unexpected)
                                               checks.d/sequences.yaml:14
                  SKIPPED logical_slots        gated: since 16.0, base is 15.17
                  ERROR   large_objects        manipulate 2: I/O error: connection to db_1 lost <script>alert(1)</script> <img src=x onerror=alert(1)>
                                               checks.d/large_objects.yaml:9

                  seed 4217 · postgres on process · 15.17 → 15.19
                  rerun:   harness run scenarios.d/zero_downtime.yaml --seed 4217 --system postgres --runtime process
                  reports: r/report.html
                           r/junit.xml
                """, summary(ConsoleOptions.plain()));
    }

    @Test
    void quietOmitsSkippedAndColourIsOptional() {
        String quiet = summary(new ConsoleOptions(ConsoleOptions.Verbosity.QUIET, false, false));
        assertFalse(quiet.contains("logical_slots"));
        assertTrue(summary(new ConsoleOptions(ConsoleOptions.Verbosity.NORMAL, true, false)).contains("\u001b[31mFAILED \u001b[0m"));
    }
}
