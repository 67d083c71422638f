package dev.harness.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LogTimestampsTest {
    final LogTimestamps ts = new LogTimestamps(ZoneOffset.ofHours(2));

    @Test
    void postgresStampInUtc() {
        assertEquals(Instant.parse("2026-03-01T12:00:03.123Z"), ts.parse("2026-03-01 12:00:03.123 UTC [42] LOG:  x"));
    }

    @Test
    void materializeStampWithZ() {
        assertEquals(Instant.parse("2026-03-01T12:00:03.123456Z"), ts.parse("2026-03-01T12:00:03.123456Z  INFO mz: x"));
    }

    @Test
    void offsetAndDefaultZone() {
        assertEquals(Instant.parse("2026-03-01T11:00:03Z"), ts.parse("2026-03-01 12:00:03 +0100 x"));
        assertEquals(Instant.parse("2026-03-01T10:00:03Z"), ts.parse("2026-03-01 12:00:03 CET [1] x"));
    }

    @Test
    void linesWithoutStamp() {
        assertNull(ts.parse("\tSTATEMENT:  select 1"));
        assertNull(ts.parse("2026-13-45 99:00:00 nonsense"));
    }
}
