package dev.harness.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Action;
import dev.harness.model.HarnessException;
import dev.harness.model.Version;
import dev.harness.runtime.ProcessRuntime;
import dev.harness.runtime.RunFolderProcesses;
import dev.harness.runtime.RunningService;
import dev.harness.system.postgres.PgConnections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

    @BeforeEach
    void setUp() throws IOException {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        runDir = tmp.resolve("run");
        runtime = new ProcessRuntime(runDir, false);
        system = new PostgresSystem(TestSystemContext.testConfig());
        ctx = new TestSystemContext(TestSystemContext.testConfig(), runtime, "process");
    }

    @AfterEach
    void tearDown() {
        runtime.close();
        assertEquals(List.of(), RunFolderProcesses.in(runDir), "server processes left after close()");
    }

    /** What an executor does for a start step. */
    RunningService start(String service, String version, boolean readOnly) {
        Action.Start start = new Action.Start(service, Version.parse(version), readOnly, null, null, null);
        var spec = system.serviceSpec(start, ctx);
        system.beforeStart(start, ctx);
        long t0 = System.nanoTime();
        RunningService s = runtime.start(spec);
        ctx.services.put(service, s);
        system.awaitStarted(start, s, ctx);
        System.out.printf("start %s %s%s: %d ms%n", service, version, readOnly ? " (standby)" : "", (System.nanoTime() - t0) / 1_000_000);
        if (!readOnly) {
            ctx.leader = ctx.leader == null ? service : ctx.leader;
            exec(s, true, system.configureStatements().toArray(String[]::new));
        }
        return s;
    }

    void exec(RunningService s, boolean asSystem, String... sql) {
        try (Connection c = PgConnections.open(system.endpoint(s, asSystem)); Statement st = c.createStatement()) {
            for (String q : sql) st.execute(q);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    String query(RunningService s, String sql) {
        try {
            return PgConnections.queryText(system.endpoint(s, false), sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    Version serverVersion(RunningService s) {
        return system.parseVersion(query(s, system.versionQuery()));
    }

    void kill(String service) {
        long t0 = System.nanoTime();
        runtime.kill(service);
        System.out.printf("kill %s: %d ms%n", service, (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    void rowsSurviveASigkillAndRestartOnTheSameData() throws IOException {
        RunningService s = start("db_1", "15.19", false);
        exec(s, false, "CREATE TABLE t (a int)", "INSERT INTO t VALUES (1), (2)");
        long pid = Long.parseLong(s.id());
        kill("db_1");
        assertFalse(runtime.isRunning("db_1"));
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertEquals(List.of(), RunFolderProcesses.in(runDir), "no backend outlives the postmaster's SIGKILL");

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

        long t0 = System.nanoTime();
        system.awaitReadyToPromote("db_2", ctx);
        System.out.printf("await-ready: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertEquals("1000", query(standby, "SELECT count(*) FROM t"));
        var readOnly = assertThrows(AssertionError.class, () -> exec(standby, false, "INSERT INTO t VALUES (0)"));
        assertTrue(readOnly.getMessage().contains("read-only"), readOnly.getMessage());

        t0 = System.nanoTime();
        system.promote("db_2", ctx);
        System.out.printf("promote (incl. fencing db_1): %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        ctx.leader = "db_2";
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
    void aReadOnlyStartWithoutALeaderIsRefused() {
        var e = assertThrows(HarnessException.Infrastructure.class, () -> start("db_2", "15.19", true));
        assertEquals("db_2", e.service());
    }
}
