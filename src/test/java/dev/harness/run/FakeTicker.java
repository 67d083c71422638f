package dev.harness.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** Virtual time: sleeping advances the clock instantly and records the wait; a hook can act on the n-th sleep. */
final class FakeTicker implements Ticker {
    final List<Long> sleeps = new ArrayList<>();
    private long now;
    private IntConsumer onSleep = n -> {};

    FakeTicker onSleep(IntConsumer hook) {
        this.onSleep = hook;
        return this;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleep(long millis) {
        sleeps.add(millis);
        now += millis * 1_000_000L;
        onSleep.accept(sleeps.size());
    }
}
