package dev.harness.plan;

import dev.harness.model.Action;
import dev.harness.model.SourceRef;
import dev.harness.model.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Simulates the services' states along the plan so that a plan that cannot run is rejected before any
 * server starts: phases in the wrong order, phases or SQL on a service that is not running or is a
 * read-only candidate, promoting something that is not a candidate, kill/stop of a stopped service,
 * starting a running one, unknown services. It also tracks the leader, the writable service that
 * phases without {@code on} run against.
 */
final class PlanValidator {
    private final ProblemList problems;
    private final Map<String, ServiceState> services = new LinkedHashMap<>();
    private final Map<String, SourceRef> firstStart = new LinkedHashMap<>();
    /** References to services that had not been started at that point; judged in {@link #finish()}. */
    private final List<Reference> early = new ArrayList<>();
    /** The services the scenario declares besides the system under test: never the leader, never a phase's target. */
    private final java.util.Set<String> declared = new java.util.HashSet<>();
    /** The declared services the checks' statements reach ({@code on:}, {@code ${name.…}}): every phase needs them running. */
    private java.util.Set<String> reachedByChecks = java.util.Set.of();
    private String leader;
    private SourceRef leaderLost;
    private boolean initialized;
    private boolean manipulated1;
    private boolean manipulated2;

    private record Reference(String service, String what, SourceRef where) {}

    private final Transitions transitions = new Transitions();

    PlanValidator(ProblemList problems) {
        this.problems = problems;
    }

    void checksReach(java.util.Set<String> services) {
        reachedByChecks = java.util.Set.copyOf(services);
    }

    /** The running writable leader, if any. */
    Optional<ServiceState> leader() {
        return leader == null ? Optional.empty() : Optional.of(services.get(leader));
    }

    Optional<ServiceState> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /** Whether {@code initialize} has run so far. */
    boolean initialized() {
        return initialized;
    }

    /** Whether a manipulate phase has run so far. */
    boolean manipulated() {
        return manipulated1 || manipulated2;
    }

    Version versionOf(String service) {
        ServiceState s = services.get(service);
        return s == null ? null : s.version();
    }

    void apply(Action action) {
        action.accept(transitions);
    }

    /** How each kind of action changes (or requires) the services' states: one method per action record. */
    private final class Transitions implements Action.Visitor<Void, RuntimeException> {
        @Override
        public Void start(Action.Start a) {
            PlanValidator.this.start(a, true);
            return null;
        }

        @Override
        public Void startService(Action.StartService a) {
            declared.add(a.service());
            PlanValidator.this.start(new Action.Start(a.service(), a.version(), false, null, a.source(), a.origin()), false);
            return null;
        }

        @Override
        public Void kill(Action.Kill a) {
            halt(a.service(), "kill " + a.service(), a.source());
            return null;
        }

        @Override
        public Void stop(Action.Stop a) {
            halt(a.service(), "stop " + a.service(), a.source());
            return null;
        }

        @Override
        public Void awaitReady(Action.AwaitReady a) {
            if (declared.contains(a.service())) {
                problems.add(a.source(), "await-ready " + a.service() + ": " + a.service() + " is a declared service, not a candidate to promote");
            } else {
                requireRunning(a.service(), "await-ready " + a.service(), a.source());
            }
            return null;
        }

        @Override
        public Void promote(Action.Promote a) {
            PlanValidator.this.promote(a);
            return null;
        }

        /** Directly follows the start or promote it belongs to. */
        @Override
        public Void configure(Action.Configure a) {
            return null;
        }

        /** Directly follows the start or promote it belongs to. */
        @Override
        public Void assertVersion(Action.AssertVersion a) {
            return null;
        }

        /**
         * Directly follows the phase it checks, on that phase's service (whose rule reports a service that cannot take
         * it, once), or is the last step on the running leader.
         */
        @Override
        public Void consistency(Action.Consistency a) {
            return null;
        }

        @Override
        public Void runPhase(Action.RunPhase a) {
            phase(a);
            return null;
        }

        /** Touches no service. */
        @Override
        public Void sleep(Action.Sleep a) {
            return null;
        }

        @Override
        public Void sql(Action.Sql a) {
            requireWritable(a.service(), "sql", a.source());
            return null;
        }
    }

    /** @param mayLead whether a writable start may become the leader (a declared service never does) */
    private void start(Action.Start s, boolean mayLead) {
        ServiceState before = services.get(s.service());
        if (before != null && before.running()) {
            problems.add(s.source(), "start " + s.service() + ": " + s.service() + " is already running (started at "
                    + before.since().fileLine() + "); kill or stop it first");
        }
        services.put(s.service(), new ServiceState(s.service(), ServiceState.Status.RUNNING, s.readOnly(), s.version(),
                s.generation(), s.settings(), s.source()));
        firstStart.putIfAbsent(s.service(), s.source());
        if (mayLead && !s.readOnly() && leader == null) leader = s.service();
    }

    private void halt(String service, String what, SourceRef where) {
        ServiceState s = known(service, what, where);
        if (s == null) return;
        if (s.status() == ServiceState.Status.STOPPED) {
            problems.add(where, what + ": " + service + " is not running (" + s.whyNotRunning() + ")");
            return;
        }
        services.put(service, s.with(ServiceState.Status.STOPPED, where));
        loseLeader(service, where);
    }

    private void promote(Action.Promote p) {
        String what = "promote " + p.service();
        ServiceState candidate = requireRunning(p.service(), what, p.source());
        if (candidate == null) return;
        if (!candidate.readOnly()) {
            problems.add(p.source(), what + ": " + p.service() + " is not a read-only candidate (it was started writable at "
                    + candidate.since().fileLine() + ")");
            return;
        }
        if (leader != null) {
            services.put(leader, services.get(leader).with(ServiceState.Status.FENCED, p.source()));
        }
        services.put(p.service(), new ServiceState(p.service(), ServiceState.Status.RUNNING, false, candidate.version(),
                candidate.generation(), candidate.settings(), p.source()));
        leader = p.service();
    }

    private void phase(Action.RunPhase r) {
        String what = r.phase().label();
        switch (r.phase()) {
            case INITIALIZE -> {
                if (initialized) problems.add(r.source(), "initialize runs twice: the checks' objects already exist");
                initialized = true;
            }
            case MANIPULATE_1 -> {
                requireInitialized(r);
                manipulated1 = true;
            }
            case MANIPULATE_2 -> {
                if (requireInitialized(r) && !manipulated1) {
                    problems.add(r.source(), "manipulate 2 before manipulate 1: phase 2 builds on what phase 1 did");
                }
                manipulated2 = true;
            }
            case VALIDATE -> {
                // validate asserts the state after both manipulate phases; earlier it can only fail.
                if (requireInitialized(r) && !manipulated2) {
                    problems.add(r.source(), "validate before manipulate 2: validate expects the state after both manipulate phases");
                }
            }
        }
        if (declared.contains(r.service())) {
            problems.add(r.source(), what + " on " + r.service() + ": " + r.service() + " is a declared service; check phases run on the"
                    + " system under test (a statement reaches " + r.service() + " with 'on: " + r.service() + "')");
            return;
        }
        requireWritable(r.service(), what, r.source());
        for (String reached : reachedByChecks) {
            ServiceState st = services.get(reached);
            if (st != null && !st.running()) {
                problems.add(r.source(), what + ": the checks reach " + reached + ", which is not running (" + st.whyNotRunning() + ")");
            } else if (st == null) {
                problems.add(r.source(), what + ": the checks reach " + reached + ", which is not started yet");
            }
        }
    }

    private boolean requireInitialized(Action.RunPhase r) {
        if (initialized) return true;
        problems.add(r.source(), r.phase().label() + " before initialize: the checks' objects do not exist yet");
        return false;
    }

    /** Phases and SQL need a running writable service; a null service means "the leader" and there is none. */
    private void requireWritable(String service, String what, SourceRef where) {
        if (service == null) {
            problems.add(where, what + ": no writable leader is running"
                    + (leaderLost == null ? "" : " (the last one went away at " + leaderLost.fileLine() + ")"));
            return;
        }
        ServiceState s = requireRunning(service, what + " on " + service, where);
        if (s != null && s.readOnly()) {
            problems.add(where, what + " on " + service + ": " + service
                    + " is a read-only candidate; promote it first or run the phase on the leader");
        }
    }

    private ServiceState requireRunning(String service, String what, SourceRef where) {
        ServiceState s = known(service, what, where);
        if (s == null) return null;
        if (!s.running()) {
            problems.add(where, what + ": " + service + " is not running (" + s.whyNotRunning() + ")");
            return null;
        }
        return s;
    }

    private ServiceState known(String service, String what, SourceRef where) {
        ServiceState s = services.get(service);
        if (s == null) early.add(new Reference(service, what, where));
        return s;
    }

    private void loseLeader(String service, SourceRef where) {
        if (service.equals(leader)) {
            leader = null;
            leaderLost = where;
        }
    }

    /** Judges references to services not started at that point: started later, or never (unknown). */
    void finish() {
        for (Reference r : early) {
            SourceRef started = firstStart.get(r.service());
            if (started != null) {
                problems.add(r.where(), r.what() + ": " + r.service() + " is not running yet (it is first started at "
                        + started.fileLine() + ")");
            } else {
                problems.add(r.where(), r.what() + ": unknown service '" + r.service() + "': no step starts it"
                        + (firstStart.isEmpty() ? "" : " (services: " + String.join(", ", firstStart.keySet()) + ")"));
            }
        }
        early.clear();
    }
}
