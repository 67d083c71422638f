package dev.harness.bench;

import dev.harness.runtime.RunningService;
import dev.harness.runtime.ServiceSpec;
import dev.harness.runtime.docker.DockerRuntime;
import dev.harness.runtime.docker.DockerRuntimeOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * kill -> start -> ready with DockerRuntime; bench/docker/run.sh times the same cycle with the docker CLI.
 * Ready = the container's TCP server answers on its published port. Prints one line per cycle (ms).
 */
public final class DockerCycleBenchmark {
    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String server = "perl -MIO::Socket::INET -e '$s=IO::Socket::INET->new(LocalPort=>7000,Listen=>5,ReuseAddr=>1) or die; "
                + "while($c=$s->accept){print $c qq(ready\\n); close $c}'";
        ServiceSpec spec = new ServiceSpec("bench", "harness/debian:bookworm", List.of("/bin/sh", "-c", server), Map.of(), List.of(7000),
                Map.of("data", "/data"), "no", null);
        try (DockerRuntime rt = new DockerRuntime(DockerRuntimeOptions.of("bench-" + ProcessHandle.current().pid(),
                Files.createTempDirectory("bench-logs")))) {
            awaitReady(rt.start(spec));
            List<Long> ms = new ArrayList<>();
            for (int i = 0; i < cycles; i++) {
                long t0 = System.nanoTime();
                rt.kill("bench");
                long t1 = System.nanoTime();
                RunningService s = rt.start(spec);
                long t2 = System.nanoTime();
                awaitReady(s);
                ms.add((System.nanoTime() - t0) / 1_000_000);
                System.err.printf("kill %d start %d ready %d%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            }
            ms.forEach(m -> System.out.println("harness " + m));
        }
    }

    private static void awaitReady(RunningService s) throws InterruptedException {
        while (true) {
            try (Socket sock = new Socket(s.host(), s.port(7000)); InputStream in = sock.getInputStream()) {
                if (in.read() == 'r') return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(10);
        }
    }
}
