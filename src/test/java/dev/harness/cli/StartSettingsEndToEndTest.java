package dev.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.harness.model.ExitCode;
import dev.harness.runtime.TempDirAccess;
import dev.harness.testing.RequiresDocker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's start-settings example run for real: PostgreSQL started with {@code wal_level: logical} and
 * {@code work_mem: 64MB} reports them ({@code SHOW}) in every phase, also after the upgrade macro restarted it on
 * the next version, on local processes and in Docker. Without the settings reaching the server, every phase fails.
 */
@ExtendWith(InProcessCli.class)
class StartSettingsEndToEndTest {
    private static final Path PROJECT = Path.of(System.getProperty("harness.projectDir", "."));

    @TempDir
    Path out;

    @BeforeEach
    void reachable() throws IOException {
        TempDirAccess.openToServerUser(out);
    }

    private int run(String runtime) {
        return Main.commandLine().execute(List.of("run", "--out", out.toString(), "--seed", "3", "--no-color", "--quiet",
                "--config", PROJECT.resolve("harness.yaml").toString(), "--runtime", runtime,
                PROJECT.resolve("docs/examples/start_settings.yaml").toString(),
                "--checks", PROJECT.resolve("docs/examples/start_settings_checks").toString()).toArray(String[]::new));
    }

    @Test
    void settingsReachLocalServersAcrossTheUpgrade() {
        assertEquals(ExitCode.OK, run("process"));
    }

    @Test
    @RequiresDocker
    void settingsReachContainersAcrossTheUpgrade() {
        assertEquals(ExitCode.OK, run("docker"));
    }
}
