package dev.harness.plan;

import dev.harness.model.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Materialize's {@code generate_random_upgrade_path}: keep each candidate version independently with
 * probability 0.33; if none was kept pick one at random; if more than {@code max} were kept, keep a
 * random sample of {@code max}. The result is ascending (the caller appends current). It also places the
 * manipulate phases of a path with {@code phases: random}, from the same stream.
 */
public final class RandomUpgradePath {
    /** The keep probability Materialize uses since 2026 (0.5 before). */
    public static final double KEEP_PROBABILITY = 0.33;

    private final Random random;

    /** The caller owns the Random, so several random paths of one scenario draw from one seeded stream. */
    public RandomUpgradePath(Random random) {
        this.random = random;
    }

    /**
     * The Random for a seed. The seed is scrambled first: java.util.Random's first draw is strongly
     * correlated for neighbouring seeds (seeds 0..19999 keep the first version ~47% of the time instead of
     * 33%), and CI seeds are consecutive job ids.
     */
    public static Random randomFor(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L; // SplitMix64 finaliser
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    /** Where a path's manipulate phases go: after that many hops (0 = before the first), manipulate 1 never after 2. */
    public record PhasePositions(int manipulate1, int manipulate2) {}

    /**
     * Materialize's {@code SelfManagedRandomUpgradePath}: two positions drawn from {@code 0..hops}, the smaller for
     * manipulate 1, so both phases may fall on the same version.
     */
    public PhasePositions phasePositions(int hops) {
        if (hops < 0) throw new IllegalArgumentException("hops must not be negative, not " + hops);
        int a = random.nextInt(hops + 1);
        int b = random.nextInt(hops + 1);
        return new PhasePositions(Math.min(a, b), Math.max(a, b));
    }

    /** @param candidates versions to choose from, ascending; empty gives an empty path */
    public List<Version> choose(List<Version> candidates, int max) {
        if (max < 1) throw new IllegalArgumentException("max must be at least 1, not " + max);
        if (candidates.isEmpty()) return List.of();
        List<Version> selected = new ArrayList<>();
        for (Version v : candidates) {
            if (random.nextDouble() < KEEP_PROBABILITY) selected.add(v);
        }
        if (selected.isEmpty()) selected.add(candidates.get(random.nextInt(candidates.size())));
        if (selected.size() > max) {
            Collections.shuffle(selected, random);
            selected = new ArrayList<>(selected.subList(0, max));
        }
        Collections.sort(selected);
        return List.copyOf(selected);
    }
}
