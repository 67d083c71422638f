package dev.harness.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.harness.runtime.RunLabels;
import dev.harness.runtime.docker.DockerConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A second, independent view of the engine for assertions: what exists with a run's label. */
public final class DockerProbe implements AutoCloseable {
    public final DockerClient docker = DockerConnection.open(null);

    /** Everything labelled with the run, as "container NAME", "volume NAME", "network NAME". */
    public List<String> labelled(String runId) {
        List<String> out = new ArrayList<>();
        for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(RunLabels.RUN, runId)).exec()) {
            out.add("container " + String.join(",", c.getNames()));
        }
        List<String> filter = List.of(RunLabels.RUN + "=" + runId);
        var volumes = docker.listVolumesCmd().withFilter("label", filter).exec().getVolumes();
        if (volumes != null) volumes.forEach(v -> out.add("volume " + v.getName()));
        docker.listNetworksCmd().withFilter("label", filter).exec().forEach(n -> out.add("network " + n.getName()));
        return out;
    }

    public static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        docker.close();
    }
}
