package dev.harness.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The labels every container, volume and network of a run carries. The run id lets close() and Ctrl-C remove
 * exactly what the run made; the owner labels (host, pid, process start time) let a later run tell a
 * leftover of a killed run from the resources of a run that is still alive.
 */
public final class RunLabels {
    public static final String RUN = "dev.harness.run";
    public static final String SERVICE = "dev.harness.service";
    public static final String OWNER_HOST = "dev.harness.owner.host";
    public static final String OWNER_PID = "dev.harness.owner.pid";
    public static final String OWNER_STARTED = "dev.harness.owner.started";
    /** Set when the run was asked to keep its resources (--keep): never swept. */
    public static final String KEEP = "dev.harness.keep";

    private RunLabels() {}

    /** Labels of every resource of the run owned by this JVM. */
    public static Map<String, String> forRun(String runId, boolean keep) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(RUN, runId);
        labels.put(OWNER_HOST, hostName());
        ProcessHandle self = ProcessHandle.current();
        labels.put(OWNER_PID, Long.toString(self.pid()));
        labels.put(OWNER_STARTED, startMillis(self).map(String::valueOf).orElse(""));
        if (keep) labels.put(KEEP, "true");
        return labels;
    }

    /**
     * Whether the process that created a resource may still be alive. Resources of another host, or without
     * owner labels, are assumed alive: they cannot be checked, and sweeping them could break a live run.
     */
    public static boolean ownerMayBeAlive(Map<String, String> labels) {
        if (labels == null) return true;
        if ("true".equals(labels.get(KEEP))) return true;
        String host = labels.get(OWNER_HOST);
        String pid = labels.get(OWNER_PID);
        if (host == null || pid == null || !host.equals(hostName())) return true;
        Optional<ProcessHandle> owner;
        try {
            owner = ProcessHandle.of(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            return true;
        }
        if (owner.isEmpty() || !owner.get().isAlive()) return false;
        // A reused pid belongs to a different process: compare start times when both are known.
        String started = labels.get(OWNER_STARTED);
        Optional<Long> actual = startMillis(owner.get());
        if (started == null || started.isEmpty() || actual.isEmpty()) return true;
        return Math.abs(actual.get() - Long.parseLong(started)) < 2_000;
    }

    static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) return env;
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    private static Optional<Long> startMillis(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli);
    }
}
