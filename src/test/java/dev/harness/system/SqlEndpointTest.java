package dev.harness.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** SqlEndpoint owns the connection options; a URL that would silently override them is refused. */
class SqlEndpointTest {
    @Test
    void aUrlMayNotCarryTheOptionsTheEndpointOwns() {
        for (String option : new String[] {"ApplicationName=x", "socketTimeout=1", "connectTimeout=1", "tcpKeepAlive=false", "loginTimeout=1"}) {
            assertThrows(IllegalArgumentException.class, () -> new SqlEndpoint("jdbc:postgresql://h:1/db?sslmode=disable&" + option, "u", null), option);
        }
        new SqlEndpoint("jdbc:postgresql://h:1/db?sslmode=disable", "u", null);
    }

    @Test
    void theCallerNamesItsConnectionAndBudget() {
        SqlEndpoint e = new SqlEndpoint("jdbc:postgresql://h:1/db", "u", "pw", Duration.ofSeconds(3), Duration.ofSeconds(40));
        Properties own = e.properties();
        assertEquals("harness", own.getProperty("ApplicationName"));
        assertEquals("40", own.getProperty("socketTimeout"));
        assertEquals("3", own.getProperty("connectTimeout"));
        Properties check = e.properties(Duration.ofSeconds(10), Duration.ofSeconds(90), "harness " + "c".repeat(80));
        assertEquals("90", check.getProperty("socketTimeout"));
        assertEquals(60, check.getProperty("ApplicationName").length(), "pg_stat_activity keeps 63 bytes");
        assertEquals("pw", check.getProperty("password"));
    }
}
