package dev.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.HarnessException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CheckShardTest {
    static final List<String> NAMES = List.of("views", "aggregates", "types", "nulls", "indexes", "table_data", "constraints");

    @Test
    void roundRobinOverTheSortedNamesKeepingTheGivenOrder() {
        // sorted: aggregates constraints indexes nulls table_data types views
        assertEquals(List.of("aggregates", "nulls", "views"), sorted(new CheckShard(1, 3).select(NAMES, Function.identity())));
        assertEquals(List.of("views", "aggregates", "nulls"), new CheckShard(1, 3).select(NAMES, Function.identity()));
        assertEquals(List.of("constraints", "table_data"), sorted(new CheckShard(2, 3).select(NAMES, Function.identity())));
        assertEquals(List.of("indexes", "types"), sorted(new CheckShard(3, 3).select(NAMES, Function.identity())));
    }

    @Test
    void everyCheckIsInExactlyOneShardWhateverTheInputOrder() {
        List<String> shuffled = new ArrayList<>(NAMES);
        Collections.shuffle(shuffled, new java.util.Random(5));
        List<String> all = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            List<String> a = new CheckShard(i, 4).select(NAMES, Function.identity());
            assertEquals(sorted(a), sorted(new CheckShard(i, 4).select(shuffled, Function.identity())));
            all.addAll(a);
        }
        assertEquals(sorted(NAMES), sorted(all));
    }

    @Test
    void parsesIOverNOneBasedAndRejectsNonsenseShowingTheValidRange() {
        assertEquals(new CheckShard(2, 5), CheckShard.parse("2/5"));
        assertEquals(new CheckShard(5, 5), CheckShard.parse("5/5"), "the last shard is N/N, as in Playwright and GitLab");
        for (String bad : List.of("0/5", "6/5", "1", "-1/3", "a/b", "0/0", "99999999999/3")) {
            var e = assertThrows(HarnessException.InvalidInput.class, () -> CheckShard.parse(bad), bad);
            assertTrue(e.getMessage().contains("--shard"), e.getMessage());
        }
        assertEquals("--shard 0/5: expected I/N with 1 <= I <= 5 (shards 1/5 to 5/5)",
                assertThrows(HarnessException.InvalidInput.class, () -> CheckShard.parse("0/5")).getMessage());
    }

    @Test
    void autoReadsGitLabsOneBasedAndBuildkitesZeroBasedVariablesAndSaysWhich() {
        var gitlab = CheckShard.fromCi(Map.of("CI_NODE_INDEX", "2", "CI_NODE_TOTAL", "2"));
        assertEquals(new CheckShard(2, 2), gitlab.shard());
        assertTrue(gitlab.source().contains("CI_NODE_INDEX/CI_NODE_TOTAL"), gitlab.source());
        var buildkite = CheckShard.fromCi(Map.of("BUILDKITE_PARALLEL_JOB", "0", "BUILDKITE_PARALLEL_JOB_COUNT", "3"));
        assertEquals(new CheckShard(1, 3), buildkite.shard());
        assertTrue(buildkite.source().contains("Buildkite"), buildkite.source());
        assertEquals(new CheckShard(3, 3), CheckShard.fromCi(Map.of("BUILDKITE_PARALLEL_JOB", "2", "BUILDKITE_PARALLEL_JOB_COUNT", "3")).shard());
        for (Map<String, String> bad : List.of(Map.<String, String>of(), Map.of("CI_NODE_TOTAL", "2"), Map.of("CI_NODE_INDEX", "x", "CI_NODE_TOTAL", "2"),
                Map.of("CI_NODE_INDEX", "0", "CI_NODE_TOTAL", "2"), Map.of("BUILDKITE_PARALLEL_JOB", "3", "BUILDKITE_PARALLEL_JOB_COUNT", "3"))) {
            var e = assertThrows(HarnessException.InvalidInput.class, () -> CheckShard.fromCi(bad), bad.toString());
            assertTrue(e.getMessage().startsWith("--shard auto: "), e.getMessage());
        }
    }

    static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        Collections.sort(s);
        return s;
    }
}
