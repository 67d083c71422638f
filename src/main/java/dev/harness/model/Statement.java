package dev.harness.model;

import java.time.Duration;

/**
 * One SQL statement of a check phase.
 *
 * @param sql        the SQL text, before {@code ${…}} substitution
 * @param expect     what it must produce
 * @param retry      retry budget; null = the default ({@code timeouts.statement}); ignored for DDL without an error expectation
 * @param asSystem   run as the privileged user ({@code as: system})
 * @param when       guard; null = always
 * @param source     where the statement is written
 * @param on         a service the scenario declares ({@code on: upstream}), reached as its privileged user; null = the
 *                   service the phase runs on
 */
public record Statement(String sql, Expectation expect, Duration retry, boolean asSystem, Guard when, SourceRef source, String on) {
    /** A statement on the service the phase runs on. */
    public Statement(String sql, Expectation expect, Duration retry, boolean asSystem, Guard when, SourceRef source) {
        this(sql, expect, retry, asSystem, when, source, null);
    }
}
