package dev.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.convert.testdrive.TestdriveSets;
import dev.harness.model.ExitCode;
import dev.harness.runtime.TempDirAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The testdrive fragment sets of src/test/resources/testdrive, imported by the real CLI into a temp folder, run on real
 * PostgreSQL processes through a restart and a zero-downtime catalogue scenario, and pass.
 */
@ExtendWith(InProcessCli.class)
class ImportedTestdriveChecksEndToEndTest {
    private static final Path PROJECT = Path.of(System.getProperty("harness.projectDir", "."));
    private static final Path SETS = PROJECT.resolve("src/test/resources/testdrive");

    @TempDir
    Path out;

    @TempDir
    Path checks;

    @BeforeEach
    void reachable() throws IOException {
        TempDirAccess.openToServerUser(out);
    }

    @Test
    void importedChecksPassARestartAndAZeroDowntimeUpgrade() throws IOException {
        CapturedRun imported = CapturedRun.of("import", "testdrive", "--sets", SETS.toString(), "-o", checks.toString());
        assertEquals(ExitCode.OK, imported.exit(), imported.err());
        List<String> names = TestdriveSets.under(SETS).stream().map(p -> p.getFileName().toString()).toList();
        CapturedRun run = CapturedRun.of("run", "--out", out.toString(), "--seed", "3", "--no-color", "--config", PROJECT.resolve("harness.yaml").toString(),
                PROJECT.resolve("scenarios.d/restart_entire.yaml").toString(), PROJECT.resolve("scenarios.d/zero_downtime.yaml").toString(),
                "--checks", checks.toString());
        StringBuilder junits = new StringBuilder();
        try (Stream<Path> dirs = Files.list(out)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                String junit = Files.readString(d.resolve("junit.xml"));
                junits.append(junit);
                for (String name : names) assertTrue(junit.contains("name=\"" + name + "\""), d + " lacks " + name);
            }
        }
        assertEquals(ExitCode.OK, run.exit(), run.out() + "\n" + junits);
        assertTrue(!junits.toString().contains("<failure") && !junits.toString().contains("<error") && !junits.toString().contains("<skipped"),
                junits.toString());
        assertTrue(junits.toString().contains("scenario\" value=\"restart_entire") || junits.toString().contains("restart_entire"), junits.toString());
    }
}
