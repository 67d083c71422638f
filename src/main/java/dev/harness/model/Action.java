package dev.harness.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One step of a compiled plan: primitive, with versions resolved to literals. Every action keeps the
 * source position of the YAML step it came from; {@code origin} says why it exists when it was not
 * written literally (e.g. {@code "implicit after start"}, {@code "upgrade macro"}), and is null otherwise.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "action")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Action.Start.class, name = "start"),
    @JsonSubTypes.Type(value = Action.Kill.class, name = "kill"),
    @JsonSubTypes.Type(value = Action.Stop.class, name = "stop"),
    @JsonSubTypes.Type(value = Action.AwaitReady.class, name = "await-ready"),
    @JsonSubTypes.Type(value = Action.Promote.class, name = "promote"),
    @JsonSubTypes.Type(value = Action.Configure.class, name = "configure"),
    @JsonSubTypes.Type(value = Action.AssertVersion.class, name = "assert-version"),
    @JsonSubTypes.Type(value = Action.RunPhase.class, name = "phase"),
    @JsonSubTypes.Type(value = Action.Sleep.class, name = "sleep"),
    @JsonSubTypes.Type(value = Action.Sql.class, name = "sql")
})
public sealed interface Action {
    SourceRef source();

    String origin();

    /** True for steps the compiler inserted (configure, assert-version). */
    default boolean implicit() {
        return origin() != null && origin().startsWith("implicit");
    }

    /** The service the action targets, or null (sleep). */
    String service();

    /**
     * @param generation deploy generation (Materialize {@code --deploy-generation}); null = not given
     * @param readOnly   start as a read-only candidate that is promoted later
     */
    record Start(String service, Version version, boolean readOnly, Integer generation, SourceRef source, String origin)
            implements Action {}

    record Kill(String service, SourceRef source, String origin) implements Action {}

    record Stop(String service, SourceRef source, String origin) implements Action {}

    record AwaitReady(String service, SourceRef source, String origin) implements Action {}

    record Promote(String service, SourceRef source, String origin) implements Action {}

    /** The system's setup statements, applied once per environment. */
    record Configure(String service, SourceRef source, String origin) implements Action {}

    /** The running server must report {@code version}. */
    record AssertVersion(String service, Version version, SourceRef source, String origin) implements Action {}

    /** Run one phase of every participating check against {@code service}. */
    record RunPhase(Phase phase, String service, SourceRef source, String origin) implements Action {}

    record Sleep(long millis, SourceRef source, String origin) implements Action {
        @Override
        public String service() {
            return null;
        }
    }

    record Sql(List<String> statements, String service, boolean asSystem, SourceRef source, String origin)
            implements Action {}
}
