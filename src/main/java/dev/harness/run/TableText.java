package dev.harness.run;

import dev.harness.model.Cell;
import java.util.ArrayList;
import java.util.List;

/** Renders rows as aligned text tables, one row a line, for failure messages and diffs. */
final class TableText {
    static final String NULL = "<null>";

    private TableText() {}

    static String expected(List<String> columns, List<List<Cell>> rows) {
        List<List<String>> text = new ArrayList<>();
        for (List<Cell> row : rows) text.add(row.stream().map(TableText::cell).toList());
        return table(columns, text);
    }

    static String actual(ResultTable result) {
        return table(result.columns().isEmpty() ? null : result.columns(), result.rows());
    }

    static String cell(Cell c) {
        return c.type() == Cell.Type.NULL ? NULL : c.text();
    }

    /** One row as a line: values separated by " | ", NULL as {@code <null>}, empty strings as {@code ''}. */
    static String row(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            if (sb.length() > 0) sb.append(" | ");
            sb.append(v == null ? NULL : v.isEmpty() ? "''" : v.replace("\n", "\\n"));
        }
        return sb.toString();
    }

    static String rowOfCells(List<Cell> cells) {
        return row(values(cells));
    }

    /** An expected row's values as text, SQL NULL as null. */
    static List<String> values(List<Cell> cells) {
        List<String> values = new ArrayList<>();
        for (Cell c : cells) values.add(c.type() == Cell.Type.NULL ? null : c.text());
        return values;
    }

    /** Header (when columns are known) then one line per row; "(no rows)" when empty. */
    static String table(List<String> columns, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        if (columns != null) {
            String header = String.join(" | ", columns);
            sb.append(header).append('\n').append("-".repeat(Math.max(3, header.length()))).append('\n');
        }
        if (rows.isEmpty()) sb.append("(no rows)\n");
        for (List<String> r : rows) sb.append(row(r)).append('\n');
        return sb.toString();
    }
}
