package dev.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import dev.harness.model.Poll;
import dev.harness.runtime.RunLabels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Removes the labelled resources of one run, and the leftovers of earlier runs whose process is gone. */
public final class RunSweeper {
    private final DockerClient docker;
    private final Consumer<String> log;

    public RunSweeper(DockerClient docker, Consumer<String> log) {
        this.docker = docker;
        this.log = log;
    }

    /** Removes every container, network and volume labelled with {@code runId}. Idempotent. */
    public void removeRun(String runId) {
        Map<String, String> filter = Map.of(RunLabels.RUN, runId);
        for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(filter).exec()) {
            try {
                docker.removeContainerCmd(c.getId()).withForce(true).exec();
            } catch (NotFoundException e) {
                // already gone (removed concurrently by a shutdown hook or the engine)
            } catch (ConflictException e) {
                // "removal already in progress": the engine finishes it
            }
        }
        List<String> labelFilter = List.of(RunLabels.RUN + "=" + runId);
        for (Network n : docker.listNetworksCmd().withFilter("label", labelFilter).exec()) {
            try {
                docker.removeNetworkCmd(n.getId()).exec();
            } catch (NotFoundException e) {
                // already gone
            }
        }
        for (InspectVolumeResponse v : volumes(labelFilter)) removeVolume(v.getName());
    }

    /**
     * Removes the resources of earlier runs on this host whose owning process has died (killed with SIGKILL, or
     * the machine lost power), leaving alone live runs, kept runs and runs of other hosts.
     *
     * @return the run ids that were swept
     */
    public List<String> sweepDeadRuns(String ownRunId) {
        Map<String, Map<String, String>> runs = new LinkedHashMap<>();
        List<String> anyRun = List.of(RunLabels.RUN);
        for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(anyRun).exec()) {
            runs.putIfAbsent(c.getLabels().get(RunLabels.RUN), c.getLabels());
        }
        for (Network n : docker.listNetworksCmd().withFilter("label", anyRun).exec()) {
            runs.putIfAbsent(n.getLabels().get(RunLabels.RUN), n.getLabels());
        }
        for (InspectVolumeResponse v : volumes(anyRun)) {
            runs.putIfAbsent(v.getLabels().get(RunLabels.RUN), v.getLabels());
        }
        List<String> swept = new ArrayList<>();
        runs.forEach((runId, labels) -> {
            if (runId == null || runId.equals(ownRunId) || RunLabels.ownerMayBeAlive(labels)) return;
            log.accept("removing leftovers of run " + runId + " (its process " + labels.get(RunLabels.OWNER_PID) + " is gone)");
            removeRun(runId);
            swept.add(runId);
        });
        return swept;
    }

    private List<InspectVolumeResponse> volumes(List<String> labelFilter) {
        List<InspectVolumeResponse> out = docker.listVolumesCmd().withFilter("label", labelFilter).exec().getVolumes();
        return out == null ? List.of() : out;
    }

    private void removeVolume(String name) {
        // A force-removed container may release its volumes a moment later: retry briefly.
        boolean removed;
        // A stopping caller (its thread interrupted) still wants the volume gone: wait without the flag, then restore it.
        boolean interrupted = Thread.interrupted();
        try {
            removed = Poll.every(Duration.ofMillis(100), Duration.ofSeconds(5)).tryUntil(() -> {
                try {
                    docker.removeVolumeCmd(name).exec();
                    return Poll.Look.done(true);
                } catch (NotFoundException e) {
                    return Poll.Look.done(true);
                } catch (ConflictException e) {
                    return Poll.Look.pending(e.getMessage());
                }
            }).isPresent();
        } catch (InterruptedException e) {
            interrupted = true;
            removed = false;
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
        if (!removed) log.accept("volume " + name + " is still in use; left behind");
    }
}
