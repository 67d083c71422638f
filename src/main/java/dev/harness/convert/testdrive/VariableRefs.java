package dev.harness.convert.testdrive;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * testdrive's {@code ${name}} references as harness variables: {@code ${testdrive.seed}} is {@code ${seed}},
 * {@code ${arg.X}} (from {@code --var X=…}) is the run-level {@code ${X}}, a name set by {@code $ set} or
 * {@code $ set-from-sql} keeps its name; the other {@code testdrive.*} addresses, {@code env.*} and command-scoped
 * names ({@code kafka-ingest.iteration}) have no harness value.
 */
final class VariableRefs {
    private static final Pattern REF = Pattern.compile("\\$\\{([^}]+)\\}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,62}");
    /** Names the harness defines itself; a check variable may not take one. */
    static final Set<String> BUILT_INS = Set.of("check", "scenario", "seed", "base", "current");

    private VariableRefs() {}

    static String rewrite(String text) throws Untranslatable {
        if (text.indexOf("${") < 0) return text; // most SQL has no reference (and then no "$${" either)
        Matcher m = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement("${" + harnessName(m.group(1)) + "}"));
        m.appendTail(out);
        String result = out.toString();
        if (result.contains("$${")) {
            throw new Untranslatable("'$${' reads as a literal '${' in the harness, but as '$' and a variable in testdrive");
        }
        return result;
    }

    /** True when the text refers to a variable at all (a {@code $ set} value that does cannot be a constant). */
    static boolean refers(String text) {
        return REF.matcher(text).find();
    }

    private static String harnessName(String name) throws Untranslatable {
        if (name.equals("testdrive.seed")) return "seed";
        if (name.startsWith("arg.")) return checked(name.substring(4), name);
        if (name.startsWith("testdrive.")) {
            throw new Untranslatable("${" + name + "} has no harness variable (only ${testdrive.seed} and addresses in a connection URL translate)");
        }
        if (name.startsWith("env.")) throw new Untranslatable("${" + name + "}: environment variables do not reach harness checks");
        if (name.contains(".")) throw new Untranslatable("${" + name + "} is set by a command the harness does not have");
        return checked(name, name);
    }

    /** A testdrive name as a harness variable name, refused when the harness's name rule does not allow it. */
    static String checked(String name, String written) throws Untranslatable {
        if (!NAME.matcher(name).matches()) {
            throw new Untranslatable("${" + written + "}: '" + name + "' is not a harness variable name (a letter or _, then letters, digits, _ and -)");
        }
        return name;
    }
}
