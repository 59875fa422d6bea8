package io.harbormaster.aws.ecs;

import io.harbormaster.model.fleet.FleetStats;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Counts the API calls of one load or refresh, by operation, from the SDK's own per-call metrics: one published
 * collection is one call (a page, a batch), whatever retries it took; its attempts say which were throttled.
 * Attached to each request, so the shared client needs no interceptor and concurrent loads do not mix.
 */
final class CallMeter implements MetricPublisher {

    private static final String THROTTLING = "Throttling";

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder throttles = new LongAdder();

    @Override
    public void publish(MetricCollection call) {
        String operation = call.metricValues(CoreMetric.OPERATION_NAME).stream().findFirst().orElse("Unknown");
        calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
        total.increment();
        call.metricValues(CoreMetric.RETRY_COUNT).forEach(retries::add);
        call.childrenWithName("ApiCallAttempt").forEach(attempt -> {
            if (attempt.metricValues(CoreMetric.ERROR_TYPE).contains(THROTTLING)) {
                throttles.increment();
            }
        });
    }

    int totalCalls() {
        return total.intValue();
    }

    FleetStats stats(FleetStats.Kind kind, Duration elapsed) {
        Map<String, Integer> byOperation = new HashMap<>();
        calls.forEach((op, n) -> byOperation.put(op, n.intValue()));
        return new FleetStats(kind, byOperation, retries.intValue(), throttles.intValue(), elapsed);
    }

    @Override
    public void close() {
        // nothing held
    }
}
