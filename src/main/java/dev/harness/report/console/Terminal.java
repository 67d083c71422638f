package dev.harness.report.console;

import java.util.Map;

/**
 * What the console output may assume about where it is written: injectable, so tests decide instead of
 * whatever terminal (or none) runs them.
 *
 * @param interactive {@code System.console() != null}
 * @param env         the environment ({@code CI}, {@code TERM}, {@code NO_COLOR})
 */
public record Terminal(boolean interactive, Map<String, String> env) {

    public static Terminal detect() {
        return new Terminal(System.console() != null, System.getenv());
    }

    /** Animation (live counters, line rewrites) only on a real terminal outside CI that understands escapes. */
    public boolean animated() {
        return interactive && !isSet("CI") && !"dumb".equals(env.get("TERM"));
    }

    /** Colour under the same conditions, unless NO_COLOR is set (no-color.org: any non-empty value). */
    public boolean coloured() {
        return animated() && !isSet("NO_COLOR");
    }

    private boolean isSet(String name) {
        String v = env.get(name);
        return v != null && !v.isEmpty();
    }
}
