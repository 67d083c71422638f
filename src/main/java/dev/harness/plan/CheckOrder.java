package dev.harness.plan;

import dev.harness.model.PlannedCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The order checks run in: sorted by name (so the input order of files does not matter), then shuffled
 * by the seed, as Materialize shuffles with {@code Random(seed)} to surface order dependencies.
 */
public final class CheckOrder {
    private CheckOrder() {}

    public static List<PlannedCheck> order(List<PlannedCheck> checks, long seed) {
        List<PlannedCheck> out = new ArrayList<>(checks);
        out.sort(Comparator.comparing(PlannedCheck::name));
        Collections.shuffle(out, new Random(seed));
        return List.copyOf(out);
    }
}
