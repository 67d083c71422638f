package dev.harness.system;

import java.util.Properties;

/** How to open a JDBC connection to a service. */
public record SqlEndpoint(String jdbcUrl, String user, String password) {
    public Properties properties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        return p;
    }
}
