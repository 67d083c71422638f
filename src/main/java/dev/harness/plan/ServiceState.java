package dev.harness.plan;

import dev.harness.model.SourceRef;
import dev.harness.model.StartSettings;
import dev.harness.model.Version;

/**
 * What the compiler knows about a service at one point of the plan.
 *
 * @param settings what its start set (null: nothing); an upgrade macro's start takes it over
 * @param since    where the service entered this status (for messages such as "killed at x.yaml:7")
 */
record ServiceState(String name, Status status, boolean readOnly, Version version, Integer generation, StartSettings settings,
        SourceRef since) {

    enum Status {
        RUNNING,
        /** Replaced by a promoted candidate: not serving, may still be exiting; kill/stop clean it up. */
        FENCED,
        STOPPED
    }

    boolean running() {
        return status == Status.RUNNING;
    }

    ServiceState with(Status s, SourceRef where) {
        return new ServiceState(name, s, readOnly, version, generation, settings, where);
    }

    /** "killed at file:line" style description of why it is not running. */
    String whyNotRunning() {
        return switch (status) {
            case RUNNING -> "it is running";
            case FENCED -> "it was fenced by a promotion at " + since.fileLine();
            case STOPPED -> "it was killed or stopped at " + since.fileLine();
        };
    }
}
