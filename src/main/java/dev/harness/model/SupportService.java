package dev.harness.model;

import java.util.List;
import java.util.Map;

/**
 * A service a scenario declares besides the system under test (an upstream PostgreSQL), as the plan records it:
 * its system, the version resolved against that system's catalog, and its server settings. It starts before the
 * first step unless a {@code start:} step names it; steps kill, stop and start it; check statements reach it with
 * {@code on: <name>} and SQL names its address with {@code ${<name>.host}}, {@code .port} and {@code .url}.
 *
 * @param settings server settings (PostgreSQL {@code -c name=value}), in the order written
 */
public record SupportService(String name, String system, Version version, Map<String, String> settings, SourceRef source) {
    /** The keys of {@code ${<service>.<key>}}: the address servers of the run reach the service at. */
    public static final List<String> ADDRESS_KEYS = List.of("host", "port", "url");

    public SupportService {
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }

    /** {@code upstream postgres 15.19}: what plan --details and the step titles say about it. */
    public String describe() {
        return name + " " + system + " " + version;
    }
}
