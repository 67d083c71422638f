package dev.harness.plan;

import dev.harness.model.Action;
import dev.harness.model.Scenario;
import dev.harness.model.Step;
import dev.harness.model.SupportService;
import dev.harness.model.Version;
import java.util.List;
import java.util.function.Function;

/**
 * The steps the compiler inserts, as Materialize's {@code Scenario.run()} inserts {@code ConfigureMz}:
 * after every writable start {@code configure} then {@code assert-version}; after every promote
 * {@code assert-version} (the candidate must now report the version it was started with).
 */
final class ImplicitSteps {
    static final String AFTER_START = "implicit after start";
    static final String AFTER_PROMOTE = "implicit after promote";
    static final String BEFORE_FIRST_STEP = "implicit before the first step";

    private ImplicitSteps() {}

    /**
     * A declared service starts before the first step unless a {@code start:} step names it, at the declaration's
     * position (the step that starts it is the scenario's {@code services:} entry).
     */
    static List<Action> servicesBefore(Scenario scenario, List<SupportService> services) {
        java.util.Set<String> startedBySteps = new java.util.HashSet<>();
        for (Step step : scenario.steps()) if (step instanceof Step.Start s) startedBySteps.add(s.service());
        return services.stream().filter(s -> !startedBySteps.contains(s.name()))
                .<Action>map(s -> new Action.StartService(s.name(), s.system(), s.version(), s.source(), BEFORE_FIRST_STEP)).toList();
    }

    /** @param versionOf the version a service runs at this point, or null when unknown */
    static List<Action> after(Action action, Function<String, Version> versionOf) {
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
}
