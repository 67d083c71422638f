package dev.harness.convert.testdrive;

import java.util.Locale;
import java.util.regex.Pattern;

/** What the first words of a statement say about it: whether it returns rows, whether testdrive retries it on error. */
final class SqlHead {
    private static final Pattern RETURNS_ROWS = Pattern.compile("(SELECT|WITH|VALUES|TABLE|SHOW|FETCH|EXPLAIN)\\b.*", Pattern.DOTALL);
    /** testdrive runs these {@code >} statements again after an error; the harness does so for a {@code sql:} with {@code retry:}. */
    private static final Pattern RETRIED_ON_ERROR = Pattern.compile("(INSERT|UPDATE|GRANT|ALTER\\s+SYSTEM)\\b.*", Pattern.DOTALL);

    private SqlHead() {}

    static boolean returnsRows(String sql) {
        return RETURNS_ROWS.matcher(head(sql)).matches();
    }

    static boolean retriedOnError(String sql) {
        return RETRIED_ON_ERROR.matcher(head(sql)).matches();
    }

    /** Upper case, without leading white space and {@code --} comment lines. */
    private static String head(String sql) {
        String s = sql.stripLeading();
        while (s.startsWith("--")) {
            int nl = s.indexOf('\n');
            s = nl < 0 ? "" : s.substring(nl + 1).stripLeading();
        }
        return s.toUpperCase(Locale.ROOT);
    }
}
