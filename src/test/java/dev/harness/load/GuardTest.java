package dev.harness.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Guard;
import dev.harness.model.Version;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards as testdrive's {@code >[version…]}: compared like {@code mz_version_num()} of the connected server, which has no
 * pre-release ("a -dev build reports the number of the release it precedes", testdrive-constructs.md, "Semantics a
 * translator must keep"; materialize-platform-checks.md §2.3 and §9.1).
 */
class GuardTest {
    private static final Version DEV = new Version("v26.16.0-dev");
    private static final Version BASE = new Version("v26.10.0");

    private static boolean holds(String guard, Version current, Version base) {
        return Guards.parse(guard).holds(current, base);
    }

    @Test
    void aDevBuildSatisfiesGreaterOrEqualItsOwnReleaseWithOrWithoutDev() {
        // mz_version_num() of v26.16.0-dev is 2601600, the same as v26.16.0's
        assertTrue(holds("current >= v26.16.0-dev", DEV, BASE));
        assertTrue(holds("current >= v26.16.0", DEV, BASE));
        assertTrue(holds("current == v26.16.0", DEV, BASE));
        assertFalse(holds("current < v26.16.0", DEV, BASE));
        assertFalse(holds("current > v26.15.9", new Version("v26.15.9-dev"), BASE));
    }

    @Test
    void currentComparedWithBase() {
        // the platform checks' `base_version == current_version` (one SQL-only check branches on it)
        assertTrue(holds("current == base", BASE, BASE));
        assertTrue(holds("base == current", BASE, BASE));
        assertFalse(holds("current != base", BASE, BASE));
        assertTrue(holds("current != base", DEV, BASE));
        assertTrue(holds("current > base", DEV, BASE));
        assertTrue(holds("current == base", new Version("v26.10.0-dev"), BASE)); // numbers only, as mz_version_num()
    }

    @Test
    void aListIsARangeWhoseGuardsMustAllHold() {
        // testdrive's `>[2601000<=version<2603400]` is the two guards of a list
        List<Guard> range = List.of(Guards.parse("current >= v26.10.0-dev"), Guards.parse("current < v26.34.0-dev"));
        assertTrue(Guard.allHold(range, DEV, BASE));
        assertFalse(Guard.allHold(range, new Version("v26.34.0"), BASE));
        assertFalse(Guard.allHold(range, new Version("v26.9.9"), BASE));
        assertTrue(Guard.allHold(List.of(), DEV, BASE), "no guard: always");
    }

    @Test
    void versionOrderStillPutsAPreReleaseBelowItsRelease() {
        // the catalog and since/before keep semantic-version order; only guards ignore the pre-release
        assertTrue(DEV.compareTo(new Version("v26.16.0")) < 0);
        assertTrue(DEV.compareRelease(new Version("v26.16.0")) == 0);
    }
}
