package dev.harness.system.materialize;

import dev.harness.runtime.ServiceSpec;
import java.util.List;

/**
 * TEST DOUBLE: stands in for Materialize's server (no Materialize image exists here). Keeps everything of the
 * real spec (name, environment, ports, volumes, restart policy) but runs the Debian base image with a script
 * that checks what environmentd would need from the topology: the metadata store reachable by its service name
 * on 26257, and the shared mzdata volume (it leaves a marker and lists the markers of other generations).
 */
final class MaterializeStandIn {
    private MaterializeStandIn() {}

    static ServiceSpec of(ServiceSpec real) {
        String script = "if (exec 3<>/dev/tcp/" + MetadataStore.SERVICE + "/" + MetadataStore.PORT + ") 2>/dev/null;"
                + " then echo metadata-store-reachable; else echo metadata-store-unreachable; fi;"
                + " mkdir -p /mzdata/persist/blob && hostname > /mzdata/persist/blob/marker-$(hostname);"
                + " echo markers: $(cat /mzdata/persist/blob/marker-* | sort | tr '\\n' ' '); exec sleep infinity";
        return new ServiceSpec(real.service(), "harness/debian:bookworm", List.of("/bin/bash", "-c", script), real.env(),
                real.ports(), real.volumes(), real.restart(), real.user());
    }
}
