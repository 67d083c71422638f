package dev.harness.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wait loop on a virtual clock: time passes only when the poll sleeps, so no test depends on the machine's speed. */
class PollTest {
    /** A clock that moves only by the poll's own sleeps, and remembers them. */
    static final class FakeClock implements Poll.Clock {
        long nanos = 1_000_000_000L;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public void sleep(long millis) {
            sleeps.add(millis);
            nanos += millis * 1_000_000L;
        }
    }

    static final class Gave extends RuntimeException {
        final Poll.Expired expired;

        Gave(Poll.Expired expired) {
            super(expired.within());
            this.expired = expired;
        }
    }

    final FakeClock clock = new FakeClock();

    @Test
    void aFirstDoneLookReturnsItsValueWithoutSleeping() throws InterruptedException {
        String v = Poll.every(Duration.ofMillis(100), Duration.ofSeconds(1)).on(clock).until(() -> Poll.Look.done("up"), Gave::new);
        assertEquals("up", v);
        assertEquals(List.of(), clock.sleeps);
    }

    @Test
    void looksUntilDoneWithAFixedPause() throws InterruptedException {
        int[] looks = {0};
        int v = Poll.every(Duration.ofMillis(100), Duration.ofSeconds(10)).on(clock)
                .until(() -> ++looks[0] == 4 ? Poll.Look.done(looks[0]) : Poll.Look.pending("look " + looks[0]), Gave::new);
        assertEquals(4, v);
        assertEquals(List.of(100L, 100L, 100L), clock.sleeps);
    }

    @Test
    void pausesGrowByTheFactorUpToTheLongest() {
        Poll poll = Poll.every(Duration.ofMillis(50), Duration.ofSeconds(10)).backingOff(1.5, Duration.ofSeconds(1)).on(clock);
        assertThrows(Gave.class, () -> poll.until(() -> Poll.Look.pending("no"), Gave::new));
        assertEquals(List.of(50L, 75L, 113L, 169L, 253L, 380L, 570L, 854L, 1000L), clock.sleeps.subList(0, 9));
    }

    @Test
    void theTimeoutNamesTheLastObservationAndNoSleepRunsPastTheDeadline() {
        int[] looks = {0};
        Gave e = assertThrows(Gave.class, () -> Poll.every(Duration.ofMillis(300), Duration.ofSeconds(1)).on(clock)
                .until(() -> Poll.Look.pending("replayed 0/" + ++looks[0]), Gave::new));
        assertEquals(List.of(300L, 300L, 300L, 100L), clock.sleeps, "the last pause ends at the deadline");
        assertEquals(5, e.expired.looks(), "one more look at the deadline");
        assertEquals("within 1s (last seen: replayed 0/5)", e.getMessage());
    }

    @Test
    void aZeroTimeoutStillLooksOnce() {
        int[] looks = {0};
        Gave e = assertThrows(Gave.class, () -> Poll.every(Duration.ofMillis(10), Duration.ZERO).on(clock)
                .until(() -> Poll.Look.pending("look " + ++looks[0]), Gave::new));
        assertEquals(1, looks[0]);
        assertEquals("look 1", e.expired.lastSeen());
        assertEquals(List.of(), clock.sleeps);
    }

    @Test
    void aProbeThatThrowsEndsTheWaitAtOnce() {
        IllegalStateException gone = new IllegalStateException("server exited");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> Poll.every(Duration.ofMillis(10), Duration.ofSeconds(5)).on(clock).until(() -> {
                    throw gone;
                }, Gave::new));
        assertSame(gone, thrown);
        assertTrue(clock.sleeps.isEmpty());
    }

    @Test
    void aHugeTimeoutDoesNotOverflow() throws InterruptedException {
        int[] looks = {0};
        assertEquals(3, Poll.every(Duration.ofMillis(1), Duration.ofSeconds(Long.MAX_VALUE)).on(clock)
                .until(() -> ++looks[0] == 3 ? Poll.Look.done(3) : Poll.Look.pending("-"), Gave::new));
    }

    @Test
    void anInterruptEndsAnAwaitAsTheServicesInfrastructureErrorAndKeepsTheFlag() {
        Poll.Clock stopping = new Poll.Clock() {
            @Override
            public long nanoTime() {
                return 0;
            }

            @Override
            public void sleep(long millis) throws InterruptedException {
                throw new InterruptedException();
            }
        };
        HarnessException.Infrastructure e = assertThrows(HarnessException.Infrastructure.class, () -> Poll.every(Duration.ofMillis(10),
                Duration.ofSeconds(5)).on(stopping).await("db_1", () -> Poll.Look.pending("starting"), Gave::new));
        assertTrue(Thread.interrupted(), "the interrupt flag is kept (and cleared here)");
        assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        assertTrue(e.getMessage().contains("db_1"), e.getMessage());
    }

    @Test
    void tryUntilAnswersEmptyWhenTheTimeoutPassesAndTheValueWhenDone() throws InterruptedException {
        Poll poll = Poll.every(Duration.ofMillis(100), Duration.ofMillis(250)).on(clock);
        assertEquals(java.util.Optional.empty(), poll.tryUntil(() -> Poll.Look.pending("in use")));
        assertEquals(List.of(100L, 100L, 50L), clock.sleeps);
        int[] looks = {0};
        assertEquals(java.util.Optional.of(2), poll.tryUntil(() -> ++looks[0] == 2 ? Poll.Look.done(2) : Poll.Look.pending("in use")));
    }

    @Test
    void pausesThatShrinkOrAFactorBelowOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Poll(Duration.ofSeconds(1), Duration.ofMillis(10), 0.5, Duration.ofMillis(10), clock));
        assertThrows(IllegalArgumentException.class, () -> new Poll(Duration.ofSeconds(1), Duration.ofMillis(10), 1, Duration.ofMillis(5), clock));
    }
}
