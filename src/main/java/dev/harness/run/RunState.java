package dev.harness.run;

import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Plan;
import dev.harness.model.Version;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceRuntime;
import dev.harness.system.SystemContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** What the executor has learned while walking the plan: running services, the leader, server versions. */
final class RunState implements SystemContext {
    private final Plan plan;
    private final HarnessConfig config;
    private final ServiceRuntime runtime;
    private final String runId;
    private final Consumer<String> log;
    private final Map<String, RunningService> services = new ConcurrentHashMap<>();
    private final Map<String, Version> versions = new ConcurrentHashMap<>();
    /** {@code <service>.<key>} -> value: the addresses of the declared services started so far (kept across kills). */
    private final Map<String, String> addresses = new ConcurrentHashMap<>();
    /** check name -> what its {@code capture:} statements bound: kept for the whole run, across restarts and upgrades. */
    private final Map<String, Map<String, String>> captures = new ConcurrentHashMap<>();
    private volatile String leader;
    private volatile boolean configured;

    RunState(Plan plan, HarnessConfig config, ServiceRuntime runtime, String runId, Consumer<String> log) {
        this.plan = plan;
        this.config = config;
        this.runtime = runtime;
        this.runId = runId;
        this.log = log;
    }

    @Override
    public Plan plan() {
        return plan;
    }

    @Override
    public HarnessConfig config() {
        return config;
    }

    @Override
    public Optional<ServiceRuntime> runtime() {
        return Optional.ofNullable(runtime);
    }

    @Override
    public Optional<RunningService> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    @Override
    public Optional<String> leader() {
        return Optional.ofNullable(leader);
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public Consumer<String> log() {
        return log;
    }

    void started(RunningService service, Version version, boolean writable) {
        services.put(service.service(), service);
        if (version != null) versions.put(service.service(), version);
        if (writable) leader = service.service();
    }

    /** Where the run's servers reach a declared service: {@code ${<service>.host}} and friends from now on. */
    void addressed(String service, Map<String, String> address) {
        address.forEach((key, value) -> addresses.put(service + "." + key, value));
    }

    void gone(String service) {
        services.remove(service);
    }

    void promoted(String service) {
        leader = service;
    }

    /** The version a server reported (assert-version), else the version it was started as. */
    Version version(String service) {
        return versions.get(service);
    }

    void learnedVersion(String service, Version v) {
        versions.put(service, v);
    }

    /** The service an action names, else the one leading now. */
    String target(String service) {
        if (service != null) return service;
        return leader().orElseThrow(() -> new HarnessException.Infrastructure("no service is leading: start one first"));
    }

    /**
     * The values of {@code ${…}} in SQL run on {@code service}: {@code ${current}} is what it runs now, {@code
     * ${upstream.url}} where a declared service is reached.
     */
    Map<String, String> variables(String service) {
        Map<String, String> v = new HashMap<>(addresses);
        v.put("scenario", plan.scenario());
        v.put("seed", Long.toString(plan.seed()));
        if (plan.base() != null) v.put("base", plan.base().toString());
        Version current = version(service);
        v.put("current", current != null ? current.toString() : plan.current() == null ? "" : plan.current().toString());
        plan.vars().forEach(v::putIfAbsent); // the compiler refused run-level names that shadow a built-in
        return v;
    }

    /** The values a check captured so far in this run; the check's phases run one at a time, each on one thread. */
    Map<String, String> captured(String check) {
        return captures.computeIfAbsent(check, c -> new ConcurrentHashMap<>());
    }

    boolean configured() {
        return configured;
    }

    void markConfigured() {
        configured = true;
    }
}
