package dev.harness.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * harness.yaml: the release catalog and system/runtime choices. Built-in defaults make a checkout run as is;
 * CLI flags override it.
 */
public record HarnessConfig(
        String system,
        String runtime,
        List<Version> versions,
        Version current,
        Timeouts timeouts,
        Materialize materialize,
        Postgres postgres,
        SourceRef source) {

    public record Timeouts(Duration statement, Duration start, Duration promote) {}

    /**
     * @param versions         catalog for Materialize (empty = top-level {@code versions})
     * @param image            image pattern with {@code {version}}
     * @param currentImage     image of {@code current} (the locally built one)
     * @param imagePolicy      never | missing | always
     * @param systemParameters merged into MZ_SYSTEM_PARAMETER_DEFAULT
     */
    public record Materialize(
            List<Version> versions,
            Version current,
            String image,
            String currentImage,
            String imagePolicy,
            Map<String, String> systemParameters) {}

    /**
     * @param versions    catalog for PostgreSQL (empty = top-level {@code versions})
     * @param binaries    version -> local install folder (with bin/); empty = Maven-packaged binaries
     * @param image       docker image pattern with {@code {version}}
     * @param imagePolicy never | missing | always
     */
    public record Postgres(List<Version> versions, Version current, Map<String, String> binaries, String image, String imagePolicy) {}

    /** The release catalog of a system, oldest first: its own section's {@code versions}, else the top-level list. */
    public List<Version> catalog(String systemName) {
        List<Version> own = "materialize".equals(systemName) ? materialize.versions() : postgres.versions();
        return own == null || own.isEmpty() ? versions : own;
    }

    /** What {@code current} means for a system: its own section's {@code current}, else the top-level one. */
    public Version current(String systemName) {
        Version own = "materialize".equals(systemName) ? materialize.current() : postgres.current();
        return own == null ? current : own;
    }
}
