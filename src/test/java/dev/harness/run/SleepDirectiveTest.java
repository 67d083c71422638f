package dev.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.harness.load.Guards;
import dev.harness.model.Check;
import dev.harness.model.Phase;
import dev.harness.model.PhaseItem;
import dev.harness.model.PhaseResult;
import dev.harness.model.SourceRef;
import dev.harness.model.Status;
import dev.harness.model.Version;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code sleep:} inside a check (testdrive's {@code $ sleep-is-probably-flaky…}), on virtual time: no server is needed. */
class SleepDirectiveTest {
    private final FakeTicker ticker = new FakeTicker();

    private PhaseResult run(Check check, Version current, Version base) throws InterruptedException {
        Endpoints none = new Endpoints() {
            @Override
            public dev.harness.system.SqlEndpoint endpoint(String service, boolean asSystem) {
                throw new AssertionError("a sleep opens no connection");
            }

            @Override
            public dev.harness.system.SqlEndpoint endpoint(String service, dev.harness.model.Login login) {
                throw new AssertionError("a sleep opens no connection");
            }
        };
        CheckPhaseRunner runner = new CheckPhaseRunner(none, new Liveness(s -> true, (s, sys) -> null, ticker, Liveness.PATIENCE), new RunStop(ticker), ticker, java.time.Clock.systemUTC(),
                line -> { }, name -> new HashMap<>());
        var target = new CheckPhaseRunner.PhaseTarget(0, "initialize", Phase.INITIALIZE, "db_1", current, base, Map.of(), Duration.ofSeconds(30));
        return runner.run(check, target, () -> null);
    }

    private static Check check(List<PhaseItem> initialize) {
        return new Check("c", null, List.of(), null, null, null, initialize, List.of(), List.of(), List.of(), SourceRef.of("c.yaml", 1, 1));
    }

    @Test
    void aSleepWaitsItsDurationWhenItsGuardsHoldAndIsSkippedWithItsGuardsOtherwise() throws InterruptedException {
        Check c = check(List.of(
                new PhaseItem.Sleep(Duration.ofSeconds(2), List.of(), SourceRef.of("c.yaml", 3, 5)),
                new PhaseItem.Sleep(Duration.ofMillis(500), List.of(Guards.parse("current != base")), SourceRef.of("c.yaml", 4, 5)),
                new PhaseItem.Sleep(Duration.ofSeconds(7), List.of(Guards.parse("current == base"), Guards.parse("base >= 15.20")),
                        SourceRef.of("c.yaml", 6, 5))));
        PhaseResult r = run(c, new Version("15.19"), new Version("15.19"));
        assertEquals(Status.PASSED, r.status());
        assertEquals(List.of(2000L), ticker.sleeps, "only the first sleep's guards hold");
        assertEquals(List.of("sleep 2s c.yaml:3", "skip (when current != base) c.yaml:4", "skip (when current == base, base >= 15.20) c.yaml:6"),
                r.log());
    }
}
