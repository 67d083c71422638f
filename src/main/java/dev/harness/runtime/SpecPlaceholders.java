package dev.harness.runtime;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Substitutes the {@code ${port:N}} and {@code ${volume:NAME}} placeholders of a {@link ServiceSpec}. */
public final class SpecPlaceholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(port|volume):([^}]+)}");

    private SpecPlaceholders() {}

    /**
     * @param ports   container port -> the value {@code ${port:N}} stands for
     * @param volumes volume name -> the value {@code ${volume:NAME}} stands for (null = unknown volume)
     */
    public static String resolve(String text, Function<Integer, String> ports, Function<String, String> volumes) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            if (m.group(1).equals("port")) {
                value = ports.apply(Integer.parseInt(m.group(2).trim()));
            } else {
                value = volumes.apply(m.group(2).trim());
                if (value == null) throw new IllegalArgumentException("unknown volume in " + m.group() + " of '" + text + "'");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Docker's view: a port placeholder is the container port itself, a volume one its mount path in the spec. */
    public static String forDocker(String text, ServiceSpec spec) {
        return resolve(text, String::valueOf, name -> spec.volumes().get(name));
    }
}
