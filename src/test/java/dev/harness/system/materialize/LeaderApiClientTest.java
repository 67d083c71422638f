package dev.harness.system.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.HarnessException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeaderApiClientTest {
    final MaterializeLeaderApiStub stub = new MaterializeLeaderApiStub();
    final List<String> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        stub.close();
    }

    LeaderApiClient client(Consumer<String> react) {
        return new LeaderApiClient("mz_2", URI.create("http://127.0.0.1:" + stub.port()), Duration.ofSeconds(2), Duration.ofMillis(10), m -> {
            seen.add(m);
            react.accept(m);
        });
    }

    @Test
    void waitingSurvivesErrorAnswersAndARebootUntilReadyToPromote() {
        stub.initializingAnswers400 = true;
        LeaderApiClient api = client(m -> {
            if (m.contains("HTTP 400")) stub.crash(); // reboot while initializing (DDL on the old leader)
            if (m.contains("ConnectException")) {
                stub.status = LeaderApiClient.READY_TO_PROMOTE;
                stub.bootAgain();
            }
        });
        api.awaitStatus(LeaderApiClient.READY_TO_PROMOTE, Duration.ofMinutes(1));
        assertTrue(seen.stream().anyMatch(m -> m.contains("HTTP 400")), seen.toString());
        assertTrue(seen.stream().anyMatch(m -> m.contains("ConnectException")), seen.toString());
        assertTrue(seen.get(seen.size() - 1).endsWith("deployment status ReadyToPromote"), seen.toString());
    }

    @Test
    void timeoutQuotesTheLastStatusSeen() {
        var e = assertThrows(HarnessException.Infrastructure.class,
                () -> client(m -> {}).awaitStatus(LeaderApiClient.READY_TO_PROMOTE, Duration.ofMillis(200)));
        assertEquals("Timed out waiting for mz_2 to reach ReadyToPromote, still in Initializing", e.getMessage());
    }

    @Test
    void timeoutWithoutAnyAnswerSaysSo() {
        stub.crash();
        var e = assertThrows(HarnessException.Infrastructure.class,
                () -> client(m -> {}).awaitStatus(LeaderApiClient.IS_LEADER, Duration.ofMillis(200)));
        assertTrue(e.getMessage().startsWith("Timed out waiting for mz_2 to reach IsLeader, still in no answer (ConnectException"), e.getMessage());
    }

    @Test
    void promoteWhileInitializingIsRefusedWithMaterializesMessage() {
        var e = assertThrows(HarnessException.Infrastructure.class, () -> client(m -> {}).promote());
        assertTrue(e.getMessage().contains("HTTP 400") && e.getMessage().contains("cannot promote leader while initializing"), e.getMessage());
    }

    @Test
    void promoteThenLeaderAfterTheRebootAsLeader() {
        stub.status = LeaderApiClient.READY_TO_PROMOTE;
        LeaderApiClient api = client(m -> {
            if (m.endsWith("deployment status Promoting")) stub.crash(); // halt: "fenced out old deployment; rebooting as leader"
            if (m.contains("ConnectException")) {
                stub.status = LeaderApiClient.IS_LEADER;
                stub.bootAgain();
            }
        });
        api.promote();
        api.awaitStatus(LeaderApiClient.IS_LEADER, Duration.ofMinutes(1));
        assertTrue(seen.contains("mz_2: promote accepted") && seen.contains("mz_2: deployment status Promoting"), seen.toString());
    }
}
