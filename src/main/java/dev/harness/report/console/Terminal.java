package dev.harness.report.console;

import java.util.Map;

/**
 * What console output may assume about the one stream it is written to (progress: stderr; summary: stdout):
 * injectable, so tests decide instead of whatever terminal (or none) runs them.
 *
 * @param interactive the stream is a terminal ({@link TtyProbe})
 * @param env         the environment ({@code CI}, {@code TERM}, {@code NO_COLOR}, {@code FORCE_COLOR})
 */
public record Terminal(boolean interactive, Map<String, String> env) {

    /** The terminal of {@code stream} as this process has it. */
    public static Terminal detect(TtyProbe.Stream stream, Map<String, String> env) {
        return new Terminal(TtyProbe.system(env).isTerminal(stream), env);
    }

    /** Animation (live counters, line rewrites) only on a real terminal outside CI that understands escapes. */
    public boolean animated() {
        return interactive && !isSet("CI") && !"dumb".equals(env.get("TERM"));
    }

    /** {@code --color=auto}: where it animates, unless NO_COLOR is set (no-color.org: any non-empty value). */
    public boolean coloured() {
        return coloured(ColorChoice.AUTO);
    }

    /**
     * Colour for a {@code --color} choice. Under {@code auto}, {@code FORCE_COLOR} (any value but {@code 0} or
     * {@code false}, as Node.js reads it) colours even off a terminal and wins over {@code NO_COLOR}.
     */
    public boolean coloured(ColorChoice choice) {
        return switch (choice) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> forced() || animated() && !isSet("NO_COLOR");
        };
    }

    private boolean forced() {
        String v = env.get("FORCE_COLOR");
        return v != null && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    private boolean isSet(String name) {
        String v = env.get(name);
        return v != null && !v.isEmpty();
    }
}
