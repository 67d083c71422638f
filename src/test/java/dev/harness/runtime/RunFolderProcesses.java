package dev.harness.runtime;

import dev.harness.runtime.process.ProcessRuntime;
import dev.harness.runtime.process.ProcessTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helper: live processes whose command line or working folder mentions a run folder, read from /proc. */
public final class RunFolderProcesses {
    private RunFolderProcesses() {}

    /** Processes of a process runtime: those in its run folder and those in its volumes (the servers). */
    public static List<String> of(ProcessRuntime runtime, Path runDir) {
        return in(runDir, runtime.volumesRoot());
    }

    public static List<String> in(Path... folders) {
        List<String> needles = java.util.Arrays.stream(folders).map(f -> f.toAbsolutePath().normalize().toString()).toList();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid() && !ProcessTree.isGone(p))
                .filter(p -> needles.stream().anyMatch(needle -> mentions(p.pid(), needle)))
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
