package dev.harness.system.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Action;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Version;
import dev.harness.runtime.RunFolderProcesses;
import dev.harness.runtime.RunId;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceSpec;
import dev.harness.runtime.TempDirAccess;
import dev.harness.runtime.process.ProcessRuntime;
import dev.harness.system.TestSystemContext;
import dev.harness.testing.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start talks to the server it launched and nothing else: another process on the port fails the start (exit 3)
 * with the server's own words, and paths are data to the start script, whatever characters they hold.
 */
class PostgresStartSafetyTest {
    /** Ample for a loaded machine, yet shorter than the socket timeout (statement + 30 s) a start probe once had. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(100);
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    ProcessRuntime runtime;
    ProcessRuntime foreignRuntime;
    PostgresDriver pg;

    static HarnessConfig config(Map<String, String> binaries) {
        HarnessConfig base = TestSystemContext.testConfig();
        return new HarnessConfig(base.system(), base.runtime(), base.versions(), base.current(),
                new HarnessConfig.Timeouts(STATEMENT_TIMEOUT, START_TIMEOUT, Duration.ofSeconds(120)), base.materialize(),
                new HarnessConfig.Postgres(List.of(), null, binaries, "harness/postgres:{version}", "missing"), base.source());
    }

    @BeforeEach
    void setUp() {
        TempDirAccess.openToServerUser(tmp);
        runtime = new ProcessRuntime(tmp.resolve("run"), false);
        pg = new PostgresDriver(runtime, config(Map.of()));
    }

    @AfterEach
    void tearDown() {
        runtime.close();
        if (foreignRuntime != null) foreignRuntime.close();
        assertEquals(List.of(), RunFolderProcesses.of(runtime, tmp), "server processes left after close()");
    }

    /** A server of another run, started on a port of our choosing. */
    private RunningService foreignServerOn(int port) {
        foreignRuntime = new ProcessRuntime(tmp.resolve("foreign"), false);
        PostgresDriver foreign = new PostgresDriver(foreignRuntime, config(Map.of()));
        ServiceSpec spec = foreign.system.serviceSpec(new Action.Start("intruder", Version.parse("15.19"), false, null, null, null), foreign.ctx);
        List<String> onPort = spec.command().stream().map(a -> a.replace("${port:5432}", Integer.toString(port))).toList();
        foreignRuntime.start(new ServiceSpec(spec.service(), spec.image(), onPort, spec.env(), spec.ports(), spec.volumes(), spec.restart(), spec.user()));
        RunningService reachable = new RunningService("intruder", "127.0.0.1", Map.of(PostgresSystem.PORT, port), "?", "?");
        Await.until("the foreign server accepts connections", () -> {
            try {
                return PgConnections.queryText(foreign.system.endpoint(reachable, true), "SELECT 1").equals("1");
            } catch (SQLException notYet) {
                return false;
            }
        });
        return reachable;
    }

    @Test
    void aForeignServerAnsweringOnThePortIsNotMistakenForOurs() throws IOException {
        RunningService foreign = foreignServerOn(freePort());
        // Ours is launched (a stand-in that never binds); the foreign server answers on the port we would poll.
        RunningService ours = runtime.start(new ServiceSpec("db_1", null, List.of("sleep", "600"), Map.of(), List.of(PostgresSystem.PORT),
                Map.of(), "no", null));
        RunningService pointedAtForeign = new RunningService("db_1", "127.0.0.1", foreign.ports(), ours.id(), ours.startId());
        Action.Start start = new Action.Start("db_1", Version.parse("15.19"), false, null, null, null);

        var e = assertThrows(HarnessException.Infrastructure.class, () -> pg.system.awaitStarted(start, pointedAtForeign, pg.ctx));
        assertEquals("db_1", e.service());
        assertEquals(3, e.exitCode());
        assertTrue(e.getMessage().contains("is not the one the harness started"), e.getMessage());
    }

    @Test
    void aRestartWhosePortAnotherProcessTookFailsAtOnceWithTheServersOwnLogLine() throws IOException {
        int port = pg.start("db_1", "15.19", false).port(PostgresSystem.PORT);
        pg.kill("db_1");
        // Listens and never answers, as a hung or unrelated program would.
        try (ServerSocket squatter = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            var e = assertThrows(HarnessException.Infrastructure.class, () -> pg.start("db_1", "15.19", false));
            assertEquals("db_1", e.service());
            assertEquals(3, e.exitCode());
            assertTrue(e.getMessage().contains("could not bind") && e.getMessage().contains("Address already in use"), e.getMessage());
            assertFalse(e.getMessage().contains("did not accept connections within"), "waited out the start timeout: " + e.getMessage());
        }
    }

    @Test
    void aForeignServerOnARestartedServicesPortFailsTheStartNamingTheService() {
        RunningService first = pg.start("db_1", "15.19", false);
        pg.exec(first, false, "CREATE TABLE ours (a int)");
        pg.kill("db_1");
        foreignServerOn(first.port(PostgresSystem.PORT));

        var e = assertThrows(HarnessException.Infrastructure.class, () -> pg.start("db_1", "15.19", false));
        assertEquals("db_1", e.service());
        assertEquals(3, e.exitCode());
        assertTrue(e.getMessage().contains("could not bind") || e.getMessage().contains("is not the one the harness started"), e.getMessage());
    }

    @Test
    void quotesSpacesAndCommandSubstitutionInPathsAreJustCharacters() throws IOException {
        Path injected = Path.of("/tmp", "pwned-" + UUID.randomUUID());
        String hostile = "it's \"q\" $(touch " + injected + ") `touch " + injected + "` ${HOME}";
        Path root = tmp.resolve("reports " + hostile);
        Path scratchParent = Files.createDirectories(root.resolve("scratch"));
        Path binaries = root.resolve("bin " + hostile); // the '/' in it makes folders: created first
        Files.createDirectories(binaries.getParent());
        Files.createSymbolicLink(binaries,
                new PostgresSystem(TestSystemContext.testConfig()).binaries().resolve(Version.parse("15.19")));
        runtime.close();
        runtime = new ProcessRuntime(root.resolve("run"), RunId.next("hostile").value(), false, scratchParent);
        pg = new PostgresDriver(runtime, config(Map.of("15.19", binaries.toString())));

        RunningService s = pg.start("db_1", "15.19", false);
        pg.exec(s, false, "CREATE TABLE t (a int)", "INSERT INTO t VALUES (1)");
        assertEquals("1", pg.query(s, "SELECT count(*) FROM t"));
        assertTrue(pg.querySystem(s, "SHOW data_directory").contains(hostile), "the data folder is the hostile path itself");
        assertFalse(Files.exists(injected), "a path ran as a command: " + injected);
        assertTrue(Files.exists(runtime.logFile("db_1")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
