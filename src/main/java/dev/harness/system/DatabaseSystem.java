package dev.harness.system;

import dev.harness.model.Action;
import dev.harness.model.HarnessException;
import dev.harness.model.Login;
import dev.harness.model.SupportService;
import dev.harness.model.Version;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a database is: which image or binaries and command line a version needs, how to reach it over
 * SQL, how it is configured, how its version is read, how its consistency is checked, and how a read-only candidate
 * is started, made ready and promoted. A system describes; a {@link dev.harness.runtime.ServiceRuntime} executes.
 */
public interface DatabaseSystem {
    /** "postgres" or "materialize". */
    String name();

    /** The spec for a start step (also printed by {@code plan --details}). */
    ServiceSpec serviceSpec(Action.Start start, SystemContext ctx);

    /**
     * The spec of a service a scenario declares on this system ({@link SupportService}, e.g. an upstream PostgreSQL): a
     * writable server with the declared settings. It is then started and awaited like a writable {@link Action.Start}.
     */
    default ServiceSpec declaredServiceSpec(SupportService service, SystemContext ctx) {
        throw new HarnessException.InvalidInput(name() + " cannot run as a declared service");
    }

    /**
     * Where the run's servers reach a running service of this system, by {@link SupportService#ADDRESS_KEYS}: what
     * {@code ${<service>.host}}, {@code .port} and {@code .url} stand for in SQL (inside Docker's network: the service's
     * name and its container port).
     */
    default Map<String, String> address(RunningService service, SystemContext ctx) {
        throw new HarnessException.InvalidInput(name() + " cannot run as a declared service");
    }

    /** Prepares state before a start (e.g. a PostgreSQL standby's base backup from the leader). */
    default void beforeStart(Action.Start start, SystemContext ctx) {}

    /** Blocks until a started service accepts what it should (SQL when writable, its API when read-only). */
    void awaitStarted(Action.Start start, RunningService service, SystemContext ctx);

    /** JDBC coordinates for a running service, as the normal or the privileged user. */
    SqlEndpoint endpoint(RunningService service, boolean asSystem);

    /**
     * JDBC coordinates for a running service as the role a check names ({@code as: {user, password, listener}}): the
     * listener picks the port, the login gives user and password.
     */
    SqlEndpoint endpoint(RunningService service, Login login);

    /** Setup statements run as the privileged user once per environment. */
    List<String> configureStatements();

    /** SQL returning the server version as one text value. */
    String versionQuery();

    /**
     * SQL, run as the privileged user, returning how many more connections the normal user may open now (one
     * integer); null when the system cannot tell. Caps {@code --parallel} so checks do not fail for want of a slot.
     */
    default String freeConnectionsQuery() {
        return null;
    }

    /** Parses what {@link #versionQuery()} returned. */
    Version parseVersion(String reported);

    /**
     * The system's own consistency check of a running writable service, as testdrive runs it after every fragment: what
     * the server can tell about the integrity of its data and catalog. Every statement or request is bounded by
     * {@code budget} (the statement budget); one that does not finish in it is a problem with the object it checked.
     *
     * @return what it checked and the problems it found, each naming the object
     * @throws HarnessException.Infrastructure when the service could not be asked (not reachable, connection lost)
     */
    ConsistencyReport checkConsistency(RunningService service, SystemContext ctx, Duration budget);

    /** Blocks until a read-only candidate could be promoted. */
    void awaitReadyToPromote(String service, SystemContext ctx);

    /** Promotes the candidate and fences the old leader; returns when the candidate leads. */
    void promote(String service, SystemContext ctx);
}
