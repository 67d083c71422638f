package dev.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.harness.model.HarnessException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * File operations on named volumes through short-lived helper containers, so they work the same whether the
 * engine is local or remote and keep file ownership (the helper runs as root; tar keeps owners and modes).
 */
public final class VolumeHelper {
    /** The locally built Debian base image (scripts/build-images.sh). */
    public static final String HELPER_IMAGE = "harness/debian:bookworm";

    private final DockerClient docker;
    private final Map<String, String> labels;

    public VolumeHelper(DockerClient docker, Map<String, String> labels) {
        this.docker = docker;
        this.labels = labels;
    }

    /** Copies everything in volume {@code from} into {@code to} (both Docker volume names), minus {@code exclude}. */
    public void copy(String from, String to, List<String> exclude) {
        StringBuilder script = new StringBuilder("cd /from && tar -c");
        for (String e : exclude) script.append(" --exclude=").append(shellQuote("./" + stripSlash(e)));
        script.append(" . | tar -C /to -xp");
        run("copy volume " + from + " to " + to, List.of(new Bind(from, new Volume("/from"), com.github.dockerjava.api.model.AccessMode.ro),
                new Bind(to, new Volume("/to"))), script.toString(), Map.of());
    }

    /** Writes {@code content} to {@code relativePath} in a volume; new files and folders get the volume root's owner. */
    public void write(String volume, String relativePath, String content) {
        String script = "set -e; f=\"/v/$HARNESS_PATH\"; d=$(dirname \"$f\"); mkdir -p \"$d\"; "
                + "printf '%s' \"$HARNESS_CONTENT\" > \"$f\"; chown --reference=/v \"$f\"; "
                + "while [ \"$d\" != /v ]; do chown --reference=/v \"$d\"; d=$(dirname \"$d\"); done";
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HARNESS_PATH", stripSlash(relativePath));
        env.put("HARNESS_CONTENT", content);
        run("write " + relativePath + " to volume " + volume, List.of(new Bind(volume, new Volume("/v"))), script, env);
    }

    private void run(String what, List<Bind> binds, String script, Map<String, String> env) {
        List<String> envList = new ArrayList<>();
        env.forEach((k, v) -> envList.add(k + "=" + v));
        String id;
        try {
            id = docker.createContainerCmd(HELPER_IMAGE)
                    .withLabels(labels)
                    .withEnv(envList)
                    .withCmd("/bin/sh", "-c", script)
                    .withHostConfig(HostConfig.newHostConfig().withBinds(binds).withNetworkMode("none"))
                    .exec().getId();
        } catch (NotFoundException e) {
            throw new HarnessException.Infrastructure(null, "cannot " + what + ": helper image " + HELPER_IMAGE
                    + " is missing. " + ImageProvisioner.howToProvide(HELPER_IMAGE), e);
        }
        try {
            docker.startContainerCmd(id).exec();
            Integer code = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback()).awaitStatusCode(5, TimeUnit.MINUTES);
            if (code == null || code != 0) {
                throw new HarnessException.Infrastructure(null, "cannot " + what + ": helper exited with " + code + ": " + output(id), null);
            }
        } finally {
            try {
                docker.removeContainerCmd(id).withForce(true).exec();
            } catch (NotFoundException ignored) {
                // already gone
            }
        }
    }

    private String output(String id) {
        StringBuilder sb = new StringBuilder();
        try {
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame f) {
                    sb.append(new String(f.getPayload(), StandardCharsets.UTF_8));
                }
            }).awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return sb.toString().trim();
    }

    private static String stripSlash(String path) {
        String p = path;
        while (p.startsWith("/")) p = p.substring(1);
        return p;
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
