package dev.harness.load;

import java.util.ArrayList;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Rewrites a schema for speed, keeping what it accepts: {@code oneOf: [{required: [a]}, {required: [b]}, …]} (exactly
 * one of the keys) becomes {@code if a then no b, c… else (if b then no c… else … required: [last])}. everit checks
 * every alternative of a {@code oneOf} and builds a failure for each one that does not hold, so a phase entry cost four
 * failures; the chain costs none for the first kind. Only validation uses the rewritten schema: messages come from the
 * schema as written ({@link SchemaValidator}), and {@code ExactlyOneOfTest} proves the two accept the same documents.
 */
final class ExactlyOneOf {
    private ExactlyOneOf() {}

    /** A rewritten copy of {@code schema} (the argument is left as it is). */
    static JSONObject rewrite(JSONObject schema) {
        return (JSONObject) copy(schema);
    }

    private static Object copy(Object value) {
        if (value instanceof JSONArray array) {
            JSONArray out = new JSONArray();
            for (Object item : array) out.put(copy(item));
            return out;
        }
        if (!(value instanceof JSONObject object)) return value;
        JSONObject out = new JSONObject();
        for (String key : object.keySet()) out.put(key, copy(object.get(key)));
        List<String> keys = requiredAlternatives(out.opt("oneOf"));
        if (keys != null) {
            out.remove("oneOf");
            // allOf keeps the chain apart from an if/then/else the schema may already have at this level
            JSONArray allOf = out.optJSONArray("allOf") == null ? new JSONArray() : out.getJSONArray("allOf");
            out.put("allOf", allOf.put(chain(keys, 0)));
        }
        return out;
    }

    /** The keys of a {@code oneOf} whose alternatives are each {@code {required: [one key]}}; null for any other. */
    private static List<String> requiredAlternatives(Object oneOf) {
        if (!(oneOf instanceof JSONArray alternatives) || alternatives.isEmpty()) return null;
        List<String> keys = new ArrayList<>();
        for (Object a : alternatives) {
            if (!(a instanceof JSONObject alt) || alt.length() != 1) return null;
            JSONArray required = alt.optJSONArray("required");
            if (required == null || required.length() != 1 || !(required.get(0) instanceof String key)) return null;
            keys.add(key);
        }
        return keys.size() == keys.stream().distinct().count() ? keys : null;
    }

    private static JSONObject chain(List<String> keys, int i) {
        JSONObject required = new JSONObject().put("required", new JSONArray().put(keys.get(i)));
        if (i == keys.size() - 1) return required;
        JSONObject none = new JSONObject();
        for (String later : keys.subList(i + 1, keys.size())) none.put(later, false);
        return new JSONObject().put("if", required).put("then", new JSONObject().put("properties", none)).put("else", chain(keys, i + 1));
    }
}
