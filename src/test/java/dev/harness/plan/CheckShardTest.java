package dev.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.HarnessException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CheckShardTest {
    static final List<String> NAMES = List.of("views", "aggregates", "types", "nulls", "indexes", "table_data", "constraints");

    @Test
    void roundRobinOverTheSortedNamesKeepingTheGivenOrder() {
        // sorted: aggregates constraints indexes nulls table_data types views
        assertEquals(List.of("aggregates", "nulls", "views"), sorted(new CheckShard(0, 3).select(NAMES, Function.identity())));
        assertEquals(List.of("views", "aggregates", "nulls"), new CheckShard(0, 3).select(NAMES, Function.identity()));
        assertEquals(List.of("constraints", "table_data"), sorted(new CheckShard(1, 3).select(NAMES, Function.identity())));
        assertEquals(List.of("indexes", "types"), sorted(new CheckShard(2, 3).select(NAMES, Function.identity())));
    }

    @Test
    void everyCheckIsInExactlyOneShardWhateverTheInputOrder() {
        List<String> shuffled = new ArrayList<>(NAMES);
        Collections.shuffle(shuffled, new java.util.Random(5));
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            List<String> a = new CheckShard(i, 4).select(NAMES, Function.identity());
            assertEquals(sorted(a), sorted(new CheckShard(i, 4).select(shuffled, Function.identity())));
            all.addAll(a);
        }
        assertEquals(sorted(NAMES), sorted(all));
    }

    @Test
    void parsesIOverNAndRejectsNonsense() {
        assertEquals(new CheckShard(2, 5), CheckShard.parse("2/5"));
        for (String bad : List.of("5/5", "1", "-1/3", "a/b", "0/0", "99999999999/3")) {
            var e = assertThrows(HarnessException.InvalidInput.class, () -> CheckShard.parse(bad), bad);
            assertTrue(e.getMessage().contains("--shard"), e.getMessage());
        }
    }

    static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        Collections.sort(s);
        return s;
    }
}
