package dev.harness.system.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.runtime.RunFolderProcesses;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.TempDirAccess;
import dev.harness.runtime.process.ProcessRuntime;
import dev.harness.system.ConsistencyReport;
import dev.harness.system.SqlEndpoint;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL's consistency check on a real server: every database, and the statement budget. */
class AmcheckConsistencyTest {
    @TempDir
    Path tmp;

    private ProcessRuntime runtime;
    private Path runDir;
    private PostgresDriver driver;
    private SqlEndpoint admin;

    @BeforeEach
    void start() throws SQLException {
        runDir = TempDirAccess.openToServerUser(tmp).resolve("run");
        runtime = new ProcessRuntime(runDir, false);
        driver = new PostgresDriver(runtime);
        RunningService db = driver.start("db_1", "15.19", false);
        admin = driver.system.endpoint(db, true);
        run(admin, driver.system.configureStatements().toArray(String[]::new));
    }

    @AfterEach
    void stop() {
        runtime.close();
        assertEquals(List.of(), RunFolderProcesses.of(runtime, runDir));
    }

    private static void run(SqlEndpoint on, String... statements) throws SQLException {
        try (Connection c = PgConnections.open(on); Statement st = c.createStatement()) {
            for (String sql : statements) st.execute(sql);
        }
    }

    private static SqlEndpoint database(SqlEndpoint admin, String name) {
        return new SqlEndpoint(admin.jdbcUrl().replaceFirst("/postgres$", "/" + name), admin.user(), null);
    }

    @Test
    void everyDatabaseIsCheckedAndOneWithoutAmcheckGetsIt() throws SQLException {
        run(admin, "CREATE DATABASE other TEMPLATE template0"); // template0: no amcheck of configure's
        run(database(admin, "other"), "CREATE TABLE t (a int PRIMARY KEY)", "INSERT INTO t SELECT generate_series(1, 100)");

        ConsistencyReport report = new AmcheckConsistency(admin, Duration.ofSeconds(30)).check();

        assertTrue(report.consistent(), report.problems()::toString);
        assertEquals(List.of("other: installed amcheck in schema harness_amcheck", "other: 1 B-tree indexes, 1 tables",
                "postgres: 0 B-tree indexes, 0 tables"), report.checked());
    }

    @Test
    void aStatementBeyondTheBudgetIsAProblemOfTheObjectItChecked() throws SQLException {
        run(admin, "CREATE TABLE locked (a int PRIMARY KEY)");
        try (Connection holder = PgConnections.open(admin); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE locked IN ACCESS EXCLUSIVE MODE"); // amcheck's share lock waits behind it

            ConsistencyReport report = new AmcheckConsistency(admin, Duration.ofSeconds(1)).check();

            assertEquals(List.of("index public.locked_pkey (database postgres) was not checked within the statement budget of 1s",
                    "table public.locked (database postgres) was not checked within the statement budget of 1s"), report.problems());
            holder.rollback();
        }
    }
}
