package dev.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Cell;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValueComparatorTest {
    @Test
    void yamlNullMatchesOnlySqlNull() {
        assertTrue(ValueComparator.matches(Cell.nul(), null));
        assertFalse(ValueComparator.matches(Cell.nul(), "null"));
        assertFalse(ValueComparator.matches(Cell.nul(), ""));
    }

    @Test
    void stringsNeverMatchSqlNull() {
        assertFalse(ValueComparator.matches(Cell.string("null"), null));
        assertFalse(ValueComparator.matches(Cell.number("1"), null));
        assertFalse(ValueComparator.matches(Cell.bool(true), null));
    }

    @Test
    void numbersCompareNumerically() {
        assertTrue(ValueComparator.matches(Cell.number("1"), "1"));
        assertTrue(ValueComparator.matches(Cell.number("1"), "1.0"));
        assertTrue(ValueComparator.matches(Cell.number("1.00"), "1"));
        assertTrue(ValueComparator.matches(Cell.number("-0.5"), "-0.50"));
        assertTrue(ValueComparator.matches(Cell.number("1e3"), "1000"));
        assertTrue(ValueComparator.matches(Cell.number("0"), "-0"));
        assertFalse(ValueComparator.matches(Cell.number("1"), "1.01"));
        assertFalse(ValueComparator.matches(Cell.number("1"), "one"));
        assertFalse(ValueComparator.matches(Cell.number("1"), ""));
    }

    @Test
    void numbersWithHugeExponentsCompareWithoutWritingOutTheirDigits() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertTrue(ValueComparator.matches(Cell.number("1e2000000000"), "1e2000000000"));
            assertTrue(ValueComparator.matches(Cell.number("1e2000000000"), "10e1999999999"));
            assertFalse(ValueComparator.matches(Cell.number("1e2000000000"), "1"));
            assertFalse(ValueComparator.matches(Cell.number("1"), "1e-2000000000"));
            assertFalse(ValueComparator.matches(Cell.number("1e-2147483647"), "1e2147483647"));
            assertEquals(ValueComparator.looseKey(Cell.number("1e2000000000")), ValueComparator.looseKey("10e1999999999"));
            assertEquals(ValueComparator.looseKey(Cell.number("-1.500e-2000000000")), ValueComparator.looseKey("-15e-2000000001"));
            // Stripping its zeros takes the exponent past the int range: still a key, not an ArithmeticException.
            assertEquals(ValueComparator.looseKey("100e2147483647"), ValueComparator.looseKey("1000e2147483646"));
        });
    }

    @Test
    void yamlInfinityAndNanMatchTheServerSpelling() {
        assertTrue(ValueComparator.matches(Cell.number(".inf"), "Infinity"));
        assertTrue(ValueComparator.matches(Cell.number("-.inf"), "-Infinity"));
        assertTrue(ValueComparator.matches(Cell.number(".nan"), "NaN"));
        assertFalse(ValueComparator.matches(Cell.number(".inf"), "-Infinity"));
    }

    @Test
    void booleansMatchTAndTrue() {
        assertTrue(ValueComparator.matches(Cell.bool(true), "t"));
        assertTrue(ValueComparator.matches(Cell.bool(true), "true"));
        assertTrue(ValueComparator.matches(Cell.bool(false), "f"));
        assertTrue(ValueComparator.matches(Cell.bool(false), "false"));
        assertFalse(ValueComparator.matches(Cell.bool(true), "f"));
        assertFalse(ValueComparator.matches(Cell.bool(false), "true"));
        assertFalse(ValueComparator.matches(Cell.bool(true), "1"));
        assertFalse(ValueComparator.matches(Cell.bool(true), "yes"));
    }

    @Test
    void stringsCompareExactly() {
        assertTrue(ValueComparator.matches(Cell.string("one"), "one"));
        assertFalse(ValueComparator.matches(Cell.string("one"), "One"));
        assertFalse(ValueComparator.matches(Cell.string("one"), "one "));
        assertFalse(ValueComparator.matches(Cell.string("1.0"), "1"));
        assertFalse(ValueComparator.matches(Cell.string("true"), "t"));
        assertTrue(ValueComparator.matches(Cell.string(""), ""));
    }

    @Test
    void looseKeysAgreeForEveryMatchingPair() {
        String[][] pairs = {{"1", "1.00"}, {"1e3", "1000"}, {"0", "-0.0"}};
        for (String[] p : pairs) assertEquals(ValueComparator.looseKey(Cell.number(p[0])), ValueComparator.looseKey(p[1]));
        assertEquals(ValueComparator.looseKey(Cell.bool(true)), ValueComparator.looseKey("t"));
        assertEquals(ValueComparator.looseKey(Cell.bool(false)), ValueComparator.looseKey("false"));
        assertEquals(ValueComparator.looseKey(Cell.string("x y")), ValueComparator.looseKey("x y"));
        assertEquals(ValueComparator.looseKey(Cell.nul()), ValueComparator.looseKey((String) null));
        assertEquals(ValueComparator.looseKey(Cell.number(".inf")), ValueComparator.looseKey("Infinity"));
    }

    /**
     * testdrive reads a {@code timestamptz} as chrono's {@code DateTime<Utc>} and prints it as
     * {@code 2010-10-10 10:10:10 UTC} (sql.rs {@code decode_row}); the server prints the session's offset. Both name
     * one instant, whatever the offset or the digits of the fraction.
     */
    @Test
    void timestampsWithAZoneCompareAsInstants() {
        assertTrue(ValueComparator.matches(Cell.string("2010-10-10 10:10:10 UTC"), "2010-10-10 10:10:10+00"));
        assertTrue(ValueComparator.matches(Cell.string("2010-10-10 10:10:10 UTC"), "2010-10-10 12:10:10+02"));
        assertTrue(ValueComparator.matches(Cell.string("2010-10-10 10:10:10 UTC"), "2010-10-10 04:40:10-05:30"));
        assertTrue(ValueComparator.matches(Cell.string("2010-10-10 10:10:10.500 UTC"), "2010-10-10 10:10:10.5+00"));
        assertTrue(ValueComparator.matches(Cell.string("1900-01-01 00:00:00 UTC"), "1900-01-01 00:53:28+00:53:28"), "an offset to the second");
        assertTrue(ValueComparator.matches(Cell.string("2010-10-10 10:10:10+00"), "2010-10-10T10:10:10Z"));
        assertFalse(ValueComparator.matches(Cell.string("2010-10-10 10:10:10 UTC"), "2010-10-10 10:10:10+01"));
        assertFalse(ValueComparator.matches(Cell.string("2010-10-10 10:10:10.5 UTC"), "2010-10-10 10:10:10.05+00"));
        // without a zone it names no instant: text as ever
        assertFalse(ValueComparator.matches(Cell.string("2010-10-10 10:10:10 UTC"), "2010-10-10 10:10:10"));
        assertFalse(ValueComparator.matches(Cell.string("2010-10-10 10:10:10"), "2010-10-10 10:10:10+00"));
        assertFalse(ValueComparator.matches(Cell.string("2010-13-10 10:10:10 UTC"), "2010-13-10 10:10:10+00"), "no month 13");
        // rows are bucketed by key before they are compared: equal instants share a key
        assertEquals(ValueComparator.looseKey(Cell.string("2010-10-10 10:10:10 UTC")), ValueComparator.looseKey("2010-10-10 12:10:10+02"));
    }

    /** testdrive prints {@code float4}/{@code float8} with Rust's {@code to_string} (sql.rs {@code decode_row}): inf, -inf, NaN. */
    @Test
    void testdrivesInfAndNanEqualTheServersSpelling() {
        assertTrue(ValueComparator.matches(Cell.string("inf"), "Infinity"));
        assertTrue(ValueComparator.matches(Cell.string("-inf"), "-Infinity"));
        assertTrue(ValueComparator.matches(Cell.string("NaN"), "NaN"));
        assertFalse(ValueComparator.matches(Cell.string("inf"), "-Infinity"));
        assertFalse(ValueComparator.matches(Cell.string("-inf"), "Infinity"));
        assertFalse(ValueComparator.matches(Cell.string("inf"), "1"));
        assertTrue(ValueComparator.matches(Cell.string("inf"), "inf"), "a text column holding inf still matches itself");
        assertEquals(ValueComparator.looseKey(Cell.string("inf")), ValueComparator.looseKey("Infinity"));
        assertEquals(ValueComparator.looseKey(Cell.string("-inf")), ValueComparator.looseKey("-Infinity"));
        assertEquals(ValueComparator.looseKey(Cell.number(".inf")), ValueComparator.looseKey("Infinity"));
        assertEquals(ValueComparator.looseKey(Cell.number(".nan")), ValueComparator.looseKey("NaN"));
    }
}
