package dev.harness.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.util.List;

/**
 * One step of a compiled plan: primitive, with versions resolved to literals. Every action keeps the
 * source position of the YAML step it came from; {@code origin} says why it exists when it was not
 * written literally (e.g. {@code "implicit after start"}, {@code "upgrade macro"}), and is null otherwise.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "action")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Action.Start.class, name = "start"),
    @JsonSubTypes.Type(value = Action.StartService.class, name = "start-service"),
    @JsonSubTypes.Type(value = Action.Kill.class, name = "kill"),
    @JsonSubTypes.Type(value = Action.Stop.class, name = "stop"),
    @JsonSubTypes.Type(value = Action.AwaitReady.class, name = "await-ready"),
    @JsonSubTypes.Type(value = Action.Promote.class, name = "promote"),
    @JsonSubTypes.Type(value = Action.Configure.class, name = "configure"),
    @JsonSubTypes.Type(value = Action.AssertVersion.class, name = "assert-version"),
    @JsonSubTypes.Type(value = Action.RunPhase.class, name = "phase"),
    @JsonSubTypes.Type(value = Action.Consistency.class, name = "consistency"),
    @JsonSubTypes.Type(value = Action.Sleep.class, name = "sleep"),
    @JsonSubTypes.Type(value = Action.Sql.class, name = "sql")
})
public sealed interface Action {
    SourceRef source();

    String origin();

    /** True for steps the compiler inserted (configure, assert-version, consistency). */
    default boolean implicit() {
        return origin() != null && origin().startsWith("implicit");
    }

    /**
     * The step's one-line title, e.g. {@code start db_2 15.19 (read-only, generation 1)}: the words {@code harness
     * plan}, the console, junit.xml and report.html all print. Each record says its own, so a new action cannot
     * be left untitled.
     */
    String title();

    /** The title as the plan numbers it: only phases take the label {@link ActionTitle#phaseLabels} gives them. */
    default String title(String phaseLabel) {
        return title();
    }

    /** The service the action targets, or null (sleep). */
    String service();

    /** Hands this action to the visitor's method for its record. */
    <R, X extends Exception> R accept(Visitor<R, X> v) throws X;

    /**
     * One method per action record: every concern that depends on the kind of action (title, validation,
     * execution) is a visitor, so a new record that a concern does not handle fails compilation.
     *
     * @param <X> what the visits may throw ({@link RuntimeException} when nothing checked)
     */
    interface Visitor<R, X extends Exception> {
        R start(Start a) throws X;

        R startService(StartService a) throws X;

        R kill(Kill a) throws X;

        R stop(Stop a) throws X;

        R awaitReady(AwaitReady a) throws X;

        R promote(Promote a) throws X;

        R configure(Configure a) throws X;

        R assertVersion(AssertVersion a) throws X;

        R runPhase(RunPhase a) throws X;

        R consistency(Consistency a) throws X;

        R sleep(Sleep a) throws X;

        R sql(Sql a) throws X;
    }

    /** The name of the action's kind, as plan.json and report.html write it: the JSON type name. */
    static String kind(Action action) {
        for (JsonSubTypes.Type t : Action.class.getAnnotation(JsonSubTypes.class).value()) {
            if (t.value() == action.getClass()) return t.name();
        }
        throw new IllegalStateException("no JSON type name for " + action.getClass().getName()); // ActionFamiliesTest guards this
    }

    /**
     * @param generation deploy generation (Materialize {@code --deploy-generation}); null = not given
     * @param readOnly   start as a read-only candidate that is promoted later
     * @param settings   what this start sets beyond its version, for the plan's system; null = nothing
     */
    record Start(String service, Version version, boolean readOnly, Integer generation, StartSettings settings, SourceRef source,
            String origin) implements Action {
        /** A start that sets nothing beyond its version. */
        public Start(String service, Version version, boolean readOnly, Integer generation, SourceRef source, String origin) {
            this(service, version, readOnly, generation, null, source, origin);
        }

        /** The settings' {@code key: value} lines, none when it sets nothing. */
        public List<String> describeSettings() {
            return settings == null ? List.of() : settings.describe();
        }

        @Override
        public String title() {
            String extra = readOnly
                    ? " (read-only" + (generation == null ? "" : ", generation " + generation) + ")"
                    : generation == null ? "" : " (generation " + generation + ")";
            return "start " + service + " " + version + extra;
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
            return v.start(this);
        }
    }

    /**
     * Start a service the scenario declares ({@link SupportService}) as the plan's {@code services} describe it; its
     * system and version are repeated here for the title and checked against the declaration on replay.
     */
    record StartService(String service, String system, Version version, SourceRef source, String origin) implements Action {
        @Override
        public String title() {
            return "start " + service + " " + version + " (service, " + system + ")";
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
            return v.startService(this);
        }
    }

    record Kill(String service, SourceRef source, String origin) implements Action {
        @Override
        public String title() {
            return "kill " + service;
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
            return v.kill(this);
        }
    }

    record Stop(String service, SourceRef source, String origin) implements Action {
        @Override
        public String title() {
            return "stop " + service;
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
            return v.stop(this);
        }
    }

    record AwaitReady(String service, SourceRef source, String origin) implements Action {
        @Override
        public String title() {
            return "await-ready " + service;
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
            return v.awaitReady(this);
        }
    }

    record Promote(String service, SourceRef source, String origin) implements Action {
        @Override
        public String title() {
            return "promote " + service;
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
            return v.promote(this);
        }
    }

    /** The system's setup statements, applied once per environment. */
    record Configure(String service, SourceRef source, String origin) implements Action {
        @Override
        public String title() {
            return "configure " + service;
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
            return v.configure(this);
        }
    }

    /** The running server must report {@code version}. */
    record AssertVersion(String service, Version version, SourceRef source, String origin) implements Action {
        @Override
        public String title() {
            return "assert-version " + service + " " + version;
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
            return v.assertVersion(this);
        }
    }

    /** Run one phase of every participating check against {@code service}. */
    record RunPhase(Phase phase, String service, SourceRef source, String origin) implements Action {
        @Override
        public String title() {
            return title(phase.label());
        }

        /** With the label the plan gives this phase ({@code validate #2} when it validates more than once). */
        @Override
        public String title(String phaseLabel) {
            return (phaseLabel == null ? phase.label() : phaseLabel) + ActionTitle.on(service);
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
            return v.runPhase(this);
        }
    }

    /**
     * The system's own consistency check of {@code service} (PostgreSQL: amcheck over the user's indexes and tables;
     * Materialize: {@code /api/coordinator/check}), inserted after every phase step and after the last step. Its title
     * names the step it follows ({@link ActionTitle#phaseLabels}): a problem it finds appeared after that step.
     */
    record Consistency(String service, SourceRef source, String origin) implements Action {
        @Override
        public String title() {
            return "consistency" + ActionTitle.on(service);
        }

        /** @param after the step this one follows, as {@link ActionTitle#phaseLabels} words it */
        @Override
        public String title(String after) {
            return title() + (after == null ? "" : " after " + after);
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
            return v.consistency(this);
        }
    }

    record Sleep(long millis, SourceRef source, String origin) implements Action {
        @Override
        public String service() {
            return null;
        }

        /** The YAML form the scenario writes ({@code 5s}, {@code 500ms}, {@code 10m}). */
        @Override
        public String title() {
            return "sleep " + Durations.format(Duration.ofMillis(millis));
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
            return v.sleep(this);
        }
    }

    record Sql(List<String> statements, String service, boolean asSystem, SourceRef source, String origin)
            implements Action {
        /** The first statement on one line, shortened, and how many follow it. */
        @Override
        public String title() {
            return "sql" + ActionTitle.on(service) + (asSystem ? " as system" : "") + ": " + ActionTitle.preview(statements);
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
            return v.sql(this);
        }
    }
}
