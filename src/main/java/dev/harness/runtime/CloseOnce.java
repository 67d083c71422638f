package dev.harness.runtime;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A runtime's cleanup, run once however many threads close it. On Ctrl-C the runtime's shutdown hook and the
 * run's own thread close it at the same time; the one that comes second must wait until the cleanup is done,
 * or the process may end (halt) with volumes and networks half removed.
 */
public final class CloseOnce {
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Duration patience;

    public CloseOnce(Duration patience) {
        this.patience = patience;
    }

    public boolean isClosed() {
        return started.get();
    }

    public void run(Runnable cleanup) {
        if (!started.compareAndSet(false, true)) {
            awaitDone();
            return;
        }
        // The interrupt that stopped the run must not cut the cleanup short; it is restored afterwards.
        boolean interrupted = Thread.interrupted();
        try {
            cleanup.run();
        } finally {
            done.countDown();
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private void awaitDone() {
        boolean interrupted = Thread.interrupted();
        try {
            long deadline = System.nanoTime() + patience.toNanos();
            while (true) {
                try {
                    done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
