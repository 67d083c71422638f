package dev.harness.cli;

import dev.harness.model.HarnessException;
import dev.harness.model.VariableText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --var NAME=VALUE}, repeatable: run-level variables over harness.yaml's {@code vars:}. */
final class VarOption {
    static final String NAME = "--var";

    private VarOption() {}

    /** The variables given, in order; a malformed, built-in or repeated name is invalid input naming the option. */
    static Map<String, String> parse(List<String> given) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String arg : given) {
            int eq = arg.indexOf('=');
            if (eq <= 0) throw new HarnessException.InvalidInput(NAME + " '" + arg + "': expected NAME=VALUE, e.g. --var table=t1");
            String name = arg.substring(0, eq);
            String problem = VariableText.runNameProblem(name);
            if (problem != null) throw new HarnessException.InvalidInput(NAME + " " + arg + ": " + problem);
            if (out.put(name, arg.substring(eq + 1)) != null) {
                throw new HarnessException.InvalidInput(NAME + " " + name + " is given twice; give each variable once");
            }
        }
        return out;
    }
}
