package dev.harness.plan;

import dev.harness.model.HarnessException;
import dev.harness.model.Names;
import dev.harness.model.SourceRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

/** Problems of a replayed plan, each naming its field ({@code actions[3].service: …}), and the checks they come from. */
final class FieldProblems {
    private final List<String> problems = new ArrayList<>();

    List<String> list() {
        return problems;
    }

    void add(String field, String message) {
        problems.add(field + ": " + message);
    }

    /** False (and a problem) when the value is missing or null. */
    boolean required(String field, Object value) {
        if (value == null) add(field, "missing");
        return value != null;
    }

    void entity(String field, String value) {
        try {
            Names.requireEntity(field, value);
        } catch (HarnessException.InvalidInput e) {
            problems.add(e.getMessage());
        }
    }

    /** False (and a problem) unless the value is a service name. */
    boolean service(String field, String value) {
        try {
            Names.requireService(field, value);
            return true;
        } catch (HarnessException.InvalidInput e) {
            problems.add(e.getMessage());
            return false;
        }
    }

    void oneOf(String field, String value, Collection<String> allowed) {
        if (required(field, value) && !allowed.contains(value)) {
            add(field, "'" + value + "' is not one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
    }

    /** Reports and the console print positions: a source must have its file. */
    void source(String field, SourceRef source) {
        if (required(field, source)) required(field + ".file", source.file());
    }

    /** Each item of a required list, with its field ({@code checks[2]}); a null item is a problem. */
    <T> void each(String field, List<T> items, BiConsumer<String, T> check) {
        if (!required(field, items)) return;
        for (int i = 0; i < items.size(); i++) {
            String itemField = field + "[" + i + "]";
            if (required(itemField, items.get(i))) check.accept(itemField, items.get(i));
        }
    }
}
