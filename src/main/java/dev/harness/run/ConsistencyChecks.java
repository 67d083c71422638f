package dev.harness.run;

import dev.harness.model.Action;
import dev.harness.model.HarnessException;
import dev.harness.runtime.RunningService;
import dev.harness.system.ConsistencyReport;
import dev.harness.system.DatabaseSystem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Runs a consistency step: the system checks the service, and what it finds fails the step and the scenario's
 * {@value ConsistencyResults#NAME} result (a problem of the system under test, exit 1). A service that cannot be asked
 * is an infrastructure error, as for any step.
 *
 * @param budget the statement budget: bounds each statement or request of the check
 */
record ConsistencyChecks(DatabaseSystem system, RunState state, ConsistencyResults results, Duration budget, Clock clock,
        Consumer<String> log) {
    ActionOutcome run(int index, Action.Consistency a) {
        String service = state.target(a.service());
        RunningService running = state.service(service)
                .orElseThrow(() -> new HarnessException.Infrastructure(service, "is not running", null));
        Instant started = clock.instant();
        ConsistencyReport report = system.checkConsistency(running, state, budget);
        long millis = Duration.between(started, clock.instant()).toMillis();
        report.checked().forEach(line -> log.accept("consistency " + service + ": " + line));
        report.problems().forEach(line -> log.accept("consistency " + service + ": problem: " + line));
        var result = results.record(index, service, started, millis, report.checked(), report.problems());
        if (report.consistent()) return ActionOutcome.passed(String.join("; ", report.checked()));
        int more = report.problems().size() - 1;
        return ActionOutcome.failed(result.failure().message() + (more > 0 ? " (+" + more + " more)" : ""));
    }
}
