package dev.harness.plan;

import dev.harness.model.SystemKind;
import dev.harness.model.SystemKinds;
import dev.harness.model.Action;
import dev.harness.model.Durations;
import dev.harness.model.Plan;
import dev.harness.model.SupportService;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plan read back from JSON is input: it may be truncated, hand-edited or hostile. Before it is run, every field
 * the executor, the runtimes and the reports rely on is checked here, with the guarantees the compiler gives a
 * plan it makes: names that are names (they become folders, containers and log files), versions, durations in
 * range, settings {@code --set} would accept, and no action on a service that no earlier action started.
 */
final class ReplayedPlan {
    /** The largest generation a scenario may give (the schema's bound). */
    private static final int MAX_GENERATION = 1_000_000;

    private final FieldProblems problems = new FieldProblems();

    private ReplayedPlan() {}

    /** Every problem as {@code field: message}; empty when the plan can run. */
    static List<String> problems(Plan plan) {
        ReplayedPlan r = new ReplayedPlan();
        r.plan(plan);
        return r.problems.list();
    }

    private void plan(Plan p) {
        problems.entity("scenario", p.scenario());
        problems.required("scenarioFile", p.scenarioFile());
        problems.oneOf("system", p.system(), SystemKinds.names());
        problems.oneOf("runtime", p.runtime(), SystemKinds.runtimes());
        SystemKinds.find(p.system()).ifPresent(kind -> {
            String problem = p.runtime() == null || !SystemKinds.runtimes().contains(p.runtime()) ? null : SystemKinds.runtimeProblem(kind, p.runtime());
            if (problem != null) problems.add("runtime", problem);
        });
        problems.required("base", p.base());
        problems.required("current", p.current());
        problems.each("versions", p.versions(), (field, v) -> { }); // each() reports null items
        new ReplayedChecks(problems).checks(p.checks());
        services(p.services());
        SystemKinds.find(p.system()).ifPresent(kind -> ownServices(kind, p));
        actions(p.actions(), p);
        settings(p.settings());
        vars(p);
    }

    /**
     * The run-level variables are names and values as {@code --var} would give them, and with them every check that runs
     * refers only to variables it defines: a replay never sends a {@code ${…}} either.
     */
    private void vars(Plan p) {
        p.vars().forEach((name, value) -> {
            String problem = dev.harness.model.VariableText.runNameProblem(name);
            if (problem != null) problems.add("vars", problem);
            if (value == null) problems.add("vars[\"" + name + "\"]", "has no value");
        });
        if (!problems.list().isEmpty() || p.checks() == null) return; // the checks' shape is reported; their text is not read
        List<dev.harness.model.Check> running = p.checks().stream().filter(c -> c.runs()).map(c -> c.check()).toList();
        for (dev.harness.model.Problem problem : VariableRules.problems(running, p.vars())) problems.add("checks", problem.toString());
    }

    /** Declared services become containers, folders and {@code -c} options: names, systems and setting names as compiled. */
    private void services(List<SupportService> services) {
        problems.each("services", services, (field, s) -> {
            problems.service(field + ".name", s.name());
            problems.source(field + ".source", s.source());
            problems.oneOf(field + ".system", s.system(), DeclaredServices.CAN_SERVE);
            problems.required(field + ".version", s.version());
            s.settings().forEach((name, value) -> {
                String problem = DeclaredServices.settingProblem(name);
                if (problem != null) problems.add(field + ".settings", problem);
                if (value == null) problems.add(field + ".settings", "'" + name + "' has no value");
            });
        });
    }

    /** The system's own services (Materialize's metadata store) are in every plan of it, as the compiler declares them. */
    private void ownServices(SystemKind kind, Plan plan) {
        for (var own : kind.ownServices()) {
            SupportService declared = plan.services() == null ? null : plan.services().stream()
                    .filter(s -> s != null && own.name().equals(s.name())).findFirst().orElse(null);
            if (declared == null) {
                problems.add("services", "a " + kind.name() + " plan declares its service " + own.name() + ", this one does not");
            } else if (!own.system().equals(declared.system())) {
                problems.add("services", own.name() + " is a " + own.system() + " service in every " + kind.name() + " plan, not " + declared.system());
            }
        }
    }

    private void actions(List<Action> actions, Plan plan) {
        if (!problems.required("actions", actions)) return;
        if (actions.isEmpty()) problems.add("actions", "empty: the plan does nothing");
        Set<String> started = new HashSet<>();
        problems.each("actions", actions, (field, action) -> {
            problems.source(field + ".source", action.source());
            if (action instanceof Action.Sleep s) {
                String problem = s.millis() < 0 ? "negative" : Durations.problem(Duration.ofMillis(s.millis()));
                if (problem != null) problems.add(field + ".millis", problem);
                return;
            }
            boolean named = problems.service(field + ".service", action.service());
            if (action instanceof Action.Start s) {
                start(field, s, plan);
                started.add(s.service());
            } else if (action instanceof Action.StartService s) {
                if (named) startService(field, s, plan);
                started.add(s.service());
            } else if (named && !started.contains(action.service())) {
                problems.add(field + ".service", "'" + action.service() + "' is not started by an earlier action");
            }
            details(field, action);
        });
    }

    private void start(String field, Action.Start s, Plan p) {
        problems.required(field + ".version", s.version());
        StartRules.replayed(field, s, p.system(), p.current()).forEach(problems.list()::add);
        if (s.generation() != null && (s.generation() < 0 || s.generation() > MAX_GENERATION)) {
            problems.add(field + ".generation", s.generation() + " is not from 0 to " + MAX_GENERATION);
        }
    }

    /** A declared service starts as the plan declares it, and only then. */
    private void startService(String field, Action.StartService s, Plan plan) {
        SupportService declared = plan.supportService(s.service()).orElse(null);
        if (declared == null) {
            problems.add(field + ".service", "'" + s.service() + "' is not one of the plan's services");
        } else if (!declared.system().equals(s.system()) || !java.util.Objects.equals(declared.version(), s.version())) {
            problems.add(field, "starts " + s.system() + " " + s.version() + ", but the plan's services declare " + declared.describe());
        }
    }

    private void details(String field, Action action) {
        if (action instanceof Action.AssertVersion a) {
            problems.required(field + ".version", a.version());
        } else if (action instanceof Action.RunPhase r) {
            problems.required(field + ".phase", r.phase());
        } else if (action instanceof Action.Sql q) {
            problems.each(field + ".statements", q.statements(), (f, sql) -> { }); // each() reports null items
            if (q.statements() != null && q.statements().isEmpty()) problems.add(field + ".statements", "empty");
        }
    }

    /** The settings are {@code --set} pairs in effect: each must be one {@code --set} accepts. */
    private void settings(Map<String, String> settings) {
        if (settings == null) return;
        settings.forEach((key, value) -> {
            String problem = ConfigOverrides.problem(key, value);
            if (problem != null) problems.add("settings[\"" + key + "\"]", problem);
        });
    }
}
