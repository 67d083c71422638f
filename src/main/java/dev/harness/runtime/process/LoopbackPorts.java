package dev.harness.runtime.process;

import dev.harness.model.HarnessException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Free loopback ports for local services. A port is chosen once per (service, container port) and kept for the
 * whole run, so a client or a standby's primary_conninfo still points at the right place after a restart.
 */
final class LoopbackPorts {
    private final Map<String, Integer> byServicePort = new HashMap<>();
    private final Set<Integer> handedOut = new HashSet<>();

    synchronized int portFor(String service, int containerPort) {
        return byServicePort.computeIfAbsent(service + ":" + containerPort, k -> freePort(service));
    }

    private int freePort(String service) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = s.getLocalPort();
                if (handedOut.add(port)) return port;
            } catch (IOException e) {
                throw new HarnessException.Infrastructure(service, "no free loopback port", e);
            }
        }
        throw new HarnessException.Infrastructure(service, "no free loopback port", null);
    }
}
