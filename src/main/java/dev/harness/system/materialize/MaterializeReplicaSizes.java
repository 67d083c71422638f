package dev.harness.system.materialize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cluster replica sizes a test environment offers ({@code MZ_CLUSTER_REPLICA_SIZES}), as the platform
 * checks' composition defines them: a {@code bootstrap} size for the built-in clusters, a disabled
 * {@code free}, and {@code scale=N,workers=M} sizes — checks name them in SQL (e.g.
 * {@code CREATE CLUSTER REPLICA … SIZE 'scale=1,workers=1'}), so every size they use must exist here.
 */
final class MaterializeReplicaSizes {
    static final String BOOTSTRAP = "bootstrap";

    private MaterializeReplicaSizes() {}

    static Map<String, Map<String, Object>> sizes() {
        Map<String, Map<String, Object>> sizes = new LinkedHashMap<>();
        sizes.put(BOOTSTRAP, size(1, 1, false, true));
        for (int workers = 1; workers <= 16; workers *= 2) {
            sizes.put("scale=1,workers=" + workers, size(1, workers, false, true));
            sizes.put("scale=" + workers + ",workers=" + workers, size(workers, workers, false, true));
        }
        sizes.put("scale=2,workers=4", size(2, 4, false, true));
        sizes.put("scale=1,workers=1,legacy", size(1, 1, false, false));
        sizes.put("free", size(1, 1, true, true));
        return sizes;
    }

    /** The value of {@code MZ_CLUSTER_REPLICA_SIZES}. */
    static String json() {
        try {
            return new ObjectMapper().writeValueAsString(sizes());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> size(int scale, int workers, boolean disabled, boolean isCc) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("cpu_exclusive", false);
        s.put("cpu_limit", null);
        s.put("credits_per_hour", Integer.toString(scale * workers));
        s.put("disabled", disabled);
        s.put("disk_limit", null);
        s.put("is_cc", isCc);
        s.put("memory_limit", "4 GiB");
        s.put("scale", scale);
        s.put("workers", workers);
        return s;
    }
}
