package dev.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.Action;
import dev.harness.model.Plan;
import dev.harness.model.RunListener;
import dev.harness.model.SourceRef;
import dev.harness.model.StepResult;
import dev.harness.runtime.process.ProcessRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live elapsed counter's events: only while a step runs, only after its first second. */
class StepHeartbeatTest {
    /** Records events in order, from whatever thread they come. */
    static final class Recorder implements RunListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void stepStarted(int index, int total, String title) {
            events.add("started " + title);
        }

        @Override
        public void waiting(String what, long elapsedMillis) {
            events.add("waiting " + what + " " + elapsedMillis);
        }

        @Override
        public void stepFinished(StepResult result, int total) {
            events.add("finished " + result.title());
        }

        List<Long> elapsed() {
            List<Long> out = new ArrayList<>();
            synchronized (events) {
                for (String e : events) if (e.startsWith("waiting")) out.add(Long.parseLong(e.substring(e.lastIndexOf(' ') + 1)));
            }
            return out;
        }
    }

    @Test
    void ticksAfterTheFirstSecondWithGrowingElapsedAndNeverAfterTheEnd() throws InterruptedException {
        Recorder r = new Recorder();
        try (StepHeartbeat beat = new StepHeartbeat(r)) {
            beat.begin();
            Thread.sleep(StepHeartbeat.FIRST_TICK_MILLIS + 3 * StepHeartbeat.TICK_MILLIS);
            beat.end();
            int afterEnd = r.events.size();
            Thread.sleep(3 * StepHeartbeat.TICK_MILLIS);
            assertEquals(afterEnd, r.events.size(), "a tick arrived after end(): " + r.events);
        }
        List<Long> elapsed = r.elapsed();
        assertFalse(elapsed.isEmpty(), "no tick during a 2.5 s step");
        assertTrue(elapsed.get(0) >= StepHeartbeat.FIRST_TICK_MILLIS, "first tick before the first second: " + elapsed);
        for (int i = 1; i < elapsed.size(); i++) assertTrue(elapsed.get(i) > elapsed.get(i - 1), elapsed.toString());
        assertTrue(r.events.get(0).startsWith("waiting running "), r.events.toString());
    }

    @Test
    void ticksSayTheStepsLatestWaitNoteAndANewStepStartsWithoutOne() {
        Recorder r = new Recorder();
        try (StepHeartbeat beat = new StepHeartbeat(r); var notes = dev.harness.model.WaitNote.to(beat::note)) {
            beat.begin();
            dev.harness.model.WaitNote.say("waiting for ReadyToPromote, now Initializing");
            dev.harness.testing.Await.until("a tick naming the wait", () -> r.events.stream()
                    .anyMatch(e -> e.startsWith("waiting waiting for ReadyToPromote, now Initializing ")));
            beat.begin();
            int before = r.events.size();
            dev.harness.testing.Await.until("a tick of the next step", () -> r.events.size() > before);
            assertTrue(r.events.get(before).startsWith("waiting running "), r.events.toString());
        }
    }

    @Test
    void aShortStepGetsNoTick() throws InterruptedException {
        Recorder r = new Recorder();
        try (StepHeartbeat beat = new StepHeartbeat(r)) {
            beat.begin();
            beat.end();
            Thread.sleep(StepHeartbeat.FIRST_TICK_MILLIS + StepHeartbeat.TICK_MILLIS);
        }
        assertTrue(r.events.isEmpty(), r.events.toString());
    }

    @Test
    void theExecutorReportsWaitsOnlyBetweenAStepsStartAndItsEnd(@TempDir Path runDir) {
        Recorder r = new Recorder();
        var sleep = new Action.Sleep(StepHeartbeat.FIRST_TICK_MILLIS + 2 * StepHeartbeat.TICK_MILLIS, new SourceRef("s.yaml", 3, 5), null);
        Plan plan = new Plan("beat", null, "s.yaml", "postgres", "process", 1, null, List.of(), null, List.of(), List.of(sleep), Map.of());
        try (ProcessRuntime runtime = new ProcessRuntime(runDir, false)) {
            new Executor(new dev.harness.system.postgres.PostgresSystem(ExecutorFixture.CONFIG), runtime, ExecutorFixture.CONFIG, ExecutorOptions.defaults().withListener(r)).run(plan, "harness run s.yaml", null);
        }
        List<String> events = List.copyOf(r.events);
        assertTrue(events.get(0).startsWith("started "), events.toString());
        assertTrue(events.get(events.size() - 1).startsWith("finished "), events.toString());
        assertTrue(events.size() >= 3 && events.get(1).startsWith("waiting running "), "no live counter during a 2 s sleep: " + events);
    }
}
