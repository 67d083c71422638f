package dev.harness.runtime;

import java.util.Map;

/**
 * A started service as seen from the harness.
 *
 * @param host  address the harness connects to (127.0.0.1)
 * @param ports container port -> port on {@code host}
 * @param id    container id or process id
 */
public record RunningService(String service, String host, Map<Integer, Integer> ports, String id) {
    public int port(int containerPort) {
        Integer p = ports.get(containerPort);
        if (p == null) throw new IllegalArgumentException(service + " publishes no port " + containerPort);
        return p;
    }
}
