package dev.harness.runtime;

import java.util.Map;

/**
 * A started service as seen from the harness.
 *
 * @param host    address the harness connects to (127.0.0.1)
 * @param ports   container port -> port on {@code host}
 * @param id      container id or process id
 * @param startId what {@code ${start-id}} stood for in this start's spec: new for every start, so a system that
 *                passed it to its server can tell that server from any other listening on the same port
 */
public record RunningService(String service, String host, Map<Integer, Integer> ports, String id, String startId) {
    public int port(int containerPort) {
        Integer p = ports.get(containerPort);
        if (p == null) throw new IllegalArgumentException(service + " publishes no port " + containerPort);
        return p;
    }
}
