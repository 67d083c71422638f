package dev.harness.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VersionTest {
    @Test
    void everyPartFitsAnIntSoComparingNeverFails() {
        assertEquals(List.of(15, 999_999_999), new Version("15.999999999").numbers());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Version("15.99999999999"));
        assertEquals("not a version: '15.99999999999': the number 99999999999 is too large (at most 9 digits per part)", e.getMessage());
        assertFalse(Version.isVersion("15.99999999999"));
        assertFalse(Version.isVersion("v1.2147483648"));
        assertTrue(Version.isVersion("v0.78.0-dev"));
    }
}
