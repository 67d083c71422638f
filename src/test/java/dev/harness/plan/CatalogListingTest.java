package dev.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogListingTest {
    @Test
    void checksSortedWithGatesAndDescriptions() {
        assertEquals("""
                checks (3)
                  apple      checks apple  (checks.d/apple.yaml:1)
                  old_thing  checks old_thing  [systems materialize; since v0.78.0; before v0.140.0; disabled: flaky]  (checks.d/old_thing.yaml:1)
                  zebra      checks zebra  (checks.d/zebra.yaml:1)
                """, CatalogListing.checks(List.of(
                Fixtures.check("zebra"),
                Fixtures.check("old_thing", List.of("materialize"), "v0.78.0", "v0.140.0", "flaky"),
                Fixtures.check("apple"))));
    }

    @Test
    void scenariosWithBase() {
        assertEquals("""
                scenarios (1)
                  test  a test scenario  [base last]  (scenarios.d/test.yaml)
                """, CatalogListing.scenarios(List.of(Fixtures.scenario().base("last").start("db_1", "last").build())));
    }
}
