package dev.harness.cli;

import dev.harness.report.WorkingDirPaths;
import dev.harness.report.annotations.GitHubActions;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/** What the CI system says about itself through the environment the command line was made with (Main's factory). */
record CiEnvironment(Map<String, String> env) {
    /** {@code GITHUB_ACTIONS=true} turns the annotations on; {@code GITHUB_STEP_SUMMARY} names the summary file. */
    GitHubActions gitHub(WorkingDirPaths paths) {
        if (!"true".equals(env.get("GITHUB_ACTIONS"))) return GitHubActions.off();
        String summary = env.get("GITHUB_STEP_SUMMARY");
        Path file = null;
        try {
            if (summary != null && !summary.isBlank()) file = Path.of(summary);
        } catch (InvalidPathException e) {
            // no usable summary file: the annotations still appear
        }
        return new GitHubActions(true, file, paths);
    }
}
