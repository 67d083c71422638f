package dev.harness.system.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.model.HarnessException;
import dev.harness.runtime.RunningService;
import dev.harness.system.ConsistencyReport;
import dev.harness.system.TestSystemContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Materialize's consistency step against the leader-API stub: {@code GET /api/coordinator/check} on the internal HTTP port. */
class MaterializeConsistencyTest {
    private final MaterializeLeaderApiStub stub = new MaterializeLeaderApiStub();
    private final MaterializeSystem system = new MaterializeSystem(Duration.ofSeconds(2), Duration.ofMillis(20));
    private final TestSystemContext ctx = new TestSystemContext(MaterializeFixtures.config(), null, "materialize", "docker");

    @AfterEach
    void close() {
        stub.close();
    }

    private ConsistencyReport check() {
        RunningService mz = new RunningService("mz_1", "127.0.0.1", Map.of(MaterializeSpecs.INTERNAL_HTTP_PORT, stub.port()), "id", "start");
        return system.checkConsistency(mz, ctx, Duration.ofSeconds(5));
    }

    @Test
    void theEmptyAnswerIsConsistent() {
        ConsistencyReport report = check();
        assertTrue(report.consistent(), report::toString);
        assertEquals(List.of("mz_1: /api/coordinator/check"), report.checked());
    }

    @Test
    void anyOtherAnswerIsAProblemWithItsText() {
        stub.coordinatorCheckBody = "{\"internal_fields\":[{\"id\":\"u1\",\"problem\":\"missing in catalog\"}]}";
        assertEquals(List.of("coordinator check: {\"internal_fields\":[{\"id\":\"u1\",\"problem\":\"missing in catalog\"}]}"), check().problems());
        stub.coordinatorCheckStatus = 500;
        stub.coordinatorCheckBody = "\"dangling read hold on u5\"";
        assertEquals(List.of("coordinator check: HTTP 500: \"dangling read hold on u5\""), check().problems());
    }

    @Test
    void aServerWithoutTheEndpointOrNotAnsweringIsInfrastructure() {
        stub.hasCoordinatorCheck = false;
        var missing = assertThrows(HarnessException.Infrastructure.class, this::check);
        assertTrue(missing.getMessage().contains("has no /api/coordinator/check (HTTP 404)"), missing.getMessage());
        stub.crash();
        var down = assertThrows(HarnessException.Infrastructure.class, this::check);
        assertTrue(down.getMessage().contains("coordinator check request failed"), down.getMessage());
    }
}
