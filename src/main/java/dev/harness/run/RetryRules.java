package dev.harness.run;

import dev.harness.model.Check;
import dev.harness.model.Expectation;
import dev.harness.model.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which statements are retried, following testdrive so that checks ported from it keep their meaning:
 * <ul>
 *   <li>a {@code query} with {@code rows} is retried on mismatch or error until the budget ends, except
 *       statements testdrive runs once: FETCH, EXPLAIN … PLAN and DDL (CREATE of catalog objects,
 *       ALTER … RENAME, ALTER INDEX, ALTER SINK, DISCARD, DROP, SET);</li>
 *   <li>a statement with {@code error} is retried until the expected error appears, except unparsable ones
 *       and COMMIT, ROLLBACK, FETCH, ALTER SINK, CREATE CONNECTION;</li>
 *   <li>{@code sql} without {@code error} runs once unless it has its own {@code retry}: then it is retried on
 *       error until it succeeds or the budget ends (testdrive retries INSERT, UPDATE, ALTER SYSTEM and GRANT; its
 *       importer writes {@code retry:} on those). Without, it must succeed the first time: retrying would re-run
 *       writes the check did not ask to repeat. A lost connection is never retried: it is an infrastructure failure
 *       the scenario must see, not hide.</li>
 * </ul>
 * A statement's budget is its own {@code retry}, else its check's {@code retry} (testdrive's {@code $ set-sql-timeout}),
 * else {@code timeouts.statement}; the check's {@code retry} sets the budget only and never makes a {@code sql} retried.
 */
final class RetryRules {
    private RetryRules() {}

    private static final List<Pattern> ONCE_FOR_ROWS = patterns(
            "FETCH\\b",
            "EXPLAIN\\b.*\\bPLAN\\b",
            "CREATE\\s+(OR\\s+REPLACE\\s+)?(TEMP(ORARY)?\\s+)?(CONNECTION|CLUSTER|CLUSTER\\s+REPLICA|DATABASE|SCHEMA|SOURCE|WEBHOOK\\s+SOURCE|SINK"
                    + "|MATERIALIZED\\s+VIEW|VIEW|TABLE|INDEX|UNIQUE\\s+INDEX|TYPE|ROLE)\\b",
            "ALTER\\b.*\\bRENAME\\b",
            "ALTER\\s+INDEX\\b",
            "ALTER\\s+SINK\\b",
            "DISCARD\\b",
            "DROP\\b",
            "SET\\b");

    private static final List<Pattern> ONCE_FOR_ERRORS = patterns(
            "COMMIT\\b", "ROLLBACK\\b", "FETCH\\b", "ALTER\\s+SINK\\b", "CREATE\\s+CONNECTION\\b");

    /** The statement's budget: its own retry, else the check's, else {@code timeouts.statement}. */
    static Duration budget(Statement statement, Check check, Duration defaultBudget) {
        if (statement.retry() != null) return statement.retry();
        return check.retry() != null ? check.retry() : defaultBudget;
    }

    static boolean retried(Statement statement, String sql) {
        String head = head(sql);
        return statement.expect().accept(new Expectation.Visitor<Boolean>() {
            @Override
            public Boolean succeeds(Expectation.Succeeds e) {
                return statement.retry() != null;
            }

            @Override
            public Boolean rows(Expectation.Rows e) {
                return noneMatches(ONCE_FOR_ROWS, head);
            }

            @Override
            public Boolean fails(Expectation.Fails e) {
                return noneMatches(ONCE_FOR_ERRORS, head);
            }
        });
    }

    private static boolean noneMatches(List<Pattern> once, String head) {
        return once.stream().noneMatch(p -> p.matcher(head).lookingAt());
    }

    /** The statement without leading whitespace and comments, upper-cased, on one line. */
    static String head(String sql) {
        String s = sql;
        while (true) {
            s = s.stripLeading();
            if (s.startsWith("--")) {
                int nl = s.indexOf('\n');
                s = nl < 0 ? "" : s.substring(nl + 1);
            } else if (s.startsWith("/*")) {
                int end = s.indexOf("*/");
                s = end < 0 ? "" : s.substring(end + 2);
            } else {
                break;
            }
        }
        return s.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    private static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes).map(r -> Pattern.compile(r, Pattern.DOTALL)).toList();
    }
}
