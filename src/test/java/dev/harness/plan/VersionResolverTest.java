package dev.harness.plan;

import static dev.harness.plan.Fixtures.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.harness.model.Version;
import org.junit.jupiter.api.Test;

class VersionResolverTest {
    // The catalog lists current too (as harness.yaml does) and is deliberately out of order.
    private final VersionResolver r = new VersionResolver("postgres",
            versions("15.13", "15.10", "15.15", "15.17", "15.19", "15.18"), new Version("15.19"));

    private String resolve(String name) {
        VersionResolver.Result res = r.resolve(name);
        return res.ok() ? res.version().text() : "error: " + res.error();
    }

    @Test
    void names() {
        assertEquals("15.19", resolve("current"));
        assertEquals("15.18", resolve("last"));
        assertEquals("15.17", resolve("previous"));
        assertEquals("15.18", resolve("last-0"));
        assertEquals("15.17", resolve("last-1"));
        assertEquals("15.13", resolve("last-3"));
        assertEquals("15.10", resolve("oldest"));
    }

    @Test
    void literalsResolveToTheCatalogsSpelling() {
        assertEquals("15.15", resolve("15.15"));
        assertEquals("15.19", resolve("15.19"));
        VersionResolver mz = new VersionResolver("materialize", versions("v26.1.0", "v26.2.0"), new Version("v26.3.0-dev"));
        assertEquals("v26.1.0", mz.resolve("26.1.0").version().text());
        assertEquals("v26.3.0-dev", mz.resolve("v26.3.0-dev").version().text());
        assertEquals("v26.2.0", mz.resolve("last").version().text());
    }

    @Test
    void fifteenTenIsNotFifteenOne() {
        assertEquals("error: unknown version '15.1': not in the postgres catalog [15.10, 15.13, 15.15, 15.17, 15.18, 15.19] and not current (15.19)",
                resolve("15.1"));
    }

    @Test
    void unknownNames() {
        assertEquals("error: unknown version 'latest': expected current, last, previous, last-N, oldest or a postgres version "
                + "of the catalog [15.10, 15.13, 15.15, 15.17, 15.18, 15.19] or current (15.19)", resolve("latest"));
    }

    @Test
    void lastNBeyondTheCatalog() {
        assertEquals("15.10", resolve("last-4"));
        assertEquals("error: 'last-5' needs 6 postgres version(s) below current (15.19), the catalog has 5 "
                + "[15.10, 15.13, 15.15, 15.17, 15.18]", resolve("last-5"));
        assertEquals("error: 'last-99999999999999999999' reaches back further than any catalog", resolve("last-99999999999999999999"));
    }

    @Test
    void emptyCatalogHasOnlyCurrent() {
        VersionResolver empty = new VersionResolver("postgres", versions(), new Version("15.19"));
        assertEquals("15.19", empty.resolve("current").version().text());
        assertEquals("15.19", empty.resolve("oldest").version().text());
        assertFalse(empty.resolve("last").ok());
    }
}
