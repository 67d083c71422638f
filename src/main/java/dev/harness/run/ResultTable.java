package dev.harness.run;

import java.util.List;

/**
 * What a statement returned, every value read with {@code getString} (null = SQL NULL).
 * A statement without a result set (DML, DDL) yields no columns and no rows.
 */
record ResultTable(List<String> columns, List<List<String>> rows) {
    static final ResultTable NONE = new ResultTable(List.of(), List.of());
}
