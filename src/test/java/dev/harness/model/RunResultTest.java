package dev.harness.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reports keep no fallbacks for a run without a plan or an end: such a result cannot be made. */
class RunResultTest {
    @Test
    void aRunWithoutItsEndsOrItsPlanIsRefused() {
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        assertEquals("started", assertThrows(NullPointerException.class,
                () -> new RunResult(null, "run", null, t, List.of(), List.of(), null, false, Map.of(), null)).getMessage());
        assertEquals("finished", assertThrows(NullPointerException.class,
                () -> new RunResult(null, "run", t, null, List.of(), List.of(), null, false, Map.of(), null)).getMessage());
        assertEquals("plan", assertThrows(NullPointerException.class,
                () -> new RunResult(null, "run", t, t, List.of(), List.of(), null, false, Map.of(), null)).getMessage());
    }
}
