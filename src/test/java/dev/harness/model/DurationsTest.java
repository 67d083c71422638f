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

    @Test
    void durationsAreBoundedSoNoneOverflowsAClock() {
        assertEquals(Duration.ofHours(168), Durations.parse("168h"));
        assertEquals(Duration.ofDays(7), Durations.parse("604800000ms"));
        for (String tooLong : List.of("169h", "10081m", "604800001ms", "99999999999999999999h", "9999999999999h", "2562047788015216h")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(tooLong), tooLong);
            assertEquals("duration out of range: '" + tooLong + "' (at most 168h)", e.getMessage());
        }
    }

    @Test
    void zeroIsADurationButNotATimeout() {
        assertEquals(Duration.ZERO, Durations.parse("0s")); // retry: 0s = one attempt
        assertEquals("must be more than 0, found '0ms'",
                assertThrows(IllegalArgumentException.class, () -> Durations.parsePositive("0ms")).getMessage());
        assertEquals(Duration.ofMillis(1), Durations.parsePositive("1ms"));
    }

    @Test
    void aReplayedDurationIsCheckedAgainstTheSameBounds() {
        assertEquals(null, Durations.problem(Duration.ofHours(168)));
        assertEquals("negative duration -1 ms", Durations.problem(Duration.ofMillis(-1)));
        assertEquals("duration out of range: 604800001 ms (at most 168h)", Durations.problem(Duration.ofMillis(604_800_001)));
    }
}
