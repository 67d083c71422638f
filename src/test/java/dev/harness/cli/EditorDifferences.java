package dev.harness.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Broken fixtures where the editor (yaml-language-server with schema/) and {@code harness validate} report problems
 * at different positions, each with the reason. Every other broken fixture must agree position for position;
 * a file listed here that starts to agree fails EditorSchemaTest, so the list stays true.
 */
final class EditorDifferences {
    private static final String H = "src/test/resources/hostile/";
    private static final String L = "src/test/resources/load/errors/";

    static final Map<String, String> REASONS = reasons();

    private static Map<String, String> reasons() {
        Map<String, String> reasons = new LinkedHashMap<>();
        because(reasons, "a rule a JSON Schema does not state (duration and number ranges, regular expression syntax, rows with error,"
                        + " query without rows, since below before, Docker image names, catalog order): only harness validate checks it",
                H + "check/error_bad_regex.yaml", H + "check/error_with_rows.yaml", H + "check/query_without_rows.yaml", L + "query_without_rows.yaml",
                H + "check/retry_above_max.yaml", H + "check/retry_long_overflow.yaml", H + "check/retry_overflow.yaml",
                H + "check/since_huge_number.yaml", H + "check/since_not_below_before.yaml", L + "since_not_below_before.yaml",
                H + "config/current_image_bad.yaml", H + "config/image_shell.yaml", H + "config/image_space.yaml", H + "config/image_upper_case.yaml",
                H + "config/image_without_version.yaml", H + "config/timeout_promote_overflow.yaml", H + "config/timeout_start_zero_ms.yaml",
                H + "config/timeout_statement_above_max.yaml", H + "config/timeout_statement_zero.yaml", H + "config/versions_huge.yaml",
                H + "config/versions_unordered.yaml", H + "scenario/sleep_above_max.yaml", H + "scenario/sleep_long_overflow.yaml",
                H + "scenario/sleep_overflow.yaml", H + "scenario/upgrade_path_max_with_list.yaml");
        because(reasons, "a plan error: harness validate also compiles every scenario against the catalog (unknown versions and services,"
                        + " phase order, a phase on a killed service, paths that go down); an editor validates the file alone",
                H + "scenario/base_huge.yaml", H + "scenario/candidate_name_too_long.yaml", H + "scenario/manipulate_2_before_1.yaml",
                H + "scenario/phase_on_killed.yaml", H + "scenario/start_version_huge_number.yaml", H + "scenario/unknown_service.yaml",
                H + "scenario/upgrade_path_down.yaml", H + "scenario/upgrade_path_down_from_leader.yaml", H + "scenario/upgrade_path_repeat.yaml",
                H + "scenario/upgrade_to_older.yaml");
        because(reasons, "YAML the harness refuses before any schema (an empty file, a second document, tags beyond the core schema,"
                        + " bytes that are no UTF-8); the editor accepts the YAML and finds nothing wrong in it",
                H + "check/empty.yaml", L + "empty.yaml", H + "check/only_comments.yaml", H + "check/two_documents.yaml", H + "check/tag_binary.yaml",
                H + "check/tag_omap.yaml", H + "check/tag_set.yaml", H + "check/tag_timestamp.yaml", L + "not_utf8.yaml");
        because(reasons, "aliases and nesting: the harness stops at its alias budget, a recursive alias or its nesting limit and reports that place;"
                        + " the editor expands what it can (merge keys included) and reports what the schema says of the result",
                H + "check/alias_bomb_lists.yaml", L + "alias_bomb.yaml", H + "check/alias_bomb_nested_scalars.yaml", H + "check/many_aliases.yaml",
                L + "many_aliases.yaml", H + "check/alias_recursive.yaml", L + "recursive_alias.yaml", H + "check/alias_merge_key.yaml",
                H + "check/nested_too_deeply.yaml");
        because(reasons, "manipulate with a wrong phase: harness validate says it once at manipulate (\"must have exactly the phases 1 and 2\"),"
                        + " the editor at manipulate (missing 1) and again at the wrong key",
                H + "check/manipulate_word_phase.yaml");
        because(reasons, "a syntax error: both report it at the same place, and the editor also validates what it could parse before it",
                H + "check/unclosed_quote.yaml");
        because(reasons, "a ${name} that no variable defines: harness validate knows the built-ins, run-level vars, the check's vars and"
                        + " the captures before the statement; a schema sees text",
                H + "check/undefined_variable.yaml");
        because(reasons, "several wrong items in one list: harness validate reports each, the editor the first",
                L + "many.yaml");
        return Map.copyOf(reasons);
    }

    private EditorDifferences() {}

    private static void because(Map<String, String> reasons, String reason, String... files) {
        for (String f : files) {
            if (reasons.put(f, reason) != null) throw new IllegalStateException("listed twice: " + f);
        }
    }
}
