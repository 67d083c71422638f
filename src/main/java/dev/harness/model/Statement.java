package dev.harness.model;

import java.time.Duration;
import java.util.List;

/**
 * One SQL statement of a check phase.
 *
 * @param sql      the SQL text, before {@code ${…}} substitution
 * @param expect   what it must produce
 * @param retry    budget; null = the check's {@code retry}, else {@code timeouts.statement}. A {@code sql:} statement
 *                 with its own retry is retried on error within it; without, it is tried once
 * @param asSystem run as the privileged user ({@code as: system})
 * @param as       {@code as: {user, password, listener}}; null = the phase's user (or the privileged one)
 * @param when     guards, all of which must hold; empty = always
 * @param source   where the statement is written
 * @param on       a service the scenario declares ({@code on: upstream}), reached as its privileged user; null = the
 *                 service the phase runs on
 * @param capture  {@code capture: NAME}: the one value the query returns is bound to {@code ${NAME}}; null = none
 * @param session  {@code session: NAME}: runs on the session an earlier {@code open-session} opened; null = the default
 */
public record Statement(String sql, Expectation expect, Duration retry, boolean asSystem, Login as, List<Guard> when,
                        SourceRef source, String on, String capture, String session) implements PhaseItem {
    public Statement {
        when = when == null ? List.of() : when; // not copied: a replayed plan's null entries are reported by ReplayedChecks
    }

    /** A statement on the service the phase runs on. */
    public Statement(String sql, Expectation expect, Duration retry, boolean asSystem, Guard when, SourceRef source) {
        this(sql, expect, retry, asSystem, when, source, null);
    }

    /** A statement with at most one guard, optionally on a declared service. */
    public Statement(String sql, Expectation expect, Duration retry, boolean asSystem, Guard when, SourceRef source, String on) {
        this(sql, expect, retry, asSystem, null, when == null ? List.of() : List.of(when), source, on, null, null);
    }

    @Override
    public <R> R accept(Visitor<R> v) {
        return v.statement(this);
    }
}
