package dev.harness.plan;

import dev.harness.model.HarnessException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --shard I/N}: shard I (0-based) of N keeps every N-th check of the name-sorted list, starting at I —
 * Materialize's round-robin over the sorted list, so shards are stable whatever the seed, and every check is
 * in exactly one shard.
 */
public record CheckShard(int index, int count) {
    private static final Pattern SHAPE = Pattern.compile("(\\d+)/(\\d+)");

    public CheckShard {
        if (count < 1 || index < 0 || index >= count) {
            throw new HarnessException.InvalidInput("--shard " + index + "/" + count + ": expected I/N with 0 <= I < N, e.g. 0/4");
        }
    }

    public static CheckShard parse(String text) {
        Matcher m = SHAPE.matcher(text.trim());
        if (!m.matches()) throw new HarnessException.InvalidInput("--shard '" + text + "': expected I/N with 0 <= I < N, e.g. 0/4");
        try {
            return new CheckShard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            throw new HarnessException.InvalidInput("--shard '" + text + "': numbers too large");
        }
    }

    /** The items of this shard, in their original order. */
    public <T> List<T> select(List<T> items, Function<T, String> name) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(name));
        List<T> mine = new ArrayList<>();
        for (int i = index; i < sorted.size(); i += count) mine.add(sorted.get(i));
        List<T> out = new ArrayList<>();
        for (T item : items) if (mine.contains(item)) out.add(item);
        return out;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
