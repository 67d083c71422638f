package dev.harness.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void durationsInEveryUnit() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
        assertEquals(Duration.ofHours(1), Durations.parse("1h"));
        assertEquals("2m", Durations.format(Duration.ofMinutes(2)));
        assertEquals("1500ms", Durations.format(Duration.ofMillis(1500)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Durations.parse("1 minute")).getMessage().contains("30s"));
    }

    @Test
    void whatThePlannerWritesTheExecutorReadsBack() {
        for (Duration d : List.of(Duration.ofMillis(1), Duration.ofMillis(1500), Duration.ofSeconds(90), Duration.ofMinutes(10), Duration.ofHours(2))) {
            assertEquals(d, Durations.parse(Durations.format(d)), d::toString);
        }
    }
}
