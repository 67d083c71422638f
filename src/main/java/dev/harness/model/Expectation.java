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

    /** Hands this expectation to the visitor's method for its record. */
    <R> R accept(Visitor<R> v);

    /**
     * One method per expectation record: judging, describing, retrying and validating replayed plans are
     * visitors, so a new kind of expectation that one of them does not handle fails compilation.
     */
    interface Visitor<R> {
        R succeeds(Succeeds e);

        R rows(Rows e);

        R fails(Fails e);
    }

    /** {@code sql:} without {@code error}: must succeed, result ignored. */
    record Succeeds() implements Expectation {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.succeeds(this);
        }
    }

    /**
     * {@code query:} with {@code rows}; order-insensitive unless {@code ordered}.
     * {@code columns} is null when not asserted.
     */
    record Rows(List<List<Cell>> rows, List<String> columns, boolean ordered) implements Expectation {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.rows(this);
        }
    }

    /** {@code error:}: the statement must fail with a matching error. */
    record Fails(ErrorMatch match) implements Expectation {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.fails(this);
        }
    }

    /** How an expected error is matched against the server's message or SQLSTATE. */
    record ErrorMatch(Kind kind, String value) {
        public enum Kind { CONTAINS, REGEX, EXACT, SQLSTATE }
    }
}
