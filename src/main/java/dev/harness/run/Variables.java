package dev.harness.run;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${check}}, {@code ${scenario}}, {@code ${seed}}, {@code ${base}}, {@code ${current}} in SQL, and a declared
 * service's address {@code ${<service>.host}}, {@code .port}, {@code .url}.
 * Unknown names are left as written: {@code ${…}} can be legitimate SQL text (e.g. inside a string literal).
 */
final class Variables {
    private static final Pattern REF = Pattern.compile("\\$\\{([a-z]+|[A-Za-z][A-Za-z0-9_-]*\\.[A-Za-z]+)}");

    private Variables() {}

    static String substitute(String sql, Map<String, String> values) {
        if (sql.indexOf("${") < 0) return sql;
        Matcher m = REF.matcher(sql);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
