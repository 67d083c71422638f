package dev.harness.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code ${name}} references of check text (SQL, expected cells, error matchers, mask replacements) and their
 * substitution. {@code $${} is a literal {@code ${}. A value is inserted as it is: substitution is not recursive,
 * so a value holding {@code ${…}} is text, not a reference.
 */
public final class VariableText {
    /** A variable name of the run ({@code --var}, harness.yaml), of a check ({@code vars:}) or of a capture. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,62}");
    /** A declared service's address: {@code upstream.host}. */
    public static final Pattern ADDRESS = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*\\.[A-Za-z]+");
    /** Defined for every check by the harness; nothing may redefine them. */
    public static final Set<String> BUILT_INS = Set.of("check", "scenario", "seed", "base", "current");

    private VariableText() {}

    /** Why {@code name} cannot be a run-level variable ({@code --var}, harness.yaml {@code vars:}), or null. */
    public static String runNameProblem(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return "'" + name + "' is not a variable name (a letter or _, then letters, digits, _ and -, at most 63 characters)";
        }
        return BUILT_INS.contains(name) ? "'" + name + "' is a built-in variable (" + String.join(", ", BUILT_INS.stream().sorted().toList())
                + ") and cannot be redefined" : null;
    }

    /** One {@code ${…}}: what is between the braces, and where the reference starts in the text. */
    public record Ref(String name, int offset) {
        /** A name of either shape; anything else between the braces is a mistake. */
        public boolean wellFormed() {
            return NAME.matcher(name).matches() || ADDRESS.matcher(name).matches();
        }
    }

    /** A reference that has no value where it is used. */
    public static final class Undefined extends RuntimeException {
        private final String name;

        public Undefined(String name) {
            super("${" + name + "} is not defined");
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    /** Every reference in {@code text}, in order; a {@code ${} without a closing brace is text. */
    public static List<Ref> refs(String text) {
        List<Ref> out = new ArrayList<>();
        scan(text, (name, offset) -> {
            out.add(new Ref(name, offset));
            return "";
        });
        return out;
    }

    /**
     * {@code text} with every reference replaced by {@code values.apply(name)} and {@code $${} by {@code ${}.
     *
     * @throws Undefined when {@code values} has no value (null) for a name
     */
    public static String substitute(String text, Function<String, String> values) {
        if (text == null || text.indexOf("${") < 0) return text;
        return scan(text, (name, offset) -> {
            String v = values.apply(name);
            if (v == null) throw new Undefined(name);
            return v;
        });
    }

    private interface Visitor {
        String reference(String name, int offset);
    }

    private static String scan(String text, Visitor visitor) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i) && text.indexOf('}', i + 2) >= 0) {
                int end = text.indexOf('}', i + 2);
                out.append(visitor.reference(text.substring(i + 2, end), i));
                i = end + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }
}
