package dev.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.harness.model.HarnessException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Opens a docker-java client over the zerodep transport and checks that the engine answers. No API version is
 * pinned: docker-java then sends unversioned paths and the engine uses its newest API, which works with
 * engine 20.10 (max 1.41) as well as 29+ (min 1.44).
 */
public final class DockerConnection {
    private static final String DEFAULT_SOCKET = "unix:///var/run/docker.sock";

    private DockerConnection() {}

    /**
     * @param dockerHost engine address, or null for the usual sources (DOCKER_HOST, docker-java properties, the
     *                   default unix socket)
     * @throws HarnessException.Infrastructure listing what was tried when the engine does not answer
     */
    public static DockerClient open(String dockerHost) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (dockerHost != null) builder.withDockerHost(dockerHost);
        DockerClientConfig config;
        try {
            config = builder.build();
        } catch (RuntimeException e) {
            throw new HarnessException.Infrastructure(null, "Docker client configuration is invalid: " + e.getMessage(), e);
        }
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(5))
                // Generous: stop with a grace period and long log follows keep a request open.
                .responseTimeout(Duration.ofMinutes(30))
                .maxConnections(64)
                .build();
        DockerClient client = DockerClientImpl.getInstance(config, http);
        try {
            client.pingCmd().exec();
            return client;
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw new HarnessException.Infrastructure(null, unreachable(dockerHost, config, e), e);
        }
    }

    private static String unreachable(String override, DockerClientConfig config, RuntimeException e) {
        String host = config.getDockerHost().toString();
        StringBuilder sb = new StringBuilder("Docker engine not reachable at ").append(host).append(" (");
        if (override != null) sb.append("given explicitly");
        else if (System.getenv("DOCKER_HOST") != null) sb.append("from DOCKER_HOST=").append(System.getenv("DOCKER_HOST"));
        else sb.append("default; DOCKER_HOST is not set");
        sb.append("): ").append(rootMessage(e));
        if (host.startsWith("unix://")) {
            Path socket = Path.of(host.substring("unix://".length()));
            if (!Files.exists(socket)) sb.append(". Socket ").append(socket).append(" does not exist");
            else if (!Files.isWritable(socket)) sb.append(". Socket ").append(socket).append(" is not writable by this user (join group docker)");
        }
        if (!host.equals(DEFAULT_SOCKET)) sb.append(". The default would be ").append(DEFAULT_SOCKET);
        sb.append(". Start the engine (scripts/provision.sh, or dockerd) or set DOCKER_HOST.");
        return sb.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            // closing a client whose engine is gone: nothing left to release
        }
    }
}
