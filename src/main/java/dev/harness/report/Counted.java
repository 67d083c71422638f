package dev.harness.report;

/** A count with its noun in the right number: "1 check", "2 checks", "0 errors". */
public final class Counted {
    private Counted() {}

    /** @param noun the singular of a noun whose plural adds "s" (check, error, scenario, shard, attempt) */
    public static String of(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
