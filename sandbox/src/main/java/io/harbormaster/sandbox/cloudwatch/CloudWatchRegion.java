package io.harbormaster.sandbox.cloudwatch;

import io.harbormaster.sandbox.core.Telemetry.MetricKey;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.TreeMap;

/** CloudWatch in one account and region: published metrics, alarms and their history. */
final class CloudWatchRegion {

    static final int MAX_HISTORY = 5000;

    /** One alarm history item as DescribeAlarmHistory returns it. */
    record HistoryItem(String alarmName, Instant timestamp, String type, String summary, String data) {
    }

    /** A datapoint of a fleet metric an alarm evaluated, once its period has settled ({@link Metrics#alarmValue}). */
    record Settled(MetricKey key, String unit, java.time.Instant start, java.time.Duration period, Stat stat) {
    }

    /**
     * Settled datapoints alarms evaluated, the least recently used dropped past a bound: an alarm looks back its
     * evaluation periods only (the teams' 295 alarms in all, about 600 datapoints in prod), and older ones are never
     * asked again. 20,000 grew the soak's heap by 10 MiB before it filled.
     */
    private static final int SETTLED_KEPT = 4_000;

    final String account;
    final String region;
    final MetricStore store = new MetricStore();
    final java.util.Map<Settled, java.util.OptionalDouble> settled = new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Settled, java.util.OptionalDouble> eldest) {
            return size() > SETTLED_KEPT;
        }
    };
    /** Datapoints not settled yet, computed in the evaluation round at {@link #freshAt}. */
    final java.util.Map<Settled, java.util.OptionalDouble> fresh = new java.util.HashMap<>();
    Instant freshAt;
    final TreeMap<String, Alarm> alarms = new TreeMap<>();
    /** Newest first, bounded. */
    final Deque<HistoryItem> history = new ArrayDeque<>();

    CloudWatchRegion(String account, String region) {
        this.account = account;
        this.region = region;
    }

    String alarmArn(String name) {
        return "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + name;
    }

    void record(HistoryItem item) {
        history.addFirst(item);
        while (history.size() > MAX_HISTORY) {
            history.removeLast();
        }
    }
}
