package io.harbormaster.model.fleet;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares one instance of each repeated string (cluster and task definition ARNs, statuses, groups) across the
 * records of a load: 200,000 tasks name about a hundred task definitions, so without it a snapshot holds 200,000
 * copies of the same few strings. A private pool rather than {@link String#intern()} so it dies with the load.
 * Thread-safe.
 */
public final class StringPool {

    private final ConcurrentHashMap<String, String> pool = new ConcurrentHashMap<>();

    /** The pooled instance equal to {@code value}; null stays null. */
    public String of(String value) {
        if (value == null) {
            return null;
        }
        String existing = pool.putIfAbsent(value, value);
        return existing == null ? value : existing;
    }

    public int size() {
        return pool.size();
    }
}
