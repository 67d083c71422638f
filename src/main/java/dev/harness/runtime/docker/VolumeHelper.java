package dev.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.harness.model.HarnessException;
import dev.harness.runtime.VolumeExcludes;
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

    /**
     * Replaces the contents of volume {@code to} with those of {@code from} (both Docker volume names), leaving out
     * what {@code excludes} says, keeping numeric owners, modes, times and symbolic links like the process
     * runtime's copy. The volume root's own owner and mode are copied too: a PostgreSQL data folder must stay
     * owned by postgres with 0700. Sockets, fifos and devices are skipped.
     */
    public void copy(String from, String to, VolumeExcludes excludes) {
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", "-c", COPY_SCRIPT, "copy"));
        if (excludes.findRegex() != null) cmd.add(excludes.findRegex());
        run("copy volume " + from + " to " + to, List.of(new Bind(from, new Volume("/from"), AccessMode.ro),
                new Bind(to, new Volume("/to"))), cmd, Map.of());
    }

    /**
     * $1 (optional) = the exclude expression. The file list comes from find (the same whole-path expression the
     * process runtime evaluates in Java) so tar's own, different, wildcard rules never apply. The source may be a
     * live server's folder: find exits 1 when a file vanished while listing and tar -c 1 when one changed while
     * read; both are tolerated as pg_basebackup tolerates them (WAL replay makes the copy consistent), while the
     * extracting tar must succeed.
     */
    private static final String COPY_SCRIPT = String.join("\n",
            "set -u",
            "find /to -mindepth 1 -delete || exit 1",
            "cd /from",
            "prune=()",
            "if (($#)); then prune=( -regex \"$1\" -prune -o ); fi",
            "find . -regextype posix-extended \"${prune[@]}\" \\( -type f -o -type d -o -type l \\) -print0 \\",
            "  | tar -c --null --no-recursion --ignore-failed-read --warning=no-file-changed --warning=no-file-removed -T - -f - \\",
            "  | tar -x -p --numeric-owner -C /to -f -",
            "s=(\"${PIPESTATUS[@]}\")",
            "[ \"${s[0]}\" -le 1 ] && [ \"${s[1]}\" -le 1 ] && [ \"${s[2]}\" -eq 0 ]");

    /**
     * Writes files (relative path -> content) into a volume with one helper container: 0600 like the process
     * runtime, and file and parent folders given to the volume root's owner (postgres for a data folder).
     */
    public void write(String volume, Map<String, String> files) {
        String script = "set -e; i=0; while [ $i -lt $HARNESS_FILES ]; do "
                + "eval \"f=\\\"/v/\\$HARNESS_PATH_$i\\\"; c=\\$HARNESS_CONTENT_$i\"; d=$(dirname \"$f\"); mkdir -p \"$d\"; "
                + "printf '%s' \"$c\" > \"$f\"; chmod 600 \"$f\"; chown --reference=/v \"$f\"; "
                + "while [ \"$d\" != /v ]; do chown --reference=/v \"$d\"; d=$(dirname \"$d\"); done; i=$((i+1)); done";
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HARNESS_FILES", Integer.toString(files.size()));
        int i = 0;
        for (Map.Entry<String, String> f : files.entrySet()) {
            env.put("HARNESS_PATH_" + i, stripSlash(f.getKey()));
            env.put("HARNESS_CONTENT_" + i, f.getValue());
            i++;
        }
        run("write " + String.join(", ", files.keySet()) + " to volume " + volume, List.of(new Bind(volume, new Volume("/v"))),
                List.of("/bin/sh", "-c", script), env);
    }

    private void run(String what, List<Bind> binds, List<String> cmd, Map<String, String> env) {
        List<String> envList = new ArrayList<>();
        env.forEach((k, v) -> envList.add(k + "=" + v));
        String id;
        try {
            id = docker.createContainerCmd(HELPER_IMAGE)
                    .withLabels(labels)
                    .withEnv(envList)
                    .withCmd(cmd)
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

}
