package dev.harness.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where services run: local processes or Docker containers. Knows how to start, kill and stop a
 * {@link ServiceSpec}, keeps volumes across kills, streams each service's output to
 * {@code logs/<service>.log} from start and keeps it across kills, and removes everything it started on
 * {@link #close()} (unless asked to keep it).
 */
public interface ServiceRuntime extends AutoCloseable {
    /** "process" or "docker". */
    String name();

    /** The unique id of this run ({@link RunId}): names and labels everything this runtime creates. */
    String runId();

    /**
     * Checks, before anything starts, that everything the given specs need is there (images, binaries), so a
     * run that cannot work fails in seconds naming every missing piece, not half-way through a scenario.
     */
    default void prepare(List<ServiceSpec> specs) {}

    /** Starts the service (creating its volumes if new) and returns once it is launched, not once it is ready. */
    RunningService start(ServiceSpec spec);

    /** SIGKILL; volumes and logs are kept. Waits until it has exited. */
    void kill(String service);

    /** Clean shutdown (SIGTERM, then SIGKILL after {@code grace}). */
    void stop(String service, Duration grace);

    /** Whether the service's main process is alive (a container that exited or a dead process is not). */
    boolean isRunning(String service);

    /** Copies the files of volume {@code from} into volume {@code to}, leaving out the given relative paths. */
    void copyVolume(String from, String to, List<String> exclude);

    /** Writes a file into a volume (e.g. {@code standby.signal}), creating parent folders. */
    void writeFile(String volume, String relativePath, String content);

    /** Writes several files (relative path -> content) into a volume; a runtime may do it in one operation. */
    default void writeFiles(String volume, Map<String, String> files) {
        files.forEach((path, content) -> writeFile(volume, path, content));
    }

    /** The log file of a service (exists once the service was started). */
    Path logFile(String service);

    /** Stops and removes everything this runtime started, unless it was created to keep them. Idempotent. */
    @Override
    void close();
}
