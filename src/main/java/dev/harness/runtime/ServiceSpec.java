package dev.harness.runtime;

import java.util.List;
import java.util.Map;

/**
 * What to run for one service, independent of where it runs. A system builds it; a runtime starts it.
 * In {@code command} and {@code env} values, {@code ${port:N}} stands for the port the service listens on
 * for container port N (the container port itself under Docker, a free loopback port for a local process)
 * and {@code ${volume:NAME}} for the path where volume NAME is mounted (its mount path under Docker, a
 * folder of the run for a local process); {@code ${start-id}} for a random id that is new for every start
 * (returned as {@link RunningService#startId()}). Each placeholder is replaced inside one argv element or value:
 * a command that needs a shell passes values to it as arguments, never by splicing them into the shell line.
 *
 * @param service  service name; also the network alias under Docker
 * @param image    Docker image, or for a local process the folder holding {@code bin/}
 * @param command  argv; empty = the image's default
 * @param env      environment variables
 * @param ports    container ports to publish (host port chosen by the runtime)
 * @param volumes  volume name -> mount path; volumes outlive kills and restarts within a run
 * @param restart  restart policy: "no" or "on-failure"
 * @param user     user to run as (null = image default; for processes an unprivileged user when root)
 */
public record ServiceSpec(
        String service,
        String image,
        List<String> command,
        Map<String, String> env,
        List<Integer> ports,
        Map<String, String> volumes,
        String restart,
        String user) {}
