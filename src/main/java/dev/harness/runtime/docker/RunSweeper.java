package dev.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
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
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                docker.removeVolumeCmd(name).exec();
                return;
            } catch (NotFoundException e) {
                return;
            } catch (ConflictException e) {
                sleep(100);
            }
        }
        log.accept("volume " + name + " is still in use; left behind");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
