package dev.harness.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Virtual time: sleeping advances the clock instantly and records the wait; a hook can act on the n-th sleep.
 * Alarms fire (on the sleeping thread) when a sleep passes them; {@link #advancingOnRead} makes time pass
 * while code computes, one step per clock read.
 */
final class FakeTicker implements Ticker {
    final List<Long> sleeps = new ArrayList<>();
    private final List<long[]> alarmTimes = new ArrayList<>();
    private final List<Runnable> alarmActions = new ArrayList<>();
    private long now;
    private long nanosPerRead;
    private IntConsumer onSleep = n -> {};

    FakeTicker onSleep(IntConsumer hook) {
        this.onSleep = hook;
        return this;
    }

    FakeTicker advancingOnRead(long nanos) {
        this.nanosPerRead = nanos;
        return this;
    }

    @Override
    public synchronized long nanoTime() {
        now += nanosPerRead;
        return now;
    }

    @Override
    public void sleep(long millis) {
        sleeps.add(millis);
        synchronized (this) {
            now += millis * 1_000_000L;
        }
        fireDue();
        onSleep.accept(sleeps.size());
    }

    @Override
    public synchronized Alarm alarm(long nanos, Runnable action) {
        long[] at = {now + nanos};
        alarmTimes.add(at);
        alarmActions.add(action);
        return () -> {
            synchronized (FakeTicker.this) {
                int i = alarmTimes.indexOf(at);
                if (i >= 0) {
                    alarmTimes.remove(i);
                    alarmActions.remove(i);
                }
            }
        };
    }

    private void fireDue() {
        List<Runnable> due = new ArrayList<>();
        synchronized (this) {
            for (int i = alarmTimes.size() - 1; i >= 0; i--) {
                if (alarmTimes.get(i)[0] <= now) {
                    alarmTimes.remove(i);
                    due.add(alarmActions.remove(i));
                }
            }
        }
        due.forEach(Runnable::run);
    }
}
