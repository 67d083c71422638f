package dev.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.ExitCode;
import dev.harness.runtime.TempDirAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code --color}, {@code FORCE_COLOR} and {@code help <command>} through the real command line ({@code --version}: PackagedJarIT). */
@ExtendWith(InProcessCli.class)
class ConsoleChoicesEndToEndTest {
    private static final Path PROJECT = Path.of(System.getProperty("harness.projectDir", "."));

    @TempDir
    Path out;

    private CapturedRun run(Map<String, String> env, String... more) throws IOException {
        TempDirAccess.openToServerUser(out);
        List<String> args = new ArrayList<>(List.of("run", PROJECT.resolve("scenarios.d/no_restart.yaml").toString(), "--checks",
                PROJECT.resolve("checks.d/portable/nulls.yaml").toString(), "--out", out.toString(), "--seed", "1",
                "--config", PROJECT.resolve("harness.yaml").toString()));
        args.addAll(List.of(more));
        return CapturedRun.withEnv(env, args.toArray(String[]::new));
    }

    @Test
    void forceColorColoursBothStreamsOffATerminalWithoutLineRewritesAndColorNeverWins() throws IOException {
        CapturedRun forced = run(Map.of("FORCE_COLOR", "1"));
        assertEquals(ExitCode.OK, forced.exit(), forced.err());
        assertTrue(forced.out().contains("\u001b[32mPASSED\u001b[0m"), "the summary is coloured: " + forced.out());
        assertTrue(forced.err().contains("\u001b[32m✔\u001b[0m"), "progress is coloured: " + forced.err());
        assertFalse(forced.err().contains("\r"), "no live counter into a pipe: " + forced.err());

        CapturedRun never = run(Map.of("FORCE_COLOR", "1"), "--color=never");
        assertEquals(ExitCode.OK, never.exit(), never.err());
        assertFalse(never.out().contains("\u001b") || never.err().contains("\u001b"), never.out() + never.err());

        CapturedRun plain = run(Map.of());
        assertFalse(plain.out().contains("\u001b") || plain.err().contains("\u001b"), "not a terminal: plain " + plain.out() + plain.err());
    }

    @Test
    void aBadColorValueIsAUsageError() {
        CapturedRun r = CapturedRun.of("run", "x.yaml", "--color=sometimes");
        assertEquals(ExitCode.INVALID_INPUT, r.exit());
        assertTrue(r.err().contains("--color"), r.err());
    }

    @Test
    void helpOfACommandPrintsItsUsage() {
        CapturedRun r = CapturedRun.of("help", "run");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertTrue(r.out().contains("Usage: harness run") && r.out().contains("--shard=I/N|auto"), r.out());
        CapturedRun merge = CapturedRun.of("help", "merge");
        assertTrue(merge.out().contains("Usage: harness merge"), merge.out());
    }
}
