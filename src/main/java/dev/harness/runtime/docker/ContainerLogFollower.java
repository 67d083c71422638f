package dev.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Appends one container's output to a log file, from its first line, for as long as the container exists.
 * A follow stream ends whenever the container's process exits, also when Docker's restart policy is about to
 * restart it; the follower then re-attaches and skips what it already wrote (by Docker's per-line timestamps),
 * so a restarted container's log is complete and not duplicated. Only whole lines reach the file: a line the
 * container has not finished stays here until its end comes (or the stream ends), so the harness's own notes,
 * appended to the same file, never land inside a server's line.
 */
public final class ContainerLogFollower {
    private final DockerClient docker;
    private final String containerId;
    private final Path file;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile ResultCallback.Adapter<Frame> current;
    private Instant lastWritten = Instant.EPOCH;
    /** The container's unfinished last line; guarded by this. */
    private final StringBuilder partial = new StringBuilder();
    /** A line longer than this is written unfinished: memory stays bounded whatever the container prints. */
    static final int MAX_PARTIAL_CHARS = 1 << 20;

    private ContainerLogFollower(DockerClient docker, String containerId, Path file) {
        this.docker = docker;
        this.containerId = containerId;
        this.file = file;
    }

    /** Starts following in a daemon thread. */
    public static ContainerLogFollower start(DockerClient docker, String containerId, Path file, String name) {
        ContainerLogFollower follower = new ContainerLogFollower(docker, containerId, file);
        Thread t = new Thread(follower::run, "logs-" + name);
        t.setDaemon(true);
        t.start();
        return follower;
    }

    /** Waits until the container is gone or has stopped for good and everything it printed is in the file. */
    public boolean awaitEnd(Duration timeout) {
        try {
            return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops following (the file keeps what was written). */
    public void close() {
        closed = true;
        ResultCallback.Adapter<Frame> c = current;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // the stream is being abandoned
            }
        }
    }

    private void run() {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            while (!closed) {
                followOnce(out);
                endLine(out); // the process that printed it is gone: nothing will finish it
                if (closed || !mayRunAgain()) break;
            }
        } catch (IOException | RuntimeException e) {
            // the log is best effort: a failure to write must not fail the run; it is noted in the file if possible
            appendNote("# harness: log following stopped: " + e);
        } finally {
            ended.countDown();
        }
    }

    private void followOnce(OutputStream out) {
        Instant skipUpTo = lastWritten;
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                write(out, frame, skipUpTo);
            }
        };
        current = callback;
        try {
            var cmd = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true)
                    .withFollowStream(true).withTimestamps(true);
            if (!skipUpTo.equals(Instant.EPOCH)) cmd.withSince((int) skipUpTo.getEpochSecond());
            cmd.exec(callback).awaitCompletion();
        } catch (NotFoundException e) {
            // removed before or while following
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /**
     * After a stream ended: true when the container still exists and is (or is about to be) running again.
     * The engine updates the state under one lock when the process exits (running -> restarting or exited), so
     * only a state still showing "running" needs a second look.
     */
    private boolean mayRunAgain() {
        try {
            for (int look = 0; look < 20; look++) {
                InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(containerId).exec().getState();
                if (Boolean.TRUE.equals(state.getRestarting())) {
                    Thread.sleep(50);
                    return true;
                }
                if (!Boolean.TRUE.equals(state.getRunning())) return false;
                Thread.sleep(25);
            }
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void write(OutputStream out, Frame frame, Instant skipUpTo) {
        String payload = new String(frame.getPayload(), StandardCharsets.UTF_8);
        int space = payload.indexOf(' ');
        Instant at = null;
        if (space > 0) {
            try {
                at = Instant.parse(payload.substring(0, space));
                payload = payload.substring(space + 1);
            } catch (DateTimeParseException e) {
                at = null;
            }
        }
        if (at != null && !at.isAfter(skipUpTo)) return;
        try {
            synchronized (this) {
                partial.append(payload);
                int end = partial.length() > MAX_PARTIAL_CHARS ? partial.length() : partial.lastIndexOf("\n") + 1;
                if (end > 0) {
                    out.write(partial.substring(0, end).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    partial.delete(0, end);
                }
                if (at != null) lastWritten = at;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private synchronized void endLine(OutputStream out) throws IOException {
        if (partial.length() == 0) return;
        out.write((partial + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        partial.setLength(0);
    }

    private void appendNote(String line) {
        try {
            Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // nowhere left to report it
        }
    }
}
