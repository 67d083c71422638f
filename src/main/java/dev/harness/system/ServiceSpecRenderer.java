package dev.harness.system;

import dev.harness.runtime.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Text for {@code plan --details}: every container or process spec a run would start, with image, command
 * line, environment, ports and volumes. Pure: needs no engine, so a plan can be inspected anywhere.
 */
public final class ServiceSpecRenderer {
    private ServiceSpecRenderer() {}

    /** One spec as indented lines; environment sorted by name so the output is stable. */
    public static List<String> render(ServiceSpec spec) {
        List<String> out = new ArrayList<>();
        out.add("  service:     " + spec.service() + " (hostname and network alias)");
        out.add("  image:       " + spec.image());
        out.add("  user:        " + (spec.user() == null ? "(image default)" : spec.user()));
        out.add("  restart:     " + (spec.restart() == null ? "no" : spec.restart()));
        if (spec.command().isEmpty()) {
            out.add("  command:     (image default)");
        } else {
            for (int i = 0; i < spec.command().size(); i++) out.add((i == 0 ? "  command:     " : "               ") + spec.command().get(i));
        }
        Map<String, String> env = new TreeMap<>(spec.env());
        if (env.isEmpty()) out.add("  environment: (none)");
        boolean first = true;
        for (Map.Entry<String, String> e : env.entrySet()) {
            out.add((first ? "  environment: " : "               ") + e.getKey() + "=" + e.getValue());
            first = false;
        }
        List<String> ports = spec.ports().stream().map(p -> "127.0.0.1:<free>->" + p).toList();
        out.add("  ports:       " + (ports.isEmpty() ? "(none)" : String.join(" ", ports)));
        Map<String, String> volumes = new TreeMap<>(spec.volumes());
        if (volumes.isEmpty()) out.add("  volumes:     (none)");
        first = true;
        for (Map.Entry<String, String> v : volumes.entrySet()) {
            out.add((first ? "  volumes:     " : "               ") + v.getKey() + " -> " + v.getValue());
            first = false;
        }
        return out;
    }
}
