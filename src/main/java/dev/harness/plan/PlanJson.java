package dev.harness.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.harness.model.HarnessException;
import dev.harness.model.Plan;
import dev.harness.model.Version;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Plan <-> JSON; a plan written and read back is equal to the original. Versions are written as their
 * text ({@code "15.10"}, never a number), durations as milliseconds (no jsr310 module needed).
 * A plan read back ({@code run --plan}) is input like any YAML file: it is bound strictly (no coercion of
 * numbers to text or back, no enum ordinals) and then checked field by field ({@link ReplayedPlan}), so a
 * truncated, hand-edited or hostile plan is refused naming the field, before anything starts.
 */
public final class PlanJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("harness-plan")
                    .addSerializer(Version.class, new VersionSerializer())
                    .addDeserializer(Version.class, new VersionDeserializer())
                    .addSerializer(Duration.class, new DurationSerializer())
                    .addDeserializer(Duration.class, new DurationDeserializer()))
            .enable(SerializationFeature.INDENT_OUTPUT)
            // A plan written by a newer harness may carry fields this one does not know; replay what we can.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                    DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .build();

    private PlanJson() {}

    public static String write(Plan plan) {
        try {
            return MAPPER.writeValueAsString(plan) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write plan as JSON", e);
        }
    }

    /** {@link #read(String, String)} of a text shown as {@code plan.json}. */
    public static Plan read(String json) {
        return read(json, "plan.json");
    }

    /**
     * @param name how the file is shown in messages
     * @throws HarnessException.InvalidInput when the text is not a plan this harness can run, naming the field
     */
    public static Plan read(String json, String name) {
        if (json.isBlank()) throw new HarnessException.InvalidInput(name + ":1:1: not a plan: the file is empty");
        Plan plan;
        try {
            plan = MAPPER.readValue(json, Plan.class);
        } catch (JsonProcessingException e) {
            throw new HarnessException.InvalidInput(PlanJsonErrors.describe(e, name));
        }
        if (plan == null) throw new HarnessException.InvalidInput(name + ": not a plan: the JSON is null");
        List<String> problems = ReplayedPlan.problems(plan);
        if (!problems.isEmpty()) {
            throw new HarnessException.InvalidInput(String.join("\n", problems.stream().map(p -> name + ": " + p).toList()));
        }
        return plan;
    }

    private static final class VersionSerializer extends JsonSerializer<Version> {
        @Override
        public void serialize(Version v, JsonGenerator gen, SerializerProvider sp) throws IOException {
            gen.writeString(v.text());
        }
    }

    /** A version is a JSON string as the compiler wrote it: no build note, nothing after a space. */
    private static final class VersionDeserializer extends JsonDeserializer<Version> {
        @Override
        public Version deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) return (Version) ctx.handleUnexpectedToken(Version.class, p);
            String text = p.getText();
            if (text.isEmpty() || !text.equals(text.strip()) || text.contains(" ")) {
                return (Version) ctx.handleWeirdStringValue(Version.class, text, "not a version (expected e.g. 15.19 or v0.78.0)");
            }
            try {
                return new Version(text);
            } catch (IllegalArgumentException e) {
                return (Version) ctx.handleWeirdStringValue(Version.class, text, e.getMessage());
            }
        }
    }

    private static final class DurationSerializer extends JsonSerializer<Duration> {
        @Override
        public void serialize(Duration d, JsonGenerator gen, SerializerProvider sp) throws IOException {
            gen.writeNumber(d.toMillis());
        }
    }

    /** Milliseconds as a whole JSON number that fits a long; the range is {@link ReplayedPlan}'s to check. */
    private static final class DurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                return (Duration) ctx.handleUnexpectedToken(Duration.class, p);
            }
            return Duration.ofMillis(p.getLongValue());
        }
    }
}
