package dev.harness.testing;

import dev.harness.model.HarnessException;
import dev.harness.runtime.docker.DockerConnection;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The condition behind {@link RequiresDocker}: asks the engine once per test JVM. */
public final class DockerAvailableCondition implements ExecutionCondition {
    private static volatile String unavailable; // null = not asked yet, "" = available

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = probe();
        if (reason.isEmpty()) return ConditionEvaluationResult.enabled("Docker engine answers");
        if (Boolean.getBoolean("harness.requireDocker")) {
            throw new IllegalStateException("harness.requireDocker=true but no Docker engine answers: " + reason);
        }
        String notice = "\n!!!!!!!!!! SKIPPED " + context.getDisplayName() + ": NO DOCKER ENGINE (" + reason
                + "). Run scripts/provision.sh, or set -Dharness.requireDocker=true to fail instead. !!!!!!!!!!\n";
        System.err.println(notice);
        System.out.println(notice);
        return ConditionEvaluationResult.disabled("NO DOCKER ENGINE: " + reason);
    }

    private static synchronized String probe() {
        if (unavailable == null) {
            try {
                DockerConnection.open(null).close();
                unavailable = "";
            } catch (HarnessException.Infrastructure e) {
                unavailable = e.getMessage();
            } catch (java.io.IOException e) {
                unavailable = "";
            }
        }
        return unavailable;
    }
}
