package dev.harness.plan;

import dev.harness.model.Action;
import dev.harness.model.Step;
import dev.harness.model.Version;
import java.util.List;

/**
 * One scenario step -> primitive actions: resolves version names, points phases and SQL without
 * {@code on} at the current leader, and hands macros to the {@link MacroExpander}.
 */
final class StepTranslator {
    private final VersionResolver versions;
    private final MacroExpander macros;
    private final StartRules startRules;
    private final DeclaredServices services;
    private final ProblemList problems;

    StepTranslator(VersionResolver versions, MacroExpander macros, StartRules startRules, DeclaredServices services, ProblemList problems) {
        this.versions = versions;
        this.macros = macros;
        this.startRules = startRules;
        this.services = services;
        this.problems = problems;
    }

    List<Action> translate(Step step, PlanValidator state) {
        return step.accept(new Rules(state));
    }

    /** The compile rule of each kind of step, in the services' state before it. */
    private final class Rules implements Step.Visitor<List<Action>> {
        private final PlanValidator state;

        Rules(PlanValidator state) {
            this.state = state;
        }

        @Override
        public List<Action> start(Step.Start s) {
            if (services.declared(s.service())) return List.of(startService(s));
            if (s.version() == null) {
                problems.add(s.source(), "start " + s.service() + ": only a service declared under 'services:' starts without a version;"
                        + " write start: {service: " + s.service() + ", version: …}");
                return List.of();
            }
            Version version = version(s.version(), s);
            return List.of(new Action.Start(s.service(), version, s.readOnly(), s.generation(), startRules.settings(s, version),
                    s.source(), null));
        }

        @Override
        public List<Action> direct(Step.Direct d) {
            return List.of(d.action());
        }

        @Override
        public List<Action> runPhase(Step.RunPhase r) {
            return List.of(new Action.RunPhase(r.phase(), target(r.on(), state), r.source(), null));
        }

        @Override
        public List<Action> sql(Step.Sql q) {
            for (String statement : q.statements()) services.checkSql(statement, q.source());
            return List.of(new Action.Sql(List.copyOf(q.statements()), target(q.on(), state), q.asSystem(), q.source(), null));
        }

        @Override
        public List<Action> upgrade(Step.Upgrade u) {
            return macros.upgrade(u, state.leader());
        }

        @Override
        public List<Action> upgradePath(Step.UpgradePath p) {
            return macros.upgradePath(p, state.leader(), state.manipulated());
        }
    }

    /** A declared service takes its system and version from its declaration: the step may only name it. */
    private Action startService(Step.Start s) {
        if (s.version() != null || s.readOnly() || s.generation() != null) {
            problems.add(s.source(), "start " + s.service() + ": " + s.service() + " is declared under 'services:', which gives its"
                    + " system and version; write start: " + s.service());
        }
        var declared = services.get(s.service());
        return new Action.StartService(s.service(), declared.system(), declared.version(), s.source(), null);
    }

    /** Null when the name is unknown: the problem is recorded and compilation fails at the end anyway. */
    private Version version(String name, Step step) {
        VersionResolver.Result r = versions.resolve(name);
        if (!r.ok()) problems.add(step.source(), r.error());
        return r.version();
    }

    private static String target(String on, PlanValidator state) {
        if (on != null) return on;
        return state.leader().map(ServiceState::name).orElse(null);
    }
}
