package dev.harness.system.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LsnTest {
    @Test
    void comparesBothHalves() {
        assertTrue(Lsn.parse("1/0").compareTo(Lsn.parse("0/FFFFFFFF")) > 0);
        assertTrue(Lsn.parse("0/3000148").compareTo(Lsn.parse("0/3000060")) > 0);
        assertEquals(0, Lsn.parse("0/A").compareTo(Lsn.parse("0/a")));
        assertEquals("16/B374D848", Lsn.parse("16/B374D848").toString());
    }
}
