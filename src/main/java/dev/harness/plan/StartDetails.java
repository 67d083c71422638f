package dev.harness.plan;

import dev.harness.model.Action;
import dev.harness.model.Plan;
import java.util.List;

/**
 * What {@code plan --details} prints under a start: the dry run of what {@code run} would do. The
 * system implementations supply the full service spec (image, command line, environment, ports,
 * volumes); {@link #FROM_SETTINGS} is what the plan alone knows.
 */
@FunctionalInterface
public interface StartDetails {
    List<String> describe(Plan plan, Action.Start start);

    /** The image or binaries a start uses, derived from the plan's settings. */
    StartDetails FROM_SETTINGS = (plan, start) -> {
        String system = plan.system();
        boolean isCurrent = start.version() != null && start.version().equals(plan.current());
        if ("docker".equals(plan.runtime())) {
            String currentImage = plan.settings().get(system + ".current-image");
            String pattern = isCurrent && currentImage != null ? currentImage : plan.settings().get(system + ".image");
            return List.of("image: " + (pattern == null ? "(none configured)" : pattern.replace("{version}", start.version().text())));
        }
        String folder = plan.settings().get(system + ".binaries." + start.version());
        return List.of("binaries: " + (folder != null ? folder : "bundled PostgreSQL " + start.version() + " (Maven artifact)"));
    };
}
