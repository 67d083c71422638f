package dev.harness.testpg;

import dev.harness.model.Action;
import dev.harness.model.SourceRef;
import dev.harness.model.Version;
import dev.harness.runtime.RunningService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** One real PostgreSQL server shared by the tests of a JVM, stopped by a shutdown hook. */
public final class SharedPg {
    private static TestPgRuntime runtime;
    private static RunningService service;

    private SharedPg() {}

    public static synchronized RunningService service() {
        if (service == null) {
            runtime = new TestPgRuntime(null);
            Runtime.getRuntime().addShutdownHook(new Thread(runtime::close));
            var start = new Action.Start("shared", new Version("15"), false, null, SourceRef.NONE, null);
            service = runtime.start(new TestPgSystem(java.util.List.of()).serviceSpec(start, null));
        }
        return service;
    }

    public static Connection connect() throws SQLException {
        RunningService s = service();
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + s.port(5432) + "/postgres", p);
    }
}
