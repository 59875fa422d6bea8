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
 * @param caller           what every call of this load or refresh, retries included, said it was for, as a
 *                         {@code name/version} token of its user agent ("harbormaster-fleet-refresh/17"), unique to
 *                         it: where the calls are recorded with their user agent (CloudTrail), its calls are told
 *                         apart from everything else sent meanwhile. Empty when the calls were not named.
 */
public record FleetStats(Kind kind, Map<String, Integer> callsByOperation, int retries, int throttles,
        Duration elapsed, String caller) {

    public enum Kind { FULL, INCREMENTAL }

    public static final FleetStats NONE = new FleetStats(Kind.FULL, Map.of(), 0, 0, Duration.ZERO);

    /** Stats of calls that were not named (an archived snapshot's, a fake's). */
    public FleetStats(Kind kind, Map<String, Integer> callsByOperation, int retries, int throttles,
            Duration elapsed) {
        this(kind, callsByOperation, retries, throttles, elapsed, "");
    }

    public FleetStats {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(caller, "caller");
        if (!caller.isEmpty() && !caller.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+/[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
            throw new IllegalArgumentException("a caller is one name/version token of a user agent: '" + caller
                    + "'");
        }
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
