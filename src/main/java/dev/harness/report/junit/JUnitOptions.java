package dev.harness.report.junit;

import dev.harness.report.WorkingDirPaths;

/**
 * How junit.xml is written.
 *
 * @param strict omit the {@code file}/{@code line} attributes of {@code <testcase>} so the file validates against
 *               the Jenkins xUnit plugin's junit-10.xsd (by default they are kept: GitLab and GitHub reporters place
 *               failures by them)
 * @param paths  how attachment and {@code file} paths are written
 * @param shard  the run's {@code --shard} value as given, or null: a suite property, so merged shards stay told apart
 */
public record JUnitOptions(boolean strict, WorkingDirPaths paths, String shard) {
    /** The values a user can give {@code --junit} and {@code report.junit}. */
    public enum Mode {
        DEFAULT, STRICT;

        /** {@code default} or {@code strict}; null for anything else. */
        public static Mode parse(String text) {
            return switch (text) {
                case "default" -> DEFAULT;
                case "strict" -> STRICT;
                default -> null;
            };
        }
    }

    public static JUnitOptions defaults() {
        return new JUnitOptions(false, WorkingDirPaths.current(), null);
    }

    public JUnitOptions withStrict(boolean s) {
        return new JUnitOptions(s, paths, shard);
    }

    public JUnitOptions withPaths(WorkingDirPaths p) {
        return new JUnitOptions(strict, p, shard);
    }

    public JUnitOptions withShard(String s) {
        return new JUnitOptions(strict, paths, s);
    }
}
