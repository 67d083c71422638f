package dev.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import dev.harness.model.HarnessException;
import dev.harness.model.Names;
import dev.harness.model.Poll;
import dev.harness.runtime.CloseOnce;
import dev.harness.runtime.LogTail;
import dev.harness.runtime.RunLabels;
import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceRuntime;
import dev.harness.runtime.ServiceSpec;
import dev.harness.runtime.SpecPlaceholders;
import dev.harness.runtime.VolumeExcludes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs services as Docker containers on one user-defined bridge network per run. Each service's container is
 * named after the run, reachable from the others by its service name (network alias and hostname), publishes
 * its ports on 127.0.0.1 with host ports Docker picks, and mounts named volumes that outlive kills and
 * re-creations. Every resource is labelled with the run id and its owner process, so that close(), Ctrl-C
 * (a shutdown hook) and a later run's start-up sweep can remove exactly what this run created.
 */
public final class DockerRuntime implements ServiceRuntime {
    private static final String LOOPBACK = "127.0.0.1";

    private final DockerRuntimeOptions options;
    private final DockerClient docker;
    private final RunResources names;
    private final Map<String, String> labels;
    private final ImageProvisioner images;
    private final RunSweeper sweeper;
    private final VolumeHelper volumes;
    private final Map<String, Container> services = new LinkedHashMap<>();
    private final Thread shutdownHook;
    private boolean networkCreated;
    private final CloseOnce closing = new CloseOnce(Duration.ofSeconds(120));

    private record Container(String id, ContainerLogFollower logs) {}

    /**
     * Connects to the engine, removes leftovers of dead earlier runs and registers the Ctrl-C cleanup.
     *
     * @throws HarnessException.Infrastructure when the engine does not answer
     */
    public DockerRuntime(DockerRuntimeOptions options) {
        this.options = options;
        this.docker = DockerConnection.open(options.dockerHost());
        this.names = new RunResources(options.runId());
        this.labels = RunLabels.forRun(options.runId(), options.keep());
        this.images = new ImageProvisioner(docker, options.pullTimeout());
        this.sweeper = new RunSweeper(docker, options.log());
        this.volumes = new VolumeHelper(docker, labels);
        try {
            Files.createDirectories(options.logDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sweeper.sweepDeadRuns(options.runId());
        shutdownHook = new Thread(this::close, "harness-docker-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public String runId() {
        return options.runId();
    }

    /** Docker names of this run's network, containers and volumes. */
    public RunResources resources() {
        return names;
    }

    @Override
    public void prepare(List<ServiceSpec> specs) {
        images.ensureAll(specs.stream().map(spec -> Map.entry(spec.service(), spec.image())).toList(), options.imagePolicy());
    }

    @Override
    public synchronized RunningService start(ServiceSpec spec) {
        ensureOpen();
        String service = spec.service();
        Path log = logFile(service); // refuses a name that would leave logs/ before anything is created
        images.ensure(service, spec.image(), options.imagePolicy().apply(spec.image()));
        ensureNetwork();
        spec.volumes().keySet().forEach(this::ensureVolume);
        removeContainer(service);

        Ports bindings = new Ports();
        List<ExposedPort> exposed = new ArrayList<>();
        for (int port : spec.ports()) {
            ExposedPort p = ExposedPort.tcp(port);
            exposed.add(p);
            bindings.bind(p, Ports.Binding.bindIp(LOOPBACK)); // empty host port: Docker picks a free one
        }
        List<Bind> binds = new ArrayList<>();
        spec.volumes().forEach((name, path) -> binds.add(new Bind(names.volume(name), new Volume(path))));
        String startId = SpecPlaceholders.newStartId();
        List<String> env = new ArrayList<>();
        spec.env().forEach((k, v) -> env.add(k + "=" + SpecPlaceholders.forDocker(v, spec, startId)));
        Map<String, String> containerLabels = new LinkedHashMap<>(labels);
        containerLabels.put(RunLabels.SERVICE, service);

        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode(names.network())
                .withPortBindings(bindings)
                .withBinds(binds)
                .withRestartPolicy(restartPolicy(spec.restart()));
        CreateContainerCmd create = docker.createContainerCmd(spec.image())
                .withName(names.container(service))
                .withHostName(service)
                .withAliases(service)
                .withLabels(containerLabels)
                .withEnv(env)
                .withExposedPorts(exposed)
                .withHostConfig(host);
        if (!spec.command().isEmpty()) create.withCmd(spec.command().stream().map(a -> SpecPlaceholders.forDocker(a, spec, startId)).toList());
        if (spec.user() != null) create.withUser(spec.user());
        String id = create.exec().getId();

        note(log, "harness: " + service + " starts as container " + id.substring(0, 12) + " from " + spec.image());
        try {
            docker.startContainerCmd(id).exec();
        } catch (RuntimeException e) {
            services.put(service, new Container(id, null));
            throw new HarnessException.Infrastructure(service, "container did not start: " + e.getMessage(), e);
        }
        ContainerLogFollower follower = ContainerLogFollower.start(docker, id, log, service);
        services.put(service, new Container(id, follower));
        options.log().accept(service + ": container " + id.substring(0, 12) + " started (" + spec.image() + ")");
        return new RunningService(service, LOOPBACK, publishedPorts(service, id, spec.ports()), id, startId);
    }

    @Override
    public synchronized void kill(String service) {
        Container c = services.get(service);
        if (c == null) return;
        try {
            docker.killContainerCmd(c.id()).withSignal("KILL").exec();
        } catch (ConflictException | NotFoundException e) {
            // not running (already exited) or gone: the goal state is reached
        }
        awaitNotRunning(service, c.id(), Duration.ofMinutes(1));
        awaitLogs(c);
    }

    @Override
    public synchronized void stop(String service, Duration grace) {
        Container c = services.get(service);
        if (c == null) return;
        try {
            docker.stopContainerCmd(c.id()).withTimeout((int) Math.max(0, grace.toSeconds())).exec();
        } catch (NotFoundException e) {
            return;
        } catch (RuntimeException e) {
            // engine 20.10 answers 304 for an already stopped container; docker-java may surface it as an error
            if (isRunning(service)) throw new HarnessException.Infrastructure(service, "could not stop: " + e.getMessage(), e);
        }
        awaitNotRunning(service, c.id(), grace.plusMinutes(1));
        awaitLogs(c);
    }

    @Override
    public synchronized boolean isRunning(String service) {
        Container c = services.get(service);
        if (c == null) return false;
        try {
            InspectContainerResponse.ContainerState s = docker.inspectContainerCmd(c.id()).exec().getState();
            return Boolean.TRUE.equals(s.getRunning()) && !Boolean.TRUE.equals(s.getRestarting());
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public synchronized void copyVolume(String from, String to, List<String> exclude) {
        ensureOpen();
        VolumeExcludes excludes = VolumeExcludes.of(exclude); // refuses unsupported globs before touching the target
        if (!volumeExists(names.volume(from))) throw new HarnessException.Infrastructure(null, "no volume " + from + " to copy", null);
        ensureVolume(to);
        volumes.copy(names.volume(from), names.volume(to), excludes);
    }

    @Override
    public void writeFile(String volume, String relativePath, String content) {
        writeFiles(volume, Map.of(relativePath, content));
    }

    /** One helper container for all files: each costs about a second of container start and removal. */
    @Override
    public synchronized void writeFiles(String volume, Map<String, String> files) {
        ensureOpen();
        for (String relativePath : files.keySet()) {
            if (!Path.of("/volume").resolve(relativePath).normalize().startsWith("/volume/")) {
                throw new IllegalArgumentException("outside the volume: " + relativePath); // as the process runtime refuses it
            }
        }
        if (files.isEmpty()) return;
        ensureVolume(volume);
        volumes.write(names.volume(volume), files);
    }

    @Override
    public Path logFile(String service) {
        return Names.inside(options.logDir(), service + ".log");
    }

    @Override
    public void close() {
        closing.run(this::cleanUp);
    }

    private void cleanUp() {
        try {
            if (Thread.currentThread() != shutdownHook) Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or about to run this same close()
        }
        try {
            if (options.keep()) {
                options.log().accept("keeping containers, volumes and network of run " + options.runId()
                        + " (remove with: docker rm -f $(docker ps -aq --filter label=" + RunLabels.RUN + "=" + options.runId() + "))");
            } else {
                sweeper.removeRun(options.runId());
            }
            for (Container c : services.values()) {
                if (c.logs() == null) continue;
                if (!options.keep()) c.logs().awaitEnd(Duration.ofSeconds(5));
                c.logs().close();
            }
        } finally {
            try {
                docker.close();
            } catch (IOException ignored) {
                // the connection pool is released either way
            }
        }
    }

    private void ensureOpen() {
        if (closing.isClosed()) throw new IllegalStateException("Docker runtime of run " + options.runId() + " is closed");
    }

    private void ensureNetwork() {
        if (networkCreated) return;
        if (docker.listNetworksCmd().withNameFilter(names.network()).exec().stream().noneMatch(n -> n.getName().equals(names.network()))) {
            docker.createNetworkCmd().withName(names.network()).withDriver("bridge").withLabels(labels).withCheckDuplicate(true).exec();
        }
        networkCreated = true;
    }

    private void ensureVolume(String name) {
        String volume = names.volume(name);
        if (!volumeExists(volume)) docker.createVolumeCmd().withName(volume).withLabels(labels).exec();
    }

    private boolean volumeExists(String dockerName) {
        try {
            docker.inspectVolumeCmd(dockerName).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Removes the service's previous container (volumes stay) once its log is complete. */
    private void removeContainer(String service) {
        Container old = services.remove(service);
        try {
            docker.removeContainerCmd(old != null ? old.id() : names.container(service)).withForce(true).exec();
        } catch (NotFoundException e) {
            // nothing to replace
        }
        if (old != null) awaitLogs(old);
    }

    private void awaitLogs(Container c) {
        if (c.logs() != null) c.logs().awaitEnd(Duration.ofSeconds(10));
    }

    private void awaitNotRunning(String service, String id, Duration timeout) {
        Poll.every(Duration.ofMillis(10), timeout).await(service, () -> {
            try {
                return Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getRunning()) ? Poll.Look.pending("running") : Poll.Look.done(true);
            } catch (NotFoundException e) {
                return Poll.Look.done(true);
            }
        }, expired -> new HarnessException.Infrastructure(service, "container " + id.substring(0, 12) + " still runs " + timeout.toSeconds()
                + "s after kill/stop", null));
    }

    /** The host ports Docker picked; retried briefly because a restarting container has no bindings yet. */
    private Map<Integer, Integer> publishedPorts(String service, String id, List<Integer> ports) {
        InspectContainerResponse.ContainerState[] last = {null};
        return Poll.every(Duration.ofMillis(50), Duration.ofSeconds(10)).await(service, () -> {
            InspectContainerResponse inspect = docker.inspectContainerCmd(id).exec();
            Map<Integer, Integer> out = new LinkedHashMap<>();
            Map<ExposedPort, Ports.Binding[]> published = inspect.getNetworkSettings() == null
                    || inspect.getNetworkSettings().getPorts() == null ? Map.of() : inspect.getNetworkSettings().getPorts().getBindings();
            for (int port : ports) {
                Ports.Binding[] b = published.get(ExposedPort.tcp(port));
                if (b != null && b.length > 0 && b[0].getHostPortSpec() != null && !b[0].getHostPortSpec().isEmpty()) {
                    out.put(port, Integer.parseInt(b[0].getHostPortSpec()));
                }
            }
            if (out.size() == ports.size()) return Poll.Look.done(out);
            last[0] = inspect.getState();
            boolean comingBack = Boolean.TRUE.equals(last[0].getRestarting()) || Boolean.TRUE.equals(last[0].getRunning());
            if (!comingBack) throw exitedAfterStart(service, last[0]);
            return Poll.Look.pending("ports " + out.keySet() + " of " + ports + " published");
        }, expired -> exitedAfterStart(service, last[0]));
    }

    /** Quotes the server's last words, as a caller that saw it exit a moment later would: waits for the log's end first. */
    private HarnessException.Infrastructure exitedAfterStart(String service, InspectContainerResponse.ContainerState state) {
        awaitLogs(services.get(service));
        return new HarnessException.Infrastructure(service, "container exited right after start (exit code "
                + state.getExitCodeLong() + "); last lines of " + logFile(service) + ":\n" + LogTail.of(logFile(service), 20), null);
    }

    private static RestartPolicy restartPolicy(String restart) {
        if (restart == null || restart.isBlank() || restart.equals("no")) return RestartPolicy.noRestart();
        return RestartPolicy.parse(restart);
    }

    private static void note(Path log, String line) {
        try {
            Files.writeString(log, "--- " + line + " ---" + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
