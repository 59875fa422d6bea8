package io.harbormaster.sandbox.cloudwatch;

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

    final String account;
    final String region;
    final MetricStore store = new MetricStore();
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
