package dev.harness.run;

import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceRuntime;
import dev.harness.runtime.ServiceSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real runtime seen from a test: remembers what it started (so a test can reach a server the executor
 * started), and can be told to report every service as running, as a runtime does that has not yet reaped a
 * killed server's exit.
 */
final class ObservedRuntime implements ServiceRuntime {
    private final ServiceRuntime real;
    private final Map<String, RunningService> started = new ConcurrentHashMap<>();
    private volatile boolean alwaysRunning;

    ObservedRuntime(ServiceRuntime real) {
        this.real = real;
    }

    ObservedRuntime reportingEveryServiceAsRunning() {
        alwaysRunning = true;
        return this;
    }

    RunningService started(String service) {
        return started.get(service);
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public String runId() {
        return real.runId();
    }

    @Override
    public void prepare(List<ServiceSpec> specs) {
        real.prepare(specs);
    }

    @Override
    public RunningService start(ServiceSpec spec) {
        RunningService s = real.start(spec);
        started.put(s.service(), s);
        return s;
    }

    @Override
    public void kill(String service) {
        real.kill(service);
    }

    @Override
    public void stop(String service, Duration grace) {
        real.stop(service, grace);
    }

    @Override
    public boolean isRunning(String service) {
        return alwaysRunning || real.isRunning(service);
    }

    @Override
    public void copyVolume(String from, String to, List<String> exclude) {
        real.copyVolume(from, to, exclude);
    }

    @Override
    public void writeFile(String volume, String relativePath, String content) {
        real.writeFile(volume, relativePath, content);
    }

    @Override
    public void writeFiles(String volume, Map<String, String> files) {
        real.writeFiles(volume, files);
    }

    @Override
    public Path logFile(String service) {
        return real.logFile(service);
    }

    @Override
    public void close() {
        real.close();
    }
}
