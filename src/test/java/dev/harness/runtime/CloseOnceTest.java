package dev.harness.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CloseOnceTest {
    @Test
    void aSecondCloserWaitsUntilTheFirstHasFinishedAndTheCleanupRunsOnce() throws Exception {
        CloseOnce once = new CloseOnce(Duration.ofSeconds(30));
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch inCleanup = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean cleanupFinished = new AtomicBoolean();
        Thread hook = new Thread(() -> once.run(() -> {
            runs.incrementAndGet();
            inCleanup.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cleanupFinished.set(true);
        }));
        hook.start();
        assertTrue(inCleanup.await(10, TimeUnit.SECONDS));
        AtomicBoolean sawFinished = new AtomicBoolean();
        Thread second = new Thread(() -> {
            once.run(runs::incrementAndGet);
            sawFinished.set(cleanupFinished.get());
        });
        second.start();
        second.join(300);
        assertTrue(second.isAlive(), "the second closer returned while the cleanup was still running");
        release.countDown();
        second.join(10_000);
        hook.join(10_000);
        assertTrue(sawFinished.get(), "the second closer returned before the cleanup finished");
        assertEquals(1, runs.get());
        assertTrue(once.isClosed());
    }

    @Test
    void theCleanupRunsWithoutTheInterruptThatStoppedTheRunWhichIsRestoredAfterwards() {
        CloseOnce once = new CloseOnce(Duration.ofSeconds(30));
        AtomicBoolean interruptedInside = new AtomicBoolean(true);
        Thread.currentThread().interrupt();
        once.run(() -> interruptedInside.set(Thread.currentThread().isInterrupted()));
        assertFalse(interruptedInside.get(), "cleanup saw the interrupt and could be cut short");
        assertTrue(Thread.interrupted(), "the interrupt was lost");
    }
}
