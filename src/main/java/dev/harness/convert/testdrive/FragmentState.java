package dev.harness.convert.testdrive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What testdrive keeps while it runs one file, and the importer must follow to place each statement: the SQL timeout
 * ({@code $ set-sql-timeout}), the guards of an open {@code $ skip-if}, and the sessions {@code $ postgres-connect}
 * opened. A file is one testdrive run, so each fragment starts afresh.
 */
final class FragmentState {
    /** {@code $ set-sql-timeout} in force; null = the default. */
    Duration timeout;
    /** Guards from {@code $ skip-if} until {@code $ skip-end} or the end of the fragment. */
    final List<String> skipGuards = new ArrayList<>();
    final Set<String> sessions = new HashSet<>();
}
