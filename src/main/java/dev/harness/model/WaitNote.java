package dev.harness.model;

import java.util.function.Consumer;

/**
 * What a long step is waiting for right now ("waiting for ReadyToPromote, now Initializing", "statement
 * checks.d/x.yaml:12, attempt 3"), said by the code that waits and shown by the console's live counter and
 * off-terminal heartbeat. A thread's notes go to the sink the step's runner set for it (the executor for its
 * thread and its check workers); with none set, a note goes nowhere. Notes are for people: never parsed.
 */
public final class WaitNote {
    private static final ThreadLocal<Consumer<String>> SINK = new ThreadLocal<>();

    private WaitNote() {}

    /** This thread's notes go to {@code sink} until the returned scope is closed. */
    public static Scope to(Consumer<String> sink) {
        Consumer<String> before = SINK.get();
        SINK.set(sink);
        return () -> {
            if (before == null) SINK.remove();
            else SINK.set(before);
        };
    }

    /** The sink of this thread, for handing on to worker threads; null when none. */
    public static Consumer<String> sink() {
        return SINK.get();
    }

    public static void say(String what) {
        Consumer<String> sink = SINK.get();
        if (sink != null) sink.accept(what);
    }

    /** Ends a {@link #to} without a checked exception. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
