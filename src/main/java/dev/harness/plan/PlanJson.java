package dev.harness.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.harness.model.HarnessException;
import dev.harness.model.Plan;
import dev.harness.model.Version;
import java.io.IOException;
import java.time.Duration;

/**
 * Plan <-> JSON; a plan written and read back is equal to the original. Versions are written as their
 * text ({@code "15.10"}, never a number), durations as milliseconds (no jsr310 module needed).
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
            .build();

    private PlanJson() {}

    public static String write(Plan plan) {
        try {
            return MAPPER.writeValueAsString(plan) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write plan as JSON", e);
        }
    }

    /** @throws HarnessException.InvalidInput when the text is not a plan */
    public static Plan read(String json) {
        try {
            return MAPPER.readValue(json, Plan.class);
        } catch (JsonProcessingException e) {
            throw new HarnessException.InvalidInput("not a plan: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
        }
    }

    private static final class VersionSerializer extends JsonSerializer<Version> {
        @Override
        public void serialize(Version v, JsonGenerator gen, SerializerProvider sp) throws IOException {
            gen.writeString(v.text());
        }
    }

    private static final class VersionDeserializer extends JsonDeserializer<Version> {
        @Override
        public Version deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            try {
                return new Version(p.getValueAsString());
            } catch (IllegalArgumentException e) {
                return (Version) ctx.handleWeirdStringValue(Version.class, p.getValueAsString(), e.getMessage());
            }
        }
    }

    private static final class DurationSerializer extends JsonSerializer<Duration> {
        @Override
        public void serialize(Duration d, JsonGenerator gen, SerializerProvider sp) throws IOException {
            gen.writeNumber(d.toMillis());
        }
    }

    private static final class DurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            return Duration.ofMillis(p.getLongValue());
        }
    }
}
