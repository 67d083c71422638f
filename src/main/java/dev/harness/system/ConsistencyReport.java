package dev.harness.system;

import java.util.List;

/**
 * What a system's consistency check of one service came to.
 *
 * @param checked  what it looked at, one line each (for the step's log), e.g. {@code postgres: 12 B-tree indexes, 9 tables}
 * @param problems what it found wrong, each naming the object (an index, a table, the coordinator); empty = consistent
 */
public record ConsistencyReport(List<String> checked, List<String> problems) {
    public ConsistencyReport {
        checked = List.copyOf(checked);
        problems = List.copyOf(problems);
    }

    public boolean consistent() {
        return problems.isEmpty();
    }
}
