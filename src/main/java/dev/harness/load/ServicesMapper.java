package dev.harness.load;

import dev.harness.model.HarnessException;
import dev.harness.model.Names;
import dev.harness.model.Problem;
import dev.harness.model.Scenario;
import dev.harness.model.SourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * {@code services: {upstream: {system: postgres, version: "15.19", settings: {…}}}} of a scenario or harness.yaml ->
 * the declared services. Their names become containers, folders and host names: each is checked here, at its key.
 */
final class ServicesMapper {
    private final String file;
    private final List<Problem> problems;

    ServicesMapper(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** @param services the {@code services} mapping, or null when absent */
    List<Scenario.Service> map(YamlMap services) {
        if (services == null) return List.of();
        List<Scenario.Service> out = new ArrayList<>();
        for (NodeTuple t : services.node().getValue()) {
            String name = YamlMap.text(t.getKeyNode());
            SourceRef where = services.at(t.getKeyNode());
            try {
                Names.requireService("service '" + name + "'", name);
            } catch (HarnessException.InvalidInput e) {
                problems.add(new Problem(where, e.getMessage()));
            }
            YamlMap m = YamlMap.of(t.getValueNode(), file);
            Map<String, String> settings = new LinkedHashMap<>();
            YamlMap s = m.map("settings");
            if (s != null) for (NodeTuple setting : s.node().getValue()) {
                settings.put(YamlMap.text(setting.getKeyNode()), YamlMap.text(setting.getValueNode()));
            }
            out.add(new Scenario.Service(name, m.text("system"), m.text("version"), settings, where));
        }
        return out;
    }
}
