package dev.harness.model;

/**
 * Why a check phase failed: the statement, where it is written, what was expected and what came back.
 *
 * @param statement  SQL as sent (after substitution)
 * @param expected   rendered expectation (rows as a table, or the error matcher)
 * @param actual     rendered last actual result (rows, or the error the server returned)
 * @param diff       unified-style diff of expected vs actual rows ({@code -} expected, {@code +} actual); may be empty
 * @param attempts   how many times it was tried
 */
public record Failure(
        String message,
        String statement,
        SourceRef source,
        String expected,
        String actual,
        String diff,
        int attempts) {}
