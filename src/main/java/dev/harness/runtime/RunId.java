package dev.harness.runtime;

import dev.harness.model.Names;
import java.security.SecureRandom;

/**
 * The id of one run: every container, network, volume and scratch folder a runtime creates carries it. Scenario and
 * seed alone are not enough: two runs of the same plan at the same time, or a rerun after a killed run, would share
 * (and the rerun inherit) the other's resources. A random suffix makes each run's id its own.
 */
public record RunId(String value) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SUFFIX = 8;
    /** Room for {@code -} and the suffix within the 100 characters {@link Names#ENTITY} allows. */
    private static final int NAME_MAX = 60;

    public RunId {
        Names.requireEntity("run id", value);
    }

    /**
     * @param name what the run is, e.g. {@code <scenario>-<seed>}; characters a name check would refuse become
     *             {@code -}, and a long name is cut, so the id is always a valid name
     */
    public static RunId next(String name) {
        String readable = name == null ? "" : name.replaceAll("[^A-Za-z0-9_.-]", "-").replaceFirst("^[.-]+", "");
        if (readable.length() > NAME_MAX) readable = readable.substring(0, NAME_MAX);
        StringBuilder id = new StringBuilder(readable.isEmpty() ? "run" : readable).append('-');
        for (int i = 0; i < SUFFIX; i++) id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return new RunId(id.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
