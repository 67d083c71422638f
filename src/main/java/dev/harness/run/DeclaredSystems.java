package dev.harness.run;

import dev.harness.model.HarnessException;
import dev.harness.model.SupportService;
import dev.harness.plan.PlanSettings;
import dev.harness.system.DatabaseSystem;
import dev.harness.system.registry.DatabaseSystems;
import java.util.HashMap;
import java.util.Map;

/**
 * The systems of the services a plan declares besides the system under test: the system under test itself when
 * they are of its kind (an upstream PostgreSQL beside PostgreSQL), else one made for the plan's recorded settings
 * (an upstream PostgreSQL beside Materialize).
 */
final class DeclaredSystems {
    private final DatabaseSystem underTest;
    private final RunState state;
    private final Map<String, DatabaseSystem> others = new HashMap<>();

    DeclaredSystems(DatabaseSystem underTest, RunState state) {
        this.underTest = underTest;
        this.state = state;
    }

    boolean isDeclared(String service) {
        return state.plan().supportService(service).isPresent();
    }

    SupportService declaration(String service) {
        return state.plan().supportService(service).orElseThrow(() -> new HarnessException.Infrastructure(service,
                "is not declared under the plan's services", null));
    }

    DatabaseSystem systemOf(String service) {
        String system = declaration(service).system();
        if (system.equals(underTest.name())) return underTest;
        return others.computeIfAbsent(system, name -> DatabaseSystems.create(name, PlanSettings.runConfig(state.plan(), state.config())));
    }
}
