package dev.harness.plan;

import dev.harness.model.HarnessException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --shard I/N}: shard I (1-based, like Playwright, Jest and GitLab's {@code CI_NODE_INDEX}) of N keeps every
 * N-th check of the name-sorted list, starting at the I-th — Materialize's round-robin over the sorted list, so
 * shards are stable whatever the seed, and every check is in exactly one shard.
 *
 * @param number 1..count
 */
public record CheckShard(int number, int count) {
    private static final Pattern SHAPE = Pattern.compile("(\\d+)/(\\d+)");

    public CheckShard {
        if (count < 1 || number < 1 || number > count) {
            throw new HarnessException.InvalidInput("--shard " + number + "/" + count + ": " + range(count));
        }
    }

    public static CheckShard parse(String text) {
        Matcher m = SHAPE.matcher(text.trim());
        if (!m.matches()) throw new HarnessException.InvalidInput("--shard '" + text + "': expected I/N or auto, e.g. 1/4");
        try {
            return new CheckShard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            throw new HarnessException.InvalidInput("--shard '" + text + "': numbers too large");
        }
    }

    /** "expected I/N with 1 <= I <= 4 (shards 1/4 to 4/4)": the valid range for N, or the shape for N below 1. */
    private static String range(int count) {
        return count < 1 ? "expected I/N with N at least 1, e.g. 1/4"
                : "expected I/N with 1 <= I <= " + count + " (shards 1/" + count + " to " + count + "/" + count + ")";
    }

    /** A shard found in a CI system's variables, and which variables said so. */
    public record FromCi(CheckShard shard, String source) {}

    /**
     * {@code --shard auto}: GitLab's {@code CI_NODE_INDEX}/{@code CI_NODE_TOTAL} (1-based) or Buildkite's
     * {@code BUILDKITE_PARALLEL_JOB}/{@code BUILDKITE_PARALLEL_JOB_COUNT} (0-based), from {@code env}.
     */
    public static FromCi fromCi(Map<String, String> env) {
        if (env.get("CI_NODE_TOTAL") != null) {
            return new FromCi(ciShard(env, "CI_NODE_INDEX", "CI_NODE_TOTAL", 0), "CI_NODE_INDEX/CI_NODE_TOTAL (GitLab)");
        }
        if (env.get("BUILDKITE_PARALLEL_JOB_COUNT") != null) {
            return new FromCi(ciShard(env, "BUILDKITE_PARALLEL_JOB", "BUILDKITE_PARALLEL_JOB_COUNT", 1),
                    "BUILDKITE_PARALLEL_JOB/BUILDKITE_PARALLEL_JOB_COUNT (Buildkite, 0-based)");
        }
        throw new HarnessException.InvalidInput("--shard auto: neither CI_NODE_INDEX/CI_NODE_TOTAL (GitLab) nor "
                + "BUILDKITE_PARALLEL_JOB/BUILDKITE_PARALLEL_JOB_COUNT (Buildkite) is set; give --shard I/N");
    }

    private static CheckShard ciShard(Map<String, String> env, String indexName, String totalName, int offset) {
        String index = env.get(indexName);
        String total = env.get(totalName);
        if (index == null) throw new HarnessException.InvalidInput("--shard auto: " + totalName + " is set but " + indexName + " is not");
        try {
            return new CheckShard(Integer.parseInt(index.trim()) + offset, Integer.parseInt(total.trim()));
        } catch (NumberFormatException e) {
            throw new HarnessException.InvalidInput("--shard auto: " + indexName + "='" + index + "', " + totalName + "='" + total
                    + "': not whole numbers");
        } catch (HarnessException.InvalidInput e) {
            throw new HarnessException.InvalidInput("--shard auto: " + indexName + "=" + index + ", " + totalName + "=" + total + ": "
                    + e.getMessage());
        }
    }

    /** The items of this shard, in their original order. */
    public <T> List<T> select(List<T> items, Function<T, String> name) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(name));
        List<T> mine = new ArrayList<>();
        for (int i = number - 1; i < sorted.size(); i += count) mine.add(sorted.get(i));
        List<T> out = new ArrayList<>();
        for (T item : items) if (mine.contains(item)) out.add(item);
        return out;
    }

    @Override
    public String toString() {
        return number + "/" + count;
    }
}
