package dev.harness.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.harness.model.Version;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Jackson's reasons a text is not a plan, as one line for a user: {@code plan.json:LINE:COL: actions[3].version:
 * '15.x' is not a version …}, without Java class names or Jackson's source excerpts.
 */
final class PlanJsonErrors {
    private PlanJsonErrors() {}

    static String describe(JsonProcessingException e, String name) {
        JsonLocation at = e.getLocation();
        // Jackson counts an empty input's column as 0
        String where = at != null && at.getLineNr() > 0 ? name + ":" + at.getLineNr() + ":" + Math.max(1, at.getColumnNr()) : name;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return where + ": " + path(m.getPath()) + ": " + reason(m);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return where + ": not a plan: expected " + expected(m.getTargetType()) + " at the top";
        }
        return where + ": not a plan: " + firstLine(e.getOriginalMessage());
    }

    /** {@code actions[3].service} */
    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            else if (r.getIndex() >= 0) sb.append('[').append(r.getIndex()).append(']');
        }
        return sb.toString();
    }

    private static String reason(JsonMappingException m) {
        if (m instanceof InvalidTypeIdException t) {
            String known = known(t.getBaseType());
            return t.getTypeId() == null ? "the kind is missing; expected one of: " + known
                    : "unknown kind '" + t.getTypeId() + "'; expected one of: " + known;
        }
        if (m instanceof InvalidFormatException f) return "'" + f.getValue() + "' is not " + expected(f.getTargetType());
        if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) return "expected " + expected(mi.getTargetType());
        return firstLine(m.getOriginalMessage());
    }

    private static String known(JavaType base) {
        JsonSubTypes types = base == null ? null : base.getRawClass().getAnnotation(JsonSubTypes.class);
        if (types == null) return "?";
        return Arrays.stream(types.value()).map(JsonSubTypes.Type::name).collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) return "a whole number";
        if (type == boolean.class || type == Boolean.class) return "true or false";
        if (type == String.class) return "a string";
        if (type == Version.class) return "a version string like 15.19 or v0.78.0";
        if (type == Duration.class) return "a whole number of milliseconds";
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) return "a list";
        if (Map.class.isAssignableFrom(type)) return "an object of strings";
        return "an object";
    }

    /** Jackson's first line, without the " at [Source: …]" and "(start marker at …)" excerpts. */
    private static String firstLine(String message) {
        String m = message == null ? "invalid JSON" : message.lines().findFirst().orElse("invalid JSON");
        int cut = m.indexOf(" (start marker at");
        if (cut < 0) cut = m.indexOf(" at [Source");
        return cut < 0 ? m : m.substring(0, cut);
    }
}
