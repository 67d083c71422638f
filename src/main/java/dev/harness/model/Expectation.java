package dev.harness.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** What a statement must produce. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Expectation.Succeeds.class, name = "succeeds"),
    @JsonSubTypes.Type(value = Expectation.Rows.class, name = "rows"),
    @JsonSubTypes.Type(value = Expectation.Fails.class, name = "fails")
})
public sealed interface Expectation {

    /** {@code sql:} without {@code error}: must succeed, result ignored. */
    record Succeeds() implements Expectation {}

    /**
     * {@code query:} with {@code rows}; order-insensitive unless {@code ordered}.
     * {@code columns} is null when not asserted.
     */
    record Rows(List<List<Cell>> rows, List<String> columns, boolean ordered) implements Expectation {}

    /** {@code error:}: the statement must fail with a matching error. */
    record Fails(ErrorMatch match) implements Expectation {}

    /** How an expected error is matched against the server's message or SQLSTATE. */
    record ErrorMatch(Kind kind, String value) {
        public enum Kind { CONTAINS, REGEX, SQLSTATE }
    }
}
