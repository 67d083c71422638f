package dev.harness.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.harness.model.Problem;
import dev.harness.model.SourceRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everit.json.schema.ValidationException;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Turns everit's violation tree into messages a person can act on: which key, what was expected (the
 * schema's {@code x-expected} / {@code x-messages} annotations, or its declared keys), what was found, and
 * where (the offending key for unknown keys, the value otherwise).
 */
final class ViolationMessages {
    private static final Pattern QUOTED_KEY = Pattern.compile("key \\[(.*)]");

    private final PositionedJson doc;
    private final String file;
    private final JsonNode schemaRoot;
    private final DocumentKind kind;
    /** position + message -> problem; keeps the first of identical messages about the same object */
    private final Map<String, Problem> problems = new LinkedHashMap<>();

    ViolationMessages(PositionedJson doc, String file, JsonNode schemaRoot, DocumentKind kind) {
        this.doc = doc;
        this.file = file;
        this.schemaRoot = schemaRoot;
        this.kind = kind;
    }

    List<Problem> translate(ValidationException root) {
        visit(root, new Context(MissingNode.getInstance(), "#"));
        List<Problem> out = new ArrayList<>(problems.values());
        out.sort(Problem.BY_POSITION);
        return out;
    }

    /** The nearest schema with annotations that describes the instance at {@code pointer}. */
    private record Context(JsonNode meta, String pointer) {
        String expected() {
            return meta.path("x-expected").asText(null);
        }

        String customMessage(String keyword) {
            return meta.path("x-messages").path(keyword).asText(null);
        }
    }

    private void visit(ValidationException e, Context outer) {
        String pointer = e.getPointerToViolation() == null ? "#" : e.getPointerToViolation();
        Context ctx = outer.pointer().equals(pointer) ? outer : new Context(MissingNode.getInstance(), pointer);
        String location = e.getViolatedSchema() == null ? null : e.getViolatedSchema().getSchemaLocation();
        if (location != null && location.startsWith("#")) {
            JsonNode meta = schemaRoot.at(location.substring(1));
            if (!meta.isMissingNode()) ctx = new Context(meta, pointer);
        }
        String keyword = e.getKeyword();
        List<ValidationException> causes = e.getCausingExceptions();
        if (keyword == null || "allOf".equals(keyword)) {
            for (ValidationException c : causes) visit(c, ctx);
            return;
        }
        switch (keyword) {
            case "anyOf", "oneOf" -> alternatives(e, keyword, causes, ctx, pointer);
            case "additionalProperties" -> unknownKey(e, ctx, pointer);
            case "required" -> missingKey(e, ctx, pointer);
            case "minProperties", "maxProperties" -> {
                String custom = ctx.customMessage(keyword);
                add(doc.valueAt(pointer, file), pointer, custom != null ? custom + ", found " + keysOf(pointer)
                        : subject(pointer) + " must be " + expected(ctx) + ", found " + keysOf(pointer));
            }
            default -> {
                if (location != null && location.endsWith("/propertyNames")) {
                    // a key that breaks the rule for keys: point at the key, not at its value
                    add(doc.keyAt(pointer, file), pointer, "key '" + lastKey(pointer) + "' must be " + expected(ctx, e));
                } else {
                    add(doc.valueAt(pointer, file), pointer, subject(pointer) + " must be " + expected(ctx, e) + ", found " + found(pointer));
                }
            }
        }
    }

    /**
     * anyOf/oneOf: a value of a multi-type schema (e.g. string or mapping) goes wrong inside the branch its
     * type selects; report that branch's problems. When no branch accepts the type, say what was expected.
     */
    private void alternatives(ValidationException e, String keyword, List<ValidationException> causes, Context ctx, String pointer) {
        String custom = ctx.customMessage(keyword);
        if (custom != null) {
            add(doc.valueAt(pointer, file), pointer, custom + ", found " + keysOf(pointer));
            return;
        }
        List<ValidationException> relevant = new ArrayList<>();
        for (ValidationException c : causes) {
            boolean typeMismatchHere = "type".equals(c.getKeyword()) && pointer.equals(c.getPointerToViolation());
            if (!typeMismatchHere) relevant.add(c);
        }
        if (relevant.size() == 1) {
            visit(relevant.get(0), ctx);
        } else {
            add(doc.valueAt(pointer, file), pointer, subject(pointer) + " must be " + expected(ctx, e) + ", found " + found(pointer));
        }
    }

    private void unknownKey(ValidationException e, Context ctx, String pointer) {
        String key = quotedKey(e.getErrorMessage());
        SourceRef where = doc.keyAt(PositionedJson.child(pointer, key), file);
        String custom = ctx.customMessage("additionalProperties");
        if (custom != null) {
            add(where, pointer, custom + ", found " + keysOf(pointer));
            return;
        }
        List<String> allowed = new ArrayList<>();
        for (Iterator<String> it = ctx.meta().path("properties").fieldNames(); it.hasNext(); ) allowed.add(it.next());
        String message = "unknown key '" + key + "' in " + title(ctx, pointer);
        if (!allowed.isEmpty()) message += "; expected one of: " + String.join(", ", allowed);
        add(where, pointer + "/" + key, message);
    }

    private void missingKey(ValidationException e, Context ctx, String pointer) {
        String custom = ctx.customMessage("required");
        if (custom != null) {
            add(doc.keyAt(pointer, file), pointer, custom + ", found " + keysOf(pointer));
            return;
        }
        add(doc.keyAt(pointer, file), pointer, "missing key '" + quotedKey(e.getErrorMessage()) + "' in " + title(ctx, pointer));
    }

    private void add(SourceRef where, String about, String message) {
        problems.putIfAbsent(about + "\u0000" + message, new Problem(where, message));
    }

    private String title(Context ctx, String pointer) {
        String t = ctx.meta().path("title").asText(null);
        if (t != null) return t;
        String last = lastKey(pointer);
        return last == null ? kind.label() : "'" + last + "'";
    }

    private static String expected(Context ctx) {
        String x = ctx.expected();
        return x != null ? x : "valid";
    }

    private static String expected(Context ctx, ValidationException e) {
        String x = ctx.expected();
        return x != null ? x : "valid (" + e.getErrorMessage() + ")";
    }

    /** How a value is named in messages: {@code 'rows'}, {@code item 2 of 'validate'}, {@code the check}. */
    String subject(String pointer) {
        if (pointer.equals("#")) return "the " + kind.label();
        String[] parts = pointer.substring(2).split("/");
        StringBuilder sb = new StringBuilder();
        int i = parts.length - 1;
        while (i >= 0 && parts[i].matches("\\d+")) {
            if (sb.length() > 0) sb.append(" of ");
            sb.append("item ").append(Integer.parseInt(parts[i]) + 1);
            i--;
        }
        if (i >= 0) {
            if (sb.length() > 0) sb.append(" of ");
            sb.append('\'').append(unescape(parts[i])).append('\'');
        }
        return sb.toString();
    }

    private static String lastKey(String pointer) {
        if (pointer.equals("#")) return null;
        String[] parts = pointer.substring(2).split("/");
        for (int i = parts.length - 1; i >= 0; i--) if (!parts[i].matches("\\d+")) return unescape(parts[i]);
        return null;
    }

    private static String unescape(String s) {
        return s.replace("~1", "/").replace("~0", "~");
    }

    private static String quotedKey(String message) {
        Matcher m = QUOTED_KEY.matcher(message);
        return m.find() ? m.group(1) : message;
    }

    private Object valueAt(String pointer) {
        Object v = doc.json();
        if (pointer.equals("#")) return v;
        for (String raw : pointer.substring(2).split("/")) {
            String part = unescape(raw);
            if (v instanceof JSONObject o) v = o.opt(part);
            else if (v instanceof JSONArray a) v = a.opt(Integer.parseInt(part));
            else return null;
        }
        return v;
    }

    private String keysOf(String pointer) {
        Object v = valueAt(pointer);
        if (!(v instanceof JSONObject o)) return found(pointer);
        if (o.isEmpty()) return "an empty mapping";
        List<String> keys = new ArrayList<>(o.keySet());
        keys.sort(null);
        return String.join(", ", keys);
    }

    /** What the document has at {@code pointer}, in words. */
    String found(String pointer) {
        return describe(valueAt(pointer));
    }

    static String describe(Object v) {
        if (v == null || v == JSONObject.NULL) return "nothing (null)";
        if (v instanceof JSONObject) return "a mapping";
        if (v instanceof JSONArray a) return a.isEmpty() ? "an empty list" : "a list of " + a.length() + (a.length() == 1 ? " item" : " items");
        if (v instanceof Boolean b) return b.toString();
        if (v instanceof Number n) return "the number " + n;
        String s = v.toString();
        return "a string '" + (s.length() > 40 ? s.substring(0, 37) + "..." : s) + "'";
    }
}
