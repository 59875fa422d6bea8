package io.harbormaster.model.fleet;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a load or refresh cost: API calls by operation (each page and each batch is one call; retries are not
 * calls), the retries the SDK (or the adapter) made, and how many attempts were throttled.
 *
 * @param callsByOperation operation name as AWS spells it ("DescribeServices") to calls made
 */
public record FleetStats(Kind kind, Map<String, Integer> callsByOperation, int retries, int throttles,
        Duration elapsed) {

    public enum Kind { FULL, INCREMENTAL }

    public static final FleetStats NONE = new FleetStats(Kind.FULL, Map.of(), 0, 0, Duration.ZERO);

    public FleetStats {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(elapsed, "elapsed");
        callsByOperation = java.util.Collections.unmodifiableMap(new TreeMap<>(callsByOperation));
        if (retries < 0 || throttles < 0) {
            throw new IllegalArgumentException("retries and throttles cannot be negative");
        }
    }

    public int calls(String operation) {
        return callsByOperation.getOrDefault(operation, 0);
    }

    public int totalCalls() {
        return callsByOperation.values().stream().mapToInt(Integer::intValue).sum();
    }
}
