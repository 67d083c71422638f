package dev.harness.convert.testdrive;

import java.util.List;
import java.util.Map;

/**
 * One command of a testdrive file, as testdrive's parser reads it. {@code first}/{@code last} are the physical lines
 * it spans (its expected output or input included), so an untranslated command can be quoted whole.
 */
sealed interface TdCommand {
    int first();

    int last();

    /** {@code # …}: a comment line between commands. */
    record Comment(String text, int first, int last) implements TdCommand {}

    /**
     * {@code > SQL} with its expected rows (none = an empty result), or {@code ? SQL} whose expected output is one
     * raw multi-line value ({@code explain}).
     *
     * @param columns the header above {@code ---}; null = not checked
     * @param hashed  the {@code N values hashing to MD5} line, or null
     */
    record Query(String sql, List<String> guards, List<String> columns, List<List<String>> rows, boolean explain, String hashed,
                 int first, int last) implements TdCommand {}

    /** {@code ! SQL} with its matcher: {@code contains}, {@code regex}, {@code exact} or {@code timeout}; detail and hint may be null. */
    record FailQuery(String sql, List<String> guards, String kind, String expected, String detail, String hint, int first, int last)
            implements TdCommand {}

    /** {@code $ name key=value …} with its input lines. */
    record Builtin(String name, Map<String, String> args, List<String> input, List<String> guards, int first, int last)
            implements TdCommand {}
}
