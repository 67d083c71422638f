package dev.harness.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scenario step as written in YAML. Versions are still names ({@code last}, {@code current}, literals);
 * the compiler resolves them and expands the macros {@link Upgrade} and {@link UpgradePath} into
 * primitive {@link Action}s.
 */
public sealed interface Step {
    SourceRef source();

    /** Hands this step to the visitor's method for its record. */
    <R> R accept(Visitor<R> v);

    /** One method per step record, so a step the compiler does not translate fails compilation. */
    interface Visitor<R> {
        R start(Start s);

        R direct(Direct s);

        R runPhase(RunPhase s);

        R sql(Sql s);

        R upgrade(Upgrade s);

        R upgradePath(UpgradePath s);
    }

    enum Via { RESTART, ZERO_DOWNTIME }

    /**
     * A step that is already its action: nothing in it needs resolving ({@code kill}, {@code stop},
     * {@code await-ready}, {@code promote}, {@code sleep}). A new step kind of this sort needs no step record
     * and no translation rule: the mapper builds the action and the compiler takes it as it is.
     */
    record Direct(Action action) implements Step {
        @Override
        public SourceRef source() {
            return action.source();
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.direct(this);
        }
    }

    /** @param keys the settings written under {@code start:}, for whichever system (the compiler keeps its plan's) */
    record Start(String service, String version, boolean readOnly, Integer generation, StartKeys keys, SourceRef source) implements Step {
        public Start(String service, String version, boolean readOnly, Integer generation, SourceRef source) {
            this(service, version, readOnly, generation, StartKeys.NONE, source);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.start(this);
        }
    }

    /** {@code initialize}, {@code manipulate: N}, {@code validate}; {@code on} = target service or null for the leader. */
    record RunPhase(Phase phase, String on, SourceRef source) implements Step {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.runPhase(this);
        }
    }

    /** Ad hoc statements, e.g. a system variable change; {@code on} null = leader. */
    record Sql(List<String> statements, String on, boolean asSystem, SourceRef source) implements Step {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.sql(this);
        }
    }

    /** Macro: upgrade the leader to {@code to} by restart (kill + start) or zero-downtime (candidate + promote). */
    record Upgrade(String to, Via via, SourceRef source) implements Step {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.upgrade(this);
        }
    }

    /**
     * Where an {@code upgrade-path} puts the check phases: {@code NONE} leaves them to the scenario's own steps;
     * {@code RANDOM} places manipulate 1 and 2 at seeded random points of the path and validates after its last hop.
     */
    enum PhasePlacement { NONE, RANDOM }

    /**
     * Macro: hop through {@code versions} (null = random from the catalog) ending on current.
     *
     * @param versionSources where each of {@code versions} is written (same size), so a hop that goes down can be
     *                       pointed at; null when the versions are random
     * @param phases         whether the macro places the manipulate and validate phases itself
     */
    record UpgradePath(List<String> versions, List<SourceRef> versionSources, Via via, int max, PhasePlacement phases,
            SourceRef source) implements Step {
        /** A path that places no phases. */
        public UpgradePath(List<String> versions, List<SourceRef> versionSources, Via via, int max, SourceRef source) {
            this(versions, versionSources, via, max, PhasePlacement.NONE, source);
        }

        /** Every version positioned at the step itself (plans built in code). */
        public UpgradePath(List<String> versions, Via via, int max, SourceRef source) {
            this(versions, versions == null ? null : versions.stream().map(v -> source).toList(), via, max, source);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.upgradePath(this);
        }
    }

    /**
     * The settings of a {@code start:} as written, before the compiler knows the plan's system.
     *
     * @param postgres               the PostgreSQL keys (null when none is written)
     * @param materialize            the Materialize keys, {@code system-parameter-version} not yet resolved (null when none)
     * @param systemParameterVersion the version name written, or null
     * @param where                  position of every written key: {@code settings}, {@code settings.work_mem}, {@code env}, …
     */
    record StartKeys(StartSettings.Postgres postgres, StartSettings.Materialize materialize, String systemParameterVersion,
            Map<String, SourceRef> where) {
        public static final StartKeys NONE = new StartKeys(null, null, null, Map.of());

        public StartKeys {
            where = where == null ? Map.of() : Map.copyOf(where);
        }

        /** The top-level keys written, in the order {@link StartSettings#KEYS} lists them. */
        public List<String> written() {
            List<String> out = new ArrayList<>();
            StartSettings.KEYS.values().forEach(keys -> keys.stream().filter(where::containsKey).forEach(out::add));
            return out;
        }
    }
}
