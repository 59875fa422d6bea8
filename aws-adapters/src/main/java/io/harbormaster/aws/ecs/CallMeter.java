package io.harbormaster.aws.ecs;

import io.harbormaster.model.fleet.FleetStats;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.ApiName;
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

    /**
     * One DEBUG record per call (FINE on java.util.logging), for timelines (the fleet benchmark reads them): its
     * parameters are the operation,
     * {@link System#nanoTime()} when the call ended, the call's whole duration, attempts, throttled attempts and
     * the time spent waiting before attempts (backoff, and the retry strategy's own rate limiter), in nanoseconds.
     */
    static final System.Logger CALLS = System.getLogger(EcsFleet.CALL_LOG);

    /** What the metered calls say they are for, in their User-Agent; null for calls that say nothing. */
    private final ApiName caller;
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder throttles = new LongAdder();

    CallMeter() {
        this(null);
    }

    /** @param caller what the metered calls say they are for (see {@link FleetStats#caller()}) */
    CallMeter(ApiName caller) {
        this.caller = caller;
    }

    /** The name the metered calls carry, to add to each call's User-Agent. */
    ApiName apiName() {
        return Objects.requireNonNull(caller, "an unnamed meter's calls carry no name");
    }

    /** The calls' name as their User-Agent carries it ({@code name/version}), or "" if they carry none. */
    String caller() {
        return caller == null ? "" : caller.name() + "/" + caller.version();
    }

    /**
     * A meter for the same work run again: its stats count every call (and retry) this one metered as a retry,
     * and its throttles.
     */
    CallMeter again() {
        CallMeter next = new CallMeter(caller);
        next.retries.add(total.sum() + retries.sum());
        next.throttles.add(throttles.sum());
        return next;
    }

    @Override
    public void publish(MetricCollection call) {
        String operation = call.metricValues(CoreMetric.OPERATION_NAME).stream().findFirst().orElse("Unknown");
        calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
        total.increment();
        call.metricValues(CoreMetric.RETRY_COUNT).forEach(retries::add);
        int[] attempts = new int[2];
        long[] waited = new long[1];
        call.childrenWithName("ApiCallAttempt").forEach(attempt -> {
            attempts[0]++;
            if (attempt.metricValues(CoreMetric.ERROR_TYPE).contains(THROTTLING)) {
                throttles.increment();
                attempts[1]++;
            }
            attempt.metricValues(CoreMetric.BACKOFF_DELAY_DURATION).forEach(d -> waited[0] += d.toNanos());
        });
        if (CALLS.isLoggable(System.Logger.Level.DEBUG)) {
            long took = call.metricValues(CoreMetric.API_CALL_DURATION).stream().findFirst()
                    .map(java.time.Duration::toNanos).orElse(0L);
            // DEBUG is FINE on java.util.logging, the parameters kept as the record's (the benchmark reads them).
            CALLS.log(System.Logger.Level.DEBUG, "{0} ended at {1} after {2} ns: {3} attempts, {4} throttled, "
                    + "{5} ns waiting", operation, System.nanoTime(), took, attempts[0], attempts[1], waited[0]);
        }
    }

    int totalCalls() {
        return total.intValue();
    }

    FleetStats stats(FleetStats.Kind kind, Duration elapsed) {
        Map<String, Integer> byOperation = new HashMap<>();
        calls.forEach((op, n) -> byOperation.put(op, n.intValue()));
        return new FleetStats(kind, byOperation, retries.intValue(), throttles.intValue(), elapsed,
                caller());
    }

    @Override
    public void close() {
        // nothing held
    }
}
