package dev.harness.plan;

import dev.harness.model.Action;
import dev.harness.model.Plan;
import dev.harness.model.SupportService;
import java.util.List;

/**
 * What {@code plan --details} prints under a start: the dry run of what {@code run} would do. The
 * system implementations supply the full service spec (image, command line, environment, ports,
 * volumes); the printer only places the lines.
 */
@FunctionalInterface
public interface StartDetails {
    List<String> describe(Plan plan, Action.Start start);

    /** A service besides the system under test (under its {@code start-service} step), described the same way. */
    default List<String> describeService(Plan plan, SupportService service) {
        return List.of();
    }
}
