package dev.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Guard;
import org.junit.jupiter.api.Test;

class SmallParsersTest {
    @Test
    void guardsWithEveryOperator() {
        assertEquals(Guard.Op.LE, Guards.parse("base <= 15.18").op());
        assertEquals(Guard.Op.NE, Guards.parse("current!=v1.0").op());
        assertEquals(Guard.Op.GT, Guards.parse(" current > v0.1.0-dev ").op());
        assertEquals("current > v0.1.0-dev", Guards.parse(" current > v0.1.0-dev ").text());
        assertThrows(IllegalArgumentException.class, () -> Guards.parse("latest >= 1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Guards.parse("current >= banana")).getMessage().contains("not a version"));
    }
}
