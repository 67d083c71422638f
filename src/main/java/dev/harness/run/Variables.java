package dev.harness.run;

import dev.harness.model.VariableText;
import java.util.Map;

/**
 * {@code ${name}} in SQL a scenario step runs: the built-ins {@code ${scenario}}, {@code ${seed}}, {@code ${base}},
 * {@code ${current}}, a declared service's address ({@code ${<service>.host}}, {@code .port}, {@code .url}) and the
 * run-level variables. The compiler has refused any other name, so an unknown one here is never sent as written.
 */
final class Variables {
    private Variables() {}

    /** @throws VariableText.Undefined for a name {@code values} has no value of */
    static String substitute(String sql, Map<String, String> values) {
        return VariableText.substitute(sql, values::get);
    }
}
