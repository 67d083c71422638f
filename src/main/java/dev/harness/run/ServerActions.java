package dev.harness.run;

import dev.harness.model.Action;
import dev.harness.model.HarnessException;
import dev.harness.model.Login;
import dev.harness.model.Version;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceRuntime;
import dev.harness.runtime.ServiceSpec;
import dev.harness.system.DatabaseSystem;
import dev.harness.system.SqlEndpoint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The actions that change or inspect a server rather than run checks: start, configure, assert-version,
 * await-ready, promote, kill, stop. The system says what to do, the runtime does it, and {@link RunState}
 * learns the outcome. A server that does not do what it should is a {@link HarnessException}: it stops the run.
 */
final class ServerActions implements Endpoints {
    private final DatabaseSystem system;
    private final ServiceRuntime runtime;
    private final RunState state;
    private final Duration defaultBudget;
    private final Consumer<String> log;
    private final DeclaredSystems declared;
    private boolean prepared;

    ServerActions(DatabaseSystem system, ServiceRuntime runtime, RunState state, Duration defaultBudget, Consumer<String> log) {
        this.system = system;
        this.declared = new DeclaredSystems(system, state);
        this.runtime = runtime;
        this.state = state;
        this.defaultBudget = defaultBudget;
        this.log = log;
    }

    /* Every action returns a note for its step result, or null when there is nothing to say. */
    String start(Action.Start s) {
        prepareOnce();
        system.beforeStart(s, state);
        RunningService rs = runtime.start(system.serviceSpec(s, state));
        state.started(rs, s.version(), false);
        system.awaitStarted(s, rs, state);
        if (!s.readOnly()) state.started(rs, s.version(), true);
        return null;
    }

    /** Before the first start of anything: what the whole plan needs (images, binaries) is there. */
    private void prepareOnce() {
        if (prepared) return;
        runtime.prepare(everySpec());
        prepared = true;
    }

    /** A service the scenario declares: started and awaited as a writable server of its system, then addressable. */
    String startService(Action.StartService a) {
        prepareOnce();
        DatabaseSystem own = declared.systemOf(a.service());
        RunningService rs = runtime.start(own.declaredServiceSpec(declared.declaration(a.service()), state));
        state.started(rs, a.version(), false);
        own.awaitStarted(new Action.Start(a.service(), a.version(), false, null, a.source(), a.origin()), rs, state);
        state.addressed(a.service(), own.address(rs, state));
        return null;
    }

    /** What the whole plan will start, so missing images or binaries are found before anything runs. */
    private List<ServiceSpec> everySpec() {
        List<ServiceSpec> specs = new ArrayList<>();
        for (var service : state.plan().services()) specs.add(declared.systemOf(service.name()).declaredServiceSpec(service, state));
        for (Action a : state.plan().actions()) {
            if (a instanceof Action.Start s) specs.add(system.serviceSpec(s, state));
        }
        return specs;
    }

    String configure(Action.Configure c) {
        if (state.configured()) return "already configured in this environment";
        List<String> statements = system.configureStatements();
        try (Connection conn = Connections.open(endpoint(c.service(), true), defaultBudget, "harness configure")) {
            for (String sql : statements) {
                try (var st = conn.createStatement()) {
                    st.execute(sql);
                    log.accept("configure " + c.service() + ": ok: " + CheckPhaseRunner.oneLine(sql));
                }
            }
        } catch (SQLException e) {
            throw new HarnessException.Infrastructure(c.service(), "configure failed: " + StatementRunner.errorText(e), e);
        }
        state.markConfigured(); // only after every statement succeeded, so a failed configure is retried by the next one
        return null;
    }

    /** @return the version the server reports, as a note for the step result */
    String assertVersion(Action.AssertVersion v) {
        String reported;
        try (Connection conn = Connections.open(endpoint(v.service(), true), defaultBudget, "harness assert-version");
             var st = conn.createStatement();
             ResultSet rs = st.executeQuery(system.versionQuery())) {
            reported = rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new HarnessException.Infrastructure(v.service(), "version query failed: " + StatementRunner.errorText(e), e);
        }
        if (reported == null) throw new HarnessException.Infrastructure(v.service(), "version query returned no row", null);
        Version actual = system.parseVersion(reported);
        if (!actual.sameAs(v.version())) {
            throw new HarnessException.Infrastructure(v.service(), "reports version " + reported + ", expected " + v.version(), null);
        }
        state.learnedVersion(v.service(), v.version()); // the name asked for: ${current} must not carry a build note
        return "reports " + reported;
    }

    String awaitReady(Action.AwaitReady r) {
        system.awaitReadyToPromote(r.service(), state);
        return null;
    }

    String promote(Action.Promote p) {
        system.promote(p.service(), state);
        state.promoted(p.service());
        return null;
    }

    String kill(Action.Kill k) {
        runtime.kill(k.service());
        state.gone(k.service());
        return null;
    }

    String stop(Action.Stop s) {
        runtime.stop(s.service(), Duration.ofSeconds(30));
        state.gone(s.service());
        return null;
    }

    /** Where to connect to a running service, as its user or as the system user; a declared service always as its privileged user. */
    @Override
    public SqlEndpoint endpoint(String service, boolean asSystem) {
        RunningService rs = running(service);
        if (declared.isDeclared(service)) return declared.systemOf(service).endpoint(rs, true);
        return system.endpoint(rs, asSystem);
    }

    /** Where to connect to a running service as a role a check names; on a declared service, by that service's system. */
    @Override
    public SqlEndpoint endpoint(String service, Login login) {
        RunningService rs = running(service);
        return (declared.isDeclared(service) ? declared.systemOf(service) : system).endpoint(rs, login);
    }

    private RunningService running(String service) {
        return state.service(service).orElseThrow(() -> new HarnessException.Infrastructure(service, "is not running", null));
    }
}
