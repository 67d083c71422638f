package dev.harness.plan;

import dev.harness.model.Action;
import dev.harness.model.Scenario;
import dev.harness.model.Step;
import dev.harness.model.SupportService;
import dev.harness.model.SystemKind;
import dev.harness.model.Version;
import java.util.List;
import java.util.function.Function;

/**
 * The steps the compiler inserts, as Materialize's {@code Scenario.run()} inserts {@code ConfigureMz}:
 * after every writable start {@code configure} then {@code assert-version}; after every promote
 * {@code assert-version} (the candidate must now report the version it was started with). With consistency on,
 * as testdrive checks the system's consistency after every fragment: {@code consistency} after every phase step on
 * the service that ran it, and after the last step on the leader.
 */
final class ImplicitSteps {
    static final String AFTER_START = "implicit after start";
    static final String AFTER_PROMOTE = "implicit after promote";
    static final String AFTER_PHASE = "implicit after phase";
    static final String AFTER_LAST_STEP = "implicit after the last step";
    static final String BEFORE_FIRST_STEP = "implicit before the first step";

    private ImplicitSteps() {}

    /**
     * A declared service starts before the first step, at its declaration's position, unless the first step that names
     * it is a {@code start:} (a scenario that starts it later, or that kills and restarts it, gets the implicit start).
     * The system's own services (Materialize's metadata store) always start first: its servers need them from their start.
     */
    static List<Action> servicesBefore(Scenario scenario, List<SupportService> services, SystemKind system) {
        java.util.Map<String, Boolean> firstIsStart = new java.util.HashMap<>();
        for (Step step : scenario.steps()) {
            String named = named(step);
            if (named != null) firstIsStart.putIfAbsent(named, step instanceof Step.Start);
        }
        return services.stream().filter(s -> system.owns(s.name()) || !firstIsStart.getOrDefault(s.name(), false))
                .<Action>map(s -> new Action.StartService(s.name(), s.system(), s.version(), s.source(), BEFORE_FIRST_STEP)).toList();
    }

    /** The service a step names, or null (a macro or a phase on the leader). */
    private static String named(Step step) {
        if (step instanceof Step.Start s) return s.service();
        if (step instanceof Step.Direct d) return d.action().service();
        if (step instanceof Step.Sql q) return q.on();
        if (step instanceof Step.RunPhase r) return r.on();
        return null;
    }

    /**
     * @param versionOf   the version a service runs at this point, or null when unknown
     * @param consistency whether the plan checks consistency after its phases
     */
    static List<Action> after(Action action, Function<String, Version> versionOf, boolean consistency) {
        if (action instanceof Action.RunPhase r && consistency) {
            return List.of(new Action.Consistency(r.service(), r.source(), AFTER_PHASE));
        }
        if (action instanceof Action.Start s && !s.readOnly()) {
            return List.of(
                    new Action.Configure(s.service(), s.source(), AFTER_START),
                    new Action.AssertVersion(s.service(), s.version(), s.source(), AFTER_START));
        }
        if (action instanceof Action.Promote p && versionOf.apply(p.service()) != null) {
            return List.of(new Action.AssertVersion(p.service(), versionOf.apply(p.service()), p.source(), AFTER_PROMOTE));
        }
        return List.of();
    }

    /**
     * After the last step, unless that was a phase (whose consistency step came right after it): the state the scenario
     * leaves behind on the leader, once the checks' objects exist (before {@code initialize} there is nothing of theirs
     * to check) and while a writable leader is running.
     *
     * @param leader the writable leader at the end, or null
     */
    static List<Action> atEnd(List<Action> actions, String leader, boolean initialized, boolean consistency) {
        if (!consistency || !initialized || leader == null || actions.isEmpty()) return List.of();
        Action last = actions.get(actions.size() - 1);
        if (last instanceof Action.Consistency) return List.of();
        return List.of(new Action.Consistency(leader, last.source(), AFTER_LAST_STEP));
    }
}
