package dev.harness.cli;

import static dev.harness.cli.ValidateAndSchemaCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.cli.ValidateAndSchemaCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code harness list --coverage}: the features the checks' {@code tags:} cover, per system, through the real CLI. */
class ListCoverageCommandTest {
    /** The features issue 13 asks the PostgreSQL library to cover, as the shipped checks tag them. */
    private static final List<String> POSTGRES_FEATURES = List.of("partitioning", "identity-columns", "generated-columns", "sequences",
            "domains", "enums", "composite-types", "range-types", "arrays", "jsonb", "gin", "gist", "btree-gist", "exclusion-constraints",
            "brin", "hash-indexes", "partial-indexes", "expression-indexes", "pg-trgm", "citext", "hstore", "icu-collations",
            "libc-collations", "row-level-security", "roles", "grants", "default-privileges", "security-barrier-views",
            "check-option-views", "materialized-views", "triggers", "event-triggers", "plpgsql", "procedures",
            "prepared-transactions", "advisory-locks", "large-objects", "toast", "unlogged-tables", "deferrable-foreign-keys",
            "logical-replication-slots", "publications", "postgres-fdw", "comments", "extended-statistics", "pg-stat-statements");

    @Test
    void tagsAreListedPerSystemWithTheirChecksAndUntaggedChecksNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "systems: [postgres]\ntags: [sequences, jsonb]\nvalidate: [{sql: SELECT 1}]\n");
        Files.writeString(dir.resolve("b.yaml"), "tags: [jsonb]\ndisabled: flaky\nvalidate: [{sql: SELECT 1}]\n");
        Files.writeString(dir.resolve("c.yaml"), "systems: [materialize]\nvalidate: [{sql: SELECT 1}]\n");
        Run r = run("list", "--coverage", "--checks", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("""
                postgres: 2 features tagged in 2 of 2 checks
                  jsonb      a, b (disabled)
                  sequences  a
                materialize: 1 feature tagged in 1 of 2 checks
                  jsonb  b (disabled)
                  without tags: c
                """, r.out());
    }

    @Test
    void aTagThatIsNotATagIsInvalidInputWithItsPosition(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "tags: [Sequences]\nvalidate: [{sql: SELECT 1}]\n");
        Run r = run("list", "--coverage", "--checks", dir.toString());
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().startsWith(dir.resolve("a.yaml") + ":1:8: "), r.err());
        assertTrue(r.err().contains("tag"), r.err());
    }

    @Test
    void coverageOfScenariosIsRefused() {
        Run r = run("list", "scenarios", "--coverage");
        assertEquals(2, r.exit(), r.out());
        assertEquals("--coverage lists checks: it does not apply to 'list scenarios'\n", r.err());
    }

    /** Every feature the issue names is tagged by a shipped PostgreSQL check, and every shipped PostgreSQL check is tagged. */
    @Test
    void theShippedLibraryCoversEveryFeatureOfTheIssue() {
        Run r = run("list", "--coverage");
        assertEquals(0, r.exit(), r.err());
        String postgres = r.out().substring(0, r.out().indexOf("\nmaterialize: "));
        for (String feature : POSTGRES_FEATURES) {
            assertTrue(postgres.matches("(?s).*\n  " + feature + " +[a-z].*"), feature + " is not covered:\n" + postgres);
        }
        String untagged = postgres.lines().filter(l -> l.startsWith("  without tags: ")).findFirst().orElse("");
        for (String check : libraryChecks()) {
            assertTrue(List.of(untagged.replace("  without tags: ", "").split(", ")).stream().noneMatch(check::equals), check + " has no tags");
        }
        assertTrue(libraryChecks().size() >= 40, "the library has " + libraryChecks().size() + " checks");
    }

    /** The names of checks.d/postgres: each check there is named after its file. */
    private static List<String> libraryChecks() {
        try (java.util.stream.Stream<Path> files = Files.list(Path.of("checks.d/postgres"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).map(n -> n.substring(0, n.length() - 5)).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
