package dev.harness.plan;

import dev.harness.model.Action;
import dev.harness.model.Check;
import dev.harness.model.HarnessConfig;
import dev.harness.model.HarnessException;
import dev.harness.model.Plan;
import dev.harness.model.PlannedCheck;
import dev.harness.model.Problem;
import dev.harness.model.Scenario;
import dev.harness.model.SourceRef;
import dev.harness.model.Step;
import dev.harness.model.SystemKinds;
import dev.harness.model.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario + checks + config -> Plan: resolves version names, expands macros, inserts the implicit
 * configure/assert-version/consistency steps, runs the static checks, gates and orders the checks by seed.
 * Throws {@link dev.harness.model.HarnessException.InvalidInput} with file:line:column problems.
 */
public final class Compiler {
    private Compiler() {}

    /**
     * @param system  "postgres" | "materialize" (already resolved from CLI/config)
     * @param runtime "process" | "docker"
     * @param seed    check order and random upgrade paths
     */
    public static Plan compile(Scenario scenario, List<Check> checks, HarnessConfig config, String system, String runtime, long seed) {
        String runtimeProblem = SystemKinds.runtimeProblem(SystemKinds.require(system), runtime);
        if (runtimeProblem != null) throw new HarnessException.InvalidInput(runtimeProblem);
        requireSystemAllowed(scenario, system);
        Version current = config.current(system);
        if (current == null) throw new HarnessException.InvalidInput("no current version configured for " + system + " (set current in harness.yaml)");

        ProblemList problems = new ProblemList();
        VersionResolver versions = new VersionResolver(system, config.catalog(system) == null ? List.of() : config.catalog(system), current);
        // The path has its own stream: adding a check must not change the upgrade path, and vice versa.
        MacroExpander macros = new MacroExpander(versions, new RandomUpgradePath(RandomUpgradePath.randomFor(seed)), problems);
        DeclaredServices services = DeclaredServices.resolve(scenario, config, system, runtime, problems);
        StepTranslator translator = new StepTranslator(versions, macros, new StartRules(system, versions, problems), services, problems);
        PlanValidator state = new PlanValidator(problems);
        // before gating (the base is not known yet): every check that may run for this system
        state.checksReach(services.reachedBy(checks.stream().filter(c -> c.disabled() == null && services.skipReason(c) == null
                && (c.systems() == null || c.systems().isEmpty() || c.systems().contains(system))).toList()));

        boolean consistency = scenario.consistency() != null ? scenario.consistency() : config.consistency();
        List<Action> actions = new ArrayList<>();
        for (Action start : ImplicitSteps.servicesBefore(scenario, services.all(), SystemKinds.require(system))) {
            state.apply(start);
            actions.add(start);
        }
        for (Step step : scenario.steps()) {
            for (Action action : translator.translate(step, state)) {
                state.apply(action);
                actions.add(action);
                for (Action implicit : ImplicitSteps.after(action, state::versionOf, consistency)) {
                    state.apply(implicit);
                    actions.add(implicit);
                }
            }
        }
        for (Action implicit : ImplicitSteps.atEnd(actions, state.leader().map(ServiceState::name).orElse(null), state.initialized(),
                consistency)) {
            state.apply(implicit);
            actions.add(implicit);
        }
        state.finish();
        Version base = base(scenario, actions, versions, problems);
        problems.throwIfAny();

        List<PlannedCheck> planned = new ArrayList<>();
        for (Check c : checks) {
            String reason = CheckGate.skipReason(c, system, base, scenario.scope());
            planned.add(new PlannedCheck(c, reason != null ? reason : services.skipReason(c)));
        }
        List<Check> running = planned.stream().filter(PlannedCheck::runs).map(PlannedCheck::check).toList();
        services.checkReferences(running);
        for (Check c : running) VariableRules.check(c, config.vars(), problems);
        VariableRules.scenarioSql(actions, config.vars(), problems);
        problems.throwIfAny();
        return new Plan(
                scenario.name(),
                scenario.description(),
                scenario.source().file(),
                system,
                runtime,
                seed,
                base,
                versions.catalog(),
                current,
                CheckOrder.order(planned, seed),
                List.copyOf(actions),
                PlanSettings.of(config, system),
                services.all(),
                config.vars());
    }

    /** A scenario written for some systems only ({@code systems:}) is refused on the others, at that key. */
    private static void requireSystemAllowed(Scenario scenario, String system) {
        Scenario.Scope scope = scenario.scope();
        if (scope.allows(system)) return;
        SourceRef where = scope.systemsSource() != null ? scope.systemsSource() : scenario.source();
        throw new HarnessException.InvalidInput(List.of(new Problem(where, "scenario " + scenario.name() + " runs on "
                + String.join(", ", scope.systems()) + " only, not on " + system)));
    }

    /** The scenario's {@code base}, else the version of the first start. */
    private static Version base(Scenario scenario, List<Action> actions, VersionResolver versions, ProblemList problems) {
        if (scenario.base() != null) {
            VersionResolver.Result r = versions.resolve(scenario.base());
            if (!r.ok()) problems.add(scenario.source(), "base: " + r.error());
            return r.version();
        }
        for (Action a : actions) {
            if (a instanceof Action.Start s) return s.version();
        }
        problems.add(scenario.source(), "the scenario starts no service");
        return null;
    }
}
