package dev.harness.convert.testdrive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What the fragments of one check share in the YAML: its {@code vars:}, its {@code retry:}, the services it needs and what did not translate. */
final class CheckContext {
    /** The budget the importer gives a retried {@code sql:} when no {@code $ set-sql-timeout} says otherwise: the default timeouts.statement. */
    static final Duration DEFAULT_RETRY = Duration.ofSeconds(30);

    final Map<String, String> vars = new LinkedHashMap<>();
    final Set<String> services = new TreeSet<>();
    /** Check-level {@code retry:} (every fragment starts with the same {@code $ set-sql-timeout}); null = none. */
    Duration retry;
    /** {@code F:LINE: not translated: reason}, in input order. */
    final List<String> untranslated = new ArrayList<>();
}
