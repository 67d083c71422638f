package dev.harness.load;

import dev.harness.model.Action;
import dev.harness.model.Durations;
import dev.harness.model.Phase;
import dev.harness.model.Problem;
import dev.harness.model.Scenario;
import dev.harness.model.SourceRef;
import dev.harness.model.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** A schema-valid scenario document -> {@link Scenario} with the source-form steps (macros not expanded). */
final class ScenarioMapper {
    static final int DEFAULT_MAX_PATH = 6;

    private final String file;
    private final List<Problem> problems;

    ScenarioMapper(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    Scenario map(YamlMap root, String defaultName) {
        List<Step> steps = new ArrayList<>();
        for (Node n : root.list("steps")) steps.add(step(n));
        return new Scenario(root.entityName("scenario", defaultName, problems), root.text("description"), root.text("base"),
                List.copyOf(steps), root.where(), scope(root), new ServicesMapper(file, problems).map(root.map("services")),
                root.has("consistency") ? "on".equals(root.text("consistency")) : null);
    }

    private static Scenario.Scope scope(YamlMap root) {
        return new Scenario.Scope(List.copyOf(root.texts("systems")), root.has("systems") ? root.whereKey("systems") : null,
                root.texts("requires").contains("external-idempotence"), root.bool("forced-migrations", false));
    }

    private Step step(Node n) {
        var where = YamlReader.ref(file, n.getStartMark());
        if (n instanceof ScalarNode s) {
            return new Step.RunPhase(s.getValue().equals("initialize") ? Phase.INITIALIZE : Phase.VALIDATE, null, where);
        }
        YamlMap step = YamlMap.of(n, file);
        String kind = step.onlyKey();
        Node value = step.get(kind);
        return switch (kind) {
            case "start" -> {
                // start: upstream — a declared service, whose system and version come from 'services:'
                if (value instanceof ScalarNode s) yield new Step.Start(s.getValue(), null, false, null, where);
                YamlMap m = YamlMap.of(value, file);
                String generation = m.text("generation");
                yield new Step.Start(m.text("service"), m.text("version"), m.bool("read-only", false),
                        generation == null ? null : Integer.valueOf(generation), StartKeysMapper.map(m, problems), where);
            }
            case "kill" -> new Step.Direct(new Action.Kill(YamlMap.text(value), where, null));
            case "stop" -> new Step.Direct(new Action.Stop(YamlMap.text(value), where, null));
            case "await-ready" -> new Step.Direct(new Action.AwaitReady(YamlMap.text(value), where, null));
            case "promote" -> new Step.Direct(new Action.Promote(YamlMap.text(value), where, null));
            case "initialize" -> new Step.RunPhase(Phase.INITIALIZE, on(value), where);
            case "validate" -> new Step.RunPhase(Phase.VALIDATE, on(value), where);
            case "manipulate" -> {
                if (value instanceof ScalarNode s) yield new Step.RunPhase(Phase.manipulate(Integer.parseInt(s.getValue())), null, where);
                YamlMap m = YamlMap.of(value, file);
                yield new Step.RunPhase(Phase.manipulate(Integer.parseInt(m.text("phase"))), m.text("on"), where);
            }
            case "sleep" -> {
                Duration d = step.parsed("sleep", Durations::parse, problems);
                yield new Step.Direct(new Action.Sleep(d == null ? 0 : d.toMillis(), where, null));
            }
            case "sql" -> {
                if (value instanceof ScalarNode s) yield new Step.Sql(List.of(s.getValue()), null, false, where);
                YamlMap m = YamlMap.of(value, file);
                yield new Step.Sql(List.copyOf(m.texts("statements")), m.text("on"), "system".equals(m.text("as")), where);
            }
            case "upgrade" -> {
                YamlMap m = YamlMap.of(value, file);
                yield new Step.Upgrade(m.text("to"), via(m), where);
            }
            case "upgrade-path" -> {
                YamlMap m = YamlMap.of(value, file);
                boolean random = m.get("versions") instanceof ScalarNode;
                List<String> versions = random ? null : List.copyOf(m.texts("versions"));
                List<SourceRef> versionSources = random ? null : m.list("versions").stream().map(m::at).toList();
                String max = m.text("max");
                if (max != null && versions != null) {
                    problems.add(new Problem(m.whereKey("max"), "'max' applies only to 'versions: random'; an explicit list has exactly its versions"));
                }
                Step.PhasePlacement phases = "random".equals(m.text("phases")) ? Step.PhasePlacement.RANDOM : Step.PhasePlacement.NONE;
                yield new Step.UpgradePath(versions, versionSources, via(m), max == null ? DEFAULT_MAX_PATH : Integer.parseInt(max), phases, where);
            }
            default -> throw new IllegalStateException("schema admitted an unknown step: " + kind);
        };
    }

    private static String on(Node phaseOptions) {
        return phaseOptions instanceof org.yaml.snakeyaml.nodes.MappingNode m ? YamlMap.text(new YamlMap(m, "").get("on")) : null;
    }

    private static Step.Via via(YamlMap m) {
        return "zero-downtime".equals(m.text("via")) ? Step.Via.ZERO_DOWNTIME : Step.Via.RESTART;
    }
}
