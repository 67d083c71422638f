package dev.harness.run;

/** Monotonic time and sleeping, injected so retry rules are tested without waiting. */
public interface Ticker {
    long nanoTime();

    void sleep(long millis) throws InterruptedException;

    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }
    };
}
