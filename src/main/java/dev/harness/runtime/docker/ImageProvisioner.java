package dev.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import dev.harness.model.HarnessException;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Makes sure an image is present before a container is created, following the image policy. Pulls are bounded
 * by a short timeout: with no reachable registry a pull may hang in DNS or TCP, and the run must fail in
 * seconds with a message saying how to provide the image instead.
 */
public final class ImageProvisioner {
    private final DockerClient docker;
    private final Duration pullTimeout;

    public ImageProvisioner(DockerClient docker, Duration pullTimeout) {
        this.docker = docker;
        this.pullTimeout = pullTimeout;
    }

    public void ensure(String service, String image, ImagePolicy policy) {
        boolean present = isPresent(image);
        switch (policy) {
            case NEVER -> {
                if (!present) throw missing(service, image, "image policy is 'never', so it is not pulled");
            }
            case MISSING -> {
                if (!present) pull(service, image);
            }
            case ALWAYS -> pull(service, image);
        }
    }

    /**
     * Ensures the image of every (service, image) pair by its policy and reports all missing ones in one error,
     * so the user can provide them in one go.
     */
    public void ensureAll(List<Map.Entry<String, String>> serviceImages, Function<String, ImagePolicy> policy) {
        Map<String, String> missing = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : serviceImages) {
            String image = e.getValue();
            if (missing.containsKey(image)) continue;
            try {
                ensure(e.getKey(), image, policy.apply(image));
            } catch (HarnessException.Infrastructure ex) {
                missing.put(image, ex.getMessage());
            }
        }
        if (missing.size() == 1) throw new HarnessException.Infrastructure(missing.values().iterator().next());
        if (!missing.isEmpty()) {
            StringBuilder sb = new StringBuilder(missing.size() + " images are missing:");
            for (String why : missing.values()) sb.append("\n  ").append(why);
            throw new HarnessException.Infrastructure(sb.toString());
        }
    }

    public boolean isPresent(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void pull(String service, String image) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ResultCallback.Adapter<PullResponseItem> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onError(Throwable t) {
                failure.set(t);
                super.onError(t);
            }
        };
        boolean finished;
        try {
            docker.pullImageCmd(image).exec(callback);
            finished = callback.awaitCompletion(pullTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw missing(service, image, "pull interrupted");
        } catch (RuntimeException e) {
            throw missing(service, image, "pull failed: " + e.getMessage());
        } finally {
            try {
                callback.close();
            } catch (IOException ignored) {
                // the pull stream is abandoned either way
            }
        }
        if (!finished) throw missing(service, image, "pull did not finish within " + pullTimeout.toSeconds() + "s (no registry reachable?)");
        if (failure.get() != null) throw missing(service, image, "pull failed: " + failure.get().getMessage());
        if (!isPresent(image)) throw missing(service, image, "pull reported success but the image is not present");
    }

    private static HarnessException.Infrastructure missing(String service, String image, String why) {
        // Engine errors carry JSON with trailing newlines; one line reads better in a console and a report.
        String reason = why.replaceAll("\\s+", " ").trim();
        return new HarnessException.Infrastructure(service, "image " + image + " is not available locally (" + reason + "). "
                + howToProvide(image), null);
    }

    /** Tells the user how to get the image onto this engine without a registry. */
    public static String howToProvide(String image) {
        if (image.startsWith("harness/")) {
            return "Build it with scripts/build-images.sh (harness/debian and harness/postgres images are built locally).";
        }
        return "Load it with `docker load -i <image archive>.tar` (made elsewhere with `docker save " + image
                + " -o <image archive>.tar`), or change the image policy / image in harness.yaml.";
    }
}
