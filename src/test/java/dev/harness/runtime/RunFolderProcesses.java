package dev.harness.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helper: live processes whose command line or working folder mentions a run folder, read from /proc. */
public final class RunFolderProcesses {
    private RunFolderProcesses() {}

    public static List<String> in(Path runDir) {
        String needle = runDir.toAbsolutePath().normalize().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid() && !ProcessTree.isGone(p))
                .filter(p -> mentions(p.pid(), needle))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .toList();
    }

    private static boolean mentions(long pid, String needle) {
        try {
            String cmdline = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
            if (cmdline.contains(needle)) return true;
            return Files.readSymbolicLink(Path.of("/proc/" + pid + "/cwd")).toString().startsWith(needle);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
