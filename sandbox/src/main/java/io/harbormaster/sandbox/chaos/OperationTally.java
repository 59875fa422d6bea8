package io.harbormaster.sandbox.chaos;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests each operation received, keyed {@code service.Operation} by the SigV4 signing name
 * ({@code ecs.DescribeServices}, {@code monitoring.GetMetricData}): every request that reached the wire, answered,
 * faulted or not. What a client sends is counted here, on the other side of the wire, retries included.
 */
final class OperationTally {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(RequestTarget target) {
        counts.computeIfAbsent(key(target), k -> new LongAdder()).increment();
    }

    static String key(RequestTarget target) {
        return target.service() + "." + target.operation();
    }

    /** A copy, sorted by key. */
    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((op, n) -> copy.put(op, n.sum()));
        return copy;
    }
}
