package dev.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomUpgradePathTest {
    private static final List<Version> TEN = Fixtures.versions(
            "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9");

    private static List<Version> path(long seed, List<Version> candidates, int max) {
        return new RandomUpgradePath(RandomUpgradePath.randomFor(seed)).choose(candidates, max);
    }

    @Test
    void sameSeedSamePath() {
        for (long seed = 0; seed < 50; seed++) assertEquals(path(seed, TEN, 6), path(seed, TEN, 6));
    }

    @Test
    void differentSeedsGiveDifferentPaths() {
        Set<List<Version>> seen = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) seen.add(path(seed, TEN, 6));
        assertTrue(seen.size() > 25, "only " + seen.size() + " distinct paths in 50 seeds");
    }

    @Test
    void distributionOverManySeeds() {
        int runs = 20_000;
        int[] kept = new int[TEN.size()];
        for (long seed = 0; seed < runs; seed++) {
            // max = size: the sample-down step never interferes with the keep probability here
            List<Version> p = path(seed, TEN, TEN.size());
            assertFalse(p.isEmpty(), "empty path for seed " + seed);
            List<Version> sorted = new ArrayList<>(p);
            sorted.sort(null);
            assertEquals(sorted, p, "not ascending for seed " + seed);
            assertEquals(p.size(), new HashSet<>(p).size(), "duplicates for seed " + seed);
            for (Version v : p) kept[TEN.indexOf(v)]++;
        }
        for (int i = 0; i < kept.length; i++) {
            double share = kept[i] / (double) runs;
            // 0.33 plus the small "pick one if none kept" bonus (0.67^10 / 10 ≈ 0.2%)
            assertTrue(share > 0.31 && share < 0.35, TEN.get(i) + " kept in " + share + " of runs");
        }
    }

    @Test
    void neverMoreThanMax() {
        for (long seed = 0; seed < 2_000; seed++) {
            List<Version> p = path(seed, TEN, 2);
            assertTrue(p.size() >= 1 && p.size() <= 2, "seed " + seed + ": " + p);
            assertTrue(p.size() < 2 || p.get(0).compareTo(p.get(1)) < 0, "seed " + seed + ": " + p);
        }
    }

    @Test
    void sampleDownHappensAndStaysAscending() {
        boolean trimmed = false;
        for (long seed = 0; seed < 500; seed++) {
            List<Version> unlimited = path(seed, TEN, TEN.size());
            List<Version> limited = path(seed, TEN, 3);
            if (unlimited.size() > 3) {
                trimmed = true;
                assertEquals(3, limited.size());
                assertTrue(unlimited.containsAll(limited), "sample must come from the kept versions");
            }
        }
        assertTrue(trimmed, "no seed kept more than 3 of 10 versions");
    }

    @Test
    void noneKeptPicksOneAtRandom() {
        // one candidate: kept with p = 0.33, else picked anyway: always exactly that one
        for (long seed = 0; seed < 100; seed++) assertEquals(TEN.subList(0, 1), path(seed, TEN.subList(0, 1), 6));
    }

    @Test
    void emptyCandidatesGiveEmptyPathAndMaxMustBePositive() {
        assertEquals(List.of(), path(1, List.of(), 6));
        assertThrows(IllegalArgumentException.class, () -> path(1, TEN, 0));
        assertNotEquals(path(1, TEN, 6), List.of());
    }
}
