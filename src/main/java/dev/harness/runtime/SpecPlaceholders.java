package dev.harness.runtime;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Substitutes the {@code ${port:N}}, {@code ${volume:NAME}} and {@code ${start-id}} placeholders of a
 * {@link ServiceSpec}. Substitution works on single argv elements and environment values, never on a shell line,
 * so a value (a path with quotes, spaces or {@code $(…)}) stays one argument whatever it contains.
 */
public final class SpecPlaceholders {
    /** Stands for a fresh random id per start, which a system can hand to its server and read back to know it. */
    public static final String START_ID = "${start-id}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(?:(port|volume):([^}]+)|start-id)}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SpecPlaceholders() {}

    /** A new start id: 16 lowercase hex digits, fit for any server setting or label. */
    public static String newStartId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * @param ports   container port -> the value {@code ${port:N}} stands for
     * @param volumes volume name -> the value {@code ${volume:NAME}} stands for (null = unknown volume)
     * @param startId what {@code ${start-id}} stands for
     */
    public static String resolve(String text, Function<Integer, String> ports, Function<String, String> volumes, String startId) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            if (m.group(1) == null) {
                value = startId;
            } else if (m.group(1).equals("port")) {
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
    public static String forDocker(String text, ServiceSpec spec, String startId) {
        return resolve(text, String::valueOf, name -> spec.volumes().get(name), startId);
    }
}
