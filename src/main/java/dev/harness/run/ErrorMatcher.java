package dev.harness.run;

import dev.harness.model.Expectation.ErrorMatch;
import java.util.regex.Pattern;

/** Matches an expected error against the server's primary message ({@link StatementRunner#primaryMessage}) and SQLSTATE. */
final class ErrorMatcher {
    private ErrorMatcher() {}

    /**
     * CONTAINS: substring of the message; REGEX: {@link java.util.regex.Matcher#find()} in the message (so it
     * need not match the whole text, as testdrive's {@code regex:}); EXACT: the whole message; SQLSTATE: the five-character code, exactly.
     */
    static boolean matches(ErrorMatch match, String message, String sqlState) {
        String text = message == null ? "" : message;
        return switch (match.kind()) {
            case CONTAINS -> text.contains(match.value());
            case REGEX -> Pattern.compile(match.value()).matcher(text).find();
            case EXACT -> text.equals(match.value());
            case SQLSTATE -> match.value().equalsIgnoreCase(sqlState == null ? "" : sqlState);
        };
    }

    static String describe(ErrorMatch match) {
        return switch (match.kind()) {
            case CONTAINS -> "an error containing \"" + match.value() + "\"";
            case REGEX -> "an error matching /" + match.value() + "/";
            case EXACT -> "the error \"" + match.value() + "\"";
            case SQLSTATE -> "an error with SQLSTATE " + match.value();
        };
    }
}
