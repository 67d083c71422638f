package dev.harness.plan;

import dev.harness.model.Action;
import dev.harness.model.Names;
import dev.harness.model.Phase;
import dev.harness.model.SourceRef;
import dev.harness.model.StartSettings;
import dev.harness.model.Step;
import dev.harness.model.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code upgrade} and {@code upgrade-path} into the primitive actions the plan shows. Every hop's start
 * takes over the start settings of the leader it replaces ({@link dev.harness.model.StartSettings#inherited()}).
 * A restart hop kills the leader and starts the same service on the new version (same generation).
 * A zero-downtime hop is Materialize's {@code upgrade_service_actions}: start the other service of an
 * alternating pair read-only with generation + 1, await-ready, promote, then kill the previous leader
 * (already fenced; the kill cleans it up so the pair can alternate again on the next hop).
 * A path with {@code phases: random} also places manipulate 1 and 2 at seeded hops and validates after the last.
 */
final class MacroExpander {
    static final String UPGRADE = "upgrade macro";
    static final String UPGRADE_PATH = "upgrade-path macro";
    private static final Pattern PAIR = Pattern.compile("(.*)_([12])");

    private final VersionResolver versions;
    private final RandomUpgradePath randomPath;
    private final ProblemList problems;

    MacroExpander(VersionResolver versions, RandomUpgradePath randomPath, ProblemList problems) {
        this.versions = versions;
        this.randomPath = randomPath;
        this.problems = problems;
    }

    /** The leader as a macro sees it: just what the next hop needs (each hop's start takes over its settings). */
    private record Leader(String service, Version version, Integer generation, StartSettings settings) {}

    List<Action> upgrade(Step.Upgrade step, Optional<ServiceState> leader) {
        VersionResolver.Result to = versions.resolve(step.to());
        if (!to.ok()) problems.add(step.source(), "upgrade: " + to.error());
        if (leader.isEmpty()) {
            problems.add(step.source(), "upgrade: no writable leader is running to upgrade");
            return List.of();
        }
        if (!to.ok()) return List.of();
        Version from = leader.get().version();
        if (from != null && to.version().compareTo(from) < 0) {
            // the same version is allowed: a restart (or zero-downtime restart) through the macro
            problems.add(step.source(), "upgrade: " + to.version() + " is older than " + from + ", the version "
                    + leader.get().name() + " runs; an upgrade never goes down");
            return List.of();
        }
        List<Action> out = new ArrayList<>();
        hop(toLeader(leader.get()), to.version(), step.via(), step.source(), UPGRADE, out);
        return out;
    }

    /** @param manipulated whether a manipulate phase ran before the macro (a path that places the phases needs none) */
    List<Action> upgradePath(Step.UpgradePath step, Optional<ServiceState> leader, boolean manipulated) {
        if (leader.isEmpty()) {
            problems.add(step.source(), "upgrade-path: no writable leader is running to upgrade");
            return List.of();
        }
        boolean placesPhases = step.phases() == Step.PhasePlacement.RANDOM;
        if (placesPhases && manipulated) {
            problems.add(step.source(), "upgrade-path: phases: random places manipulate 1 and 2 itself, but a manipulate"
                    + " phase already ran before it; remove those steps or the phases key");
        }
        List<Version> path = step.versions() == null ? randomPath(step, leader.get()) : listedPath(step, leader.get());
        if (path == null) return List.of();
        if (path.isEmpty() || path.get(path.size() - 1).compareTo(versions.current()) != 0) {
            path = new ArrayList<>(path);
            path.add(versions.current());
        }
        List<Action> out = new ArrayList<>();
        Leader l = toLeader(leader.get());
        RandomUpgradePath.PhasePositions at = placesPhases ? randomPath.phasePositions(path.size()) : null;
        manipulateAt(at, 0, l, step.source(), out);
        for (int hops = 1; hops <= path.size(); hops++) {
            l = hop(l, path.get(hops - 1), step.via(), step.source(), UPGRADE_PATH, out);
            manipulateAt(at, hops, l, step.source(), out);
        }
        // Validate once, on the final version and after both manipulates, as SelfManagedRandomUpgradePath does.
        if (at != null) out.add(new Action.RunPhase(Phase.VALIDATE, l.service(), step.source(), UPGRADE_PATH));
        return out;
    }

    /** The manipulate phases placed after {@code hops} hops, on the leader of that point (none without placement). */
    private static void manipulateAt(RandomUpgradePath.PhasePositions at, int hops, Leader leader, SourceRef src, List<Action> out) {
        if (at == null) return;
        if (at.manipulate1() == hops) out.add(new Action.RunPhase(Phase.MANIPULATE_1, leader.service(), src, UPGRADE_PATH));
        if (at.manipulate2() == hops) out.add(new Action.RunPhase(Phase.MANIPULATE_2, leader.service(), src, UPGRADE_PATH));
    }

    /** Random hops between the leader's version and current, as {@code generate_random_upgrade_path}. */
    private List<Version> randomPath(Step.UpgradePath step, ServiceState leader) {
        if (step.max() < 1) {
            problems.add(step.source(), "upgrade-path: max must be at least 1, not " + step.max());
            return null;
        }
        if (leader.version() != null && leader.version().compareTo(versions.current()) > 0) {
            problems.add(step.source(), "upgrade-path: " + leader.name() + " runs " + leader.version() + ", above current ("
                    + versions.current() + ") where the path ends; an upgrade path never goes down");
            return null;
        }
        return randomPath.choose(versions.between(leader.version(), versions.current()), step.max());
    }

    /**
     * The listed versions, each above the one before (the first may equal the leader's: a restart), none above
     * current, where the path ends; a version that breaks the order is a problem at its entry.
     */
    private List<Version> listedPath(Step.UpgradePath step, ServiceState leader) {
        List<Version> path = new ArrayList<>();
        boolean ok = true;
        Version previous = leader.version();
        for (int i = 0; i < step.versions().size(); i++) {
            SourceRef where = step.versionSources() == null ? step.source() : step.versionSources().get(i);
            VersionResolver.Result r = versions.resolve(step.versions().get(i));
            String problem = !r.ok() ? r.error() : order(r.version(), previous, i == 0 ? leader.name() : null);
            if (problem != null) {
                problems.add(where, "upgrade-path: " + problem);
                ok = false;
            }
            if (r.ok()) {
                path.add(r.version());
                previous = r.version();
            }
        }
        return ok ? path : null;
    }

    /** Why {@code v} cannot follow {@code previous} in a path ({@code leader} names the leader for the first hop). */
    private String order(Version v, Version previous, String leader) {
        if (v.compareTo(versions.current()) > 0) {
            return v + " is above current (" + versions.current() + "), where every upgrade path ends";
        }
        if (previous == null) return null;
        if (leader != null) {
            return v.compareTo(previous) < 0 ? v + " is older than " + previous + ", the version " + leader + " runs; an upgrade path never goes down" : null;
        }
        return v.compareTo(previous) <= 0 ? v + " does not come after " + previous + "; list the versions oldest first, each once" : null;
    }

    private Leader hop(Leader from, Version to, Step.Via via, SourceRef src, String origin, List<Action> out) {
        StartSettings settings = from.settings() == null ? null : from.settings().inherited();
        if (via == Step.Via.RESTART) {
            out.add(new Action.Kill(from.service(), src, origin));
            out.add(new Action.Start(from.service(), to, false, from.generation(), settings, src, origin));
            return new Leader(from.service(), to, from.generation(), settings);
        }
        String next = otherService(from.service());
        if (!Names.SERVICE.matcher(next).matches()) {
            problems.add(src, "the zero-downtime candidate of " + from.service() + " would be named '" + next
                    + "', which is not a valid service name (at most 63 characters); use a shorter service name");
        }
        int generation = (from.generation() == null ? 0 : from.generation()) + 1;
        out.add(new Action.Start(next, to, true, generation, settings, src, origin));
        out.add(new Action.AwaitReady(next, src, origin));
        out.add(new Action.Promote(next, src, origin));
        out.add(new Action.Kill(from.service(), src, origin));
        return new Leader(next, to, generation, settings);
    }

    private static Leader toLeader(ServiceState s) {
        return new Leader(s.name(), s.version(), s.generation(), s.settings());
    }

    /** The partner in an alternating pair: {@code x_1} <-> {@code x_2}, else {@code x} -> {@code x_2}. */
    static String otherService(String service) {
        Matcher m = PAIR.matcher(service);
        if (m.matches()) return m.group(1) + (m.group(2).equals("1") ? "_2" : "_1");
        return service + "_2";
    }
}
