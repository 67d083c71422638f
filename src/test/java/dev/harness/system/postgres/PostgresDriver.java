package dev.harness.system.postgres;

import dev.harness.model.Action;
import dev.harness.model.HarnessConfig;
import dev.harness.model.Version;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceRuntime;
import dev.harness.system.TestSystemContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What an executor does with PostgresSystem on any runtime, for the system's tests: start steps (spec, base
 * backup, start, await), kills and SQL. Prints the measured times so test logs show them; nothing asserts them.
 * Public so tests of other packages (the executor's) get a real server the same way.
 */
public final class PostgresDriver {
    public final ServiceRuntime runtime;
    public final PostgresSystem system;
    public final TestSystemContext ctx;

    public PostgresDriver(ServiceRuntime runtime) {
        this(runtime, TestSystemContext.testConfig());
    }

    /** @param config the catalog and timeouts the servers are started with (e.g. the built-in harness.yaml) */
    public PostgresDriver(ServiceRuntime runtime, HarnessConfig config) {
        this.runtime = runtime;
        this.system = new PostgresSystem(config);
        this.ctx = new TestSystemContext(config, runtime, runtime.name());
    }

    /** Starts {@code service} at {@code version} (a standby of the leader when read-only); configured when writable. */
    public RunningService start(String service, String version, boolean readOnly) {
        Action.Start start = new Action.Start(service, Version.parse(version), readOnly, null, null, null);
        var spec = system.serviceSpec(start, ctx);
        long t0 = System.nanoTime();
        system.beforeStart(start, ctx);
        long t1 = System.nanoTime();
        RunningService s = runtime.start(spec);
        ctx.services.put(service, s);
        system.awaitStarted(start, s, ctx);
        System.out.printf("[%s] start %s %s%s: %d ms (base backup %d ms)%n", runtime.name(), service, version,
                readOnly ? " (standby)" : "", (System.nanoTime() - t1) / 1_000_000, (t1 - t0) / 1_000_000);
        if (!readOnly) {
            ctx.leader = ctx.leader == null ? service : ctx.leader;
            exec(s, true, system.configureStatements().toArray(String[]::new));
        }
        return s;
    }

    public void exec(RunningService s, boolean asSystem, String... sql) {
        try (Connection c = PgConnections.open(system.endpoint(s, asSystem)); Statement st = c.createStatement()) {
            for (String q : sql) st.execute(q);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    public String query(RunningService s, String sql) {
        return query(s, false, sql);
    }

    public String querySystem(RunningService s, String sql) {
        return query(s, true, sql);
    }

    private String query(RunningService s, boolean asSystem, String sql) {
        try {
            return PgConnections.queryText(system.endpoint(s, asSystem), sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    public Version serverVersion(RunningService s) {
        return system.parseVersion(query(s, system.versionQuery()));
    }

    public void kill(String service) {
        long t0 = System.nanoTime();
        runtime.kill(service);
        System.out.printf("[%s] kill %s: %d ms%n", runtime.name(), service, (System.nanoTime() - t0) / 1_000_000);
    }

    public void awaitReadyToPromote(String service) {
        long t0 = System.nanoTime();
        system.awaitReadyToPromote(service, ctx);
        System.out.printf("[%s] await-ready %s: %d ms%n", runtime.name(), service, (System.nanoTime() - t0) / 1_000_000);
    }

    public void promote(String service) {
        long t0 = System.nanoTime();
        system.promote(service, ctx);
        ctx.leader = service;
        System.out.printf("[%s] promote %s (incl. fencing the old leader): %d ms%n", runtime.name(), service, (System.nanoTime() - t0) / 1_000_000);
    }
}
