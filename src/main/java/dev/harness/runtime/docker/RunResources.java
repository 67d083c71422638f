package dev.harness.runtime.docker;

/**
 * Docker names of a run's resources. Names carry the run id so two runs never collide, and Docker's naming
 * rules ([a-zA-Z0-9][a-zA-Z0-9_.-]*) are respected whatever the run id looks like.
 */
public record RunResources(String runId) {
    public String prefix() {
        String safe = runId.replaceAll("[^a-zA-Z0-9_.-]", "-");
        return "harness-" + safe;
    }

    public String network() {
        return prefix();
    }

    public String container(String service) {
        return prefix() + "-" + service.replaceAll("[^a-zA-Z0-9_.-]", "-");
    }

    public String volume(String name) {
        return prefix() + "-" + name.replaceAll("[^a-zA-Z0-9_.-]", "-");
    }
}
