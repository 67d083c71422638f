package dev.harness.convert.testdrive;

import java.util.Map;

/** Why a builtin has no harness form: the external system it needs, or what the harness does instead. */
final class Unsupported {
    private static final Map<String, String> BY_PREFIX = Map.ofEntries(
            Map.entry("kafka-", "Kafka is not available to harness checks"),
            Map.entry("schema-registry-", "the schema registry is not available to harness checks"),
            Map.entry("mysql-", "MySQL is not available to harness checks"),
            Map.entry("sql-server-", "SQL Server is not available to harness checks"),
            Map.entry("s3-", "S3 is not available to harness checks"),
            Map.entry("webhook-", "webhook HTTP requests are not available to harness checks"),
            Map.entry("http-", "HTTP requests are not available to harness checks"),
            Map.entry("duckdb-", "DuckDB is not available to harness checks"),
            Map.entry("glue-", "AWS Glue is not available to harness checks"),
            Map.entry("fivetran-", "Fivetran is not available to harness checks"),
            Map.entry("file-", "files on the testdrive host are not available to harness checks"),
            Map.entry("protobuf-", "protobuf descriptors are not available to harness checks"),
            Map.entry("persist-", "persist internals are not available to harness checks"),
            Map.entry("psql-", "psql meta-commands are not SQL"),
            Map.entry("check-", "testdrive's consistency checks are not run by the harness"),
            Map.entry("postgres-verify-", "replication slot checks have no harness form"));
    private static final Map<String, String> BY_NAME = Map.of(
            "set-from-file", "variables from files on the testdrive host have no harness form",
            "set-arg-default", "defaults of --var values have no harness form",
            "set-max-tries", "the harness retries within a time budget, not a number of tries",
            "random-sleep", "a random sleep has no harness form");

    private Unsupported() {}

    static String reason(String builtin) {
        String known = BY_NAME.get(builtin);
        if (known != null) return "$ " + builtin + ": " + known;
        for (Map.Entry<String, String> e : BY_PREFIX.entrySet()) {
            if (builtin.startsWith(e.getKey())) return "$ " + builtin + ": " + e.getValue();
        }
        return "$ " + builtin + ": no harness form";
    }
}
