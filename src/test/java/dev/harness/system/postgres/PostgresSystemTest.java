package dev.harness.system.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Version;
import dev.harness.runtime.RunFolderProcesses;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.TempDirAccess;
import dev.harness.runtime.process.ProcessRuntime;
import dev.harness.system.TestSystemContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgresSystem on ProcessRuntime with real PostgreSQL servers (binaries resolved through Maven). */
class PostgresSystemTest {
    @TempDir
    Path tmp;

    Path runDir;
    ProcessRuntime runtime;
    PostgresSystem system;
    TestSystemContext ctx;
    PostgresDriver pg;

    @BeforeEach
    void setUp() throws IOException {
        runDir = TempDirAccess.openToServerUser(tmp).resolve("run");
        runtime = new ProcessRuntime(runDir, false);
        pg = new PostgresDriver(runtime);
        system = pg.system;
        ctx = pg.ctx;
    }

    @AfterEach
    void tearDown() {
        runtime.close();
        assertEquals(List.of(), RunFolderProcesses.of(runtime, runDir), "server processes left after close()");
    }

    RunningService start(String service, String version, boolean readOnly) {
        return pg.start(service, version, readOnly);
    }

    void exec(RunningService s, boolean asSystem, String... sql) {
        pg.exec(s, asSystem, sql);
    }

    String query(RunningService s, String sql) {
        return pg.query(s, sql);
    }

    Version serverVersion(RunningService s) {
        return pg.serverVersion(s);
    }

    void kill(String service) {
        pg.kill(service);
    }

    @Test
    void rowsSurviveASigkillAndRestartOnTheSameData() throws IOException {
        RunningService s = start("db_1", "15.19", false);
        exec(s, false, "CREATE TABLE t (a int)", "INSERT INTO t VALUES (1), (2)");
        long pid = Long.parseLong(s.id());
        kill("db_1");
        assertFalse(runtime.isRunning("db_1"));
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertEquals(List.of(), RunFolderProcesses.of(runtime, runDir), "no backend outlives the postmaster's SIGKILL");

        RunningService again = start("db_1", "15.19", false);
        assertEquals(s.port(5432), again.port(5432), "same port after restart");
        assertEquals("2", query(again, "SELECT count(*) FROM t"));
        String log = Files.readString(runtime.logFile("db_1"));
        assertTrue(log.contains("killed (SIGKILL)"), log);
        assertTrue(log.contains("database system was interrupted"), "crash recovery after the kill is in the kept log:\n" + log);
        assertEquals(2, log.split("database system is ready to accept connections", -1).length - 1, log);
    }

    @Test
    void minorUpgradesRunTheNewBinaryOnTheOldDataInTwoHops() {
        RunningService s = start("db_1", "15.17", false);
        assertEquals(Version.parse("15.17"), serverVersion(s));
        exec(s, false, "CREATE TABLE t (a int)", "INSERT INTO t VALUES (1)");
        kill("db_1");
        s = start("db_1", "15.18", false);
        assertEquals(Version.parse("15.18"), serverVersion(s));
        exec(s, false, "INSERT INTO t VALUES (2)");
        kill("db_1");
        s = start("db_1", "15.19", false);
        assertEquals(Version.parse("15.19"), serverVersion(s));
        assertEquals("2", query(s, "SELECT count(*) FROM t"));
    }

    @Test
    void aStandbyCatchesUpAndIsPromotedWhileTheOldLeaderIsFenced() {
        RunningService leader = start("db_1", "15.18", false);
        exec(leader, false, "CREATE TABLE t (a int)", "INSERT INTO t VALUES (1)");
        RunningService standby = start("db_2", "15.19", true);
        assertEquals("t", query(standby, "SELECT pg_is_in_recovery()"));
        exec(leader, false, "INSERT INTO t SELECT generate_series(2, 1000)"); // written after the base backup

        pg.awaitReadyToPromote("db_2");
        assertEquals("1000", query(standby, "SELECT count(*) FROM t"));
        var readOnly = assertThrows(AssertionError.class, () -> exec(standby, false, "INSERT INTO t VALUES (0)"));
        assertTrue(readOnly.getMessage().contains("read-only"), readOnly.getMessage());

        pg.promote("db_2");
        assertFalse(runtime.isRunning("db_1"), "old leader fenced");
        assertEquals("f", query(standby, "SELECT pg_is_in_recovery()"));
        exec(standby, false, "INSERT INTO t VALUES (1001)");
        assertEquals(Version.parse("15.19"), serverVersion(standby));
        assertEquals("1001", query(standby, "SELECT count(*) FROM t"));

        // And back: db_1 becomes a standby of db_2 on its old (replaced) volume, then leads again.
        start("db_1", "15.19", true);
        system.awaitReadyToPromote("db_1", ctx);
        system.promote("db_1", ctx);
        assertFalse(runtime.isRunning("db_2"));
        assertEquals("1001", query(ctx.services.get("db_1"), "SELECT count(*) FROM t"));
    }

    @Test
    void aPromoteWaitsForTheStandbyToCatchUpAndNeverDropsTheLeadersLastCommits() {
        runtime.close();
        runtime = new ProcessRuntime(runDir.resolveSibling("lagging"), false);
        HarnessConfig quickPromote = TestSystemContext.withTimeouts(new HarnessConfig.Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(3)));
        PostgresDriver lagging = new PostgresDriver(runtime, quickPromote);
        RunningService leader = lagging.start("db_1", "15.18", false);
        lagging.exec(leader, false, "CREATE TABLE t (a int)");
        RunningService standby = lagging.start("db_2", "15.19", true);
        // The standby stops receiving WAL: what the leader commits now can only reach it if the promote waits.
        lagging.exec(standby, true, "ALTER SYSTEM SET primary_conninfo = 'host=127.0.0.1 port=1'", "SELECT pg_reload_conf()");
        lagging.exec(leader, false, "INSERT INTO t VALUES (1)");

        var e = assertThrows(HarnessException.Infrastructure.class, () -> lagging.system.promote("db_2", lagging.ctx));
        assertTrue(e.getMessage().contains("did not catch up with db_1"), e.getMessage());
        assertEquals("t", lagging.query(standby, "SELECT pg_is_in_recovery()"), "a standby that had not caught up was promoted");
    }

    @Test
    void aServerThatDiesAtStartIsAnInfrastructureErrorWithItsLog() {
        start("db_1", "15.19", false);
        kill("db_1");
        runtime.writeFile("db_1-data", "postgresql.auto.conf", "shared_buffers = 'banana'\n");
        var e = assertThrows(HarnessException.Infrastructure.class, () -> start("db_1", "15.19", false));
        assertEquals("db_1", e.service());
        assertEquals(3, e.exitCode());
        assertTrue(e.getMessage().contains("banana"), e.getMessage());
        assertTrue(e.getMessage().contains("exited during start"), e.getMessage());
    }

    @Test
    void aReadOnlyStartWithoutALeaderOrAClusterOfItsOwnIsRefused() {
        var e = assertThrows(HarnessException.Infrastructure.class, () -> start("db_2", "15.19", true));
        assertEquals("db_2", e.service());
        assertTrue(e.getMessage().contains("holds no cluster: a read-only start needs a leader to copy or a cluster of its own"), e.getMessage());
    }

    /** Materialize's PreflightCheckContinue: the new version boots read-only on what the killed leader left. */
    @Test
    void aPreflightBootsTheNewVersionReadOnlyOnTheKilledLeadersDataAndIsPromoted() {
        RunningService old = start("db_1", "15.18", false);
        exec(old, false, "CREATE TABLE t (a int)", "INSERT INTO t SELECT generate_series(1, 1000)");
        kill("db_1"); // the leader's last commits are only in its WAL: the candidate must replay them
        RunningService candidate = start("db_1", "15.19", true);
        assertEquals("t", query(candidate, "SELECT pg_is_in_recovery()"));
        pg.awaitReadyToPromote("db_1");
        assertEquals("1000", query(candidate, "SELECT count(*) FROM t"));
        var readOnly = assertThrows(AssertionError.class, () -> exec(candidate, false, "INSERT INTO t VALUES (0)"));
        assertTrue(readOnly.getMessage().contains("read-only"), readOnly.getMessage());

        pg.promote("db_1");
        exec(candidate, false, "INSERT INTO t VALUES (1001)");
        assertEquals(Version.parse("15.19"), serverVersion(candidate));
        kill("db_1");
        RunningService restarted = start("db_1", "15.19", false);
        assertEquals("f", query(restarted, "SELECT pg_is_in_recovery()"));
        assertEquals("1001", query(restarted, "SELECT count(*) FROM t"));
    }

    /** Materialize's PreflightCheckRollback: a read-only boot that is never promoted leaves the old version writable. */
    @Test
    void afterAPreflightThatIsNotPromotedTheOldVersionBootsWritableOnTheSameData() {
        RunningService old = start("db_1", "15.18", false);
        exec(old, false, "CREATE TABLE t (a int)", "INSERT INTO t VALUES (1)");
        kill("db_1");
        start("db_1", "15.19", true);
        pg.awaitReadyToPromote("db_1");
        kill("db_1"); // its standby.signal stays in the data folder

        RunningService rolledBack = start("db_1", "15.18", false);
        assertEquals("f", query(rolledBack, "SELECT pg_is_in_recovery()"), "a writable start boots writable");
        exec(rolledBack, false, "INSERT INTO t VALUES (2)");
        assertEquals(Version.parse("15.18"), serverVersion(rolledBack));
        assertEquals("2", query(rolledBack, "SELECT count(*) FROM t"));
    }
}
