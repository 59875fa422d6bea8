package io.harbormaster.app.bench;

import io.harbormaster.aws.ecs.EcsFleet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every API call the fleet adapter makes, as its call log tells them ({@link EcsFleet#CALL_LOG}), grouped by the
 * throttling bucket AWS counts it against: when calls ended, how many attempts were throttled, and how long calls
 * waited before their attempts (backoff, and any client-side rate limiting).
 */
final class CallTimeline extends Handler {

    /** AWS's ECS throttling categories (and ELBv2's describe bucket) by operation. */
    private static final Map<String, String> BUCKET = new LinkedHashMap<>();

    static {
        BUCKET.put("ListServices", "Service read");
        BUCKET.put("DescribeServices", "Service read");
        BUCKET.put("ListTasks", "Cluster resource read");
        BUCKET.put("DescribeTasks", "Cluster resource read");
        BUCKET.put("ListContainerInstances", "Cluster resource read");
        BUCKET.put("DescribeContainerInstances", "Cluster resource read");
        BUCKET.put("DescribeTaskDefinition", "Task definition read");
        BUCKET.put("ListClusters", "Cluster read");
        BUCKET.put("DescribeClusters", "Cluster read");
        BUCKET.put("DescribeTargetHealth", "ELBv2 describe");
    }

    record Call(String operation, long endedAt, long took, int attempts, int throttled, long waited) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(EcsFleet.CALL_LOG);

    static CallTimeline attach() {
        CallTimeline timeline = new CallTimeline();
        timeline.setLevel(Level.FINE);
        timeline.logger.setLevel(Level.FINE);
        timeline.logger.addHandler(timeline);
        return timeline;
    }

    @Override
    public void publish(LogRecord record) {
        Object[] p = record.getParameters();
        if (p != null && p.length == 6) {
            calls.add(new Call((String) p[0], (Long) p[1], (Long) p[2], (Integer) p[3], (Integer) p[4], (Long) p[5]));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }

    /**
     * One line per call that ended between {@code from} and {@code to} (nanoTime), in the order they ended: when it
     * was sent and when it ended (seconds since {@code from}), its operation, and its throttled attempts.
     */
    List<String> each(long from, long to) {
        List<String> lines = new ArrayList<>();
        calls.stream().filter(c -> c.endedAt() >= from && c.endedAt() <= to)
                .sorted(java.util.Comparator.comparingLong(Call::endedAt))
                .forEach(c -> lines.add(String.format("  %6.3f → %6.3f s  %s%s", (c.endedAt() - c.took() - from) / 1e9,
                        (c.endedAt() - from) / 1e9, c.operation(), c.throttled() == 0 ? ""
                                : " (" + c.throttled() + " throttled)")));
        return lines;
    }

    /**
     * Lines per bucket for the calls that ended between {@code from} and {@code to} (nanoTime): calls, throttled
     * attempts, waiting, and calls ended per second since {@code from}.
     */
    List<String> summary(long from, long to) {
        Map<String, List<Call>> byBucket = new LinkedHashMap<>();
        for (Call c : calls) {
            if (c.endedAt() >= from && c.endedAt() <= to) {
                byBucket.computeIfAbsent(BUCKET.getOrDefault(c.operation(), "other"), k -> new ArrayList<>()).add(c);
            }
        }
        List<String> lines = new ArrayList<>();
        byBucket.forEach((bucket, list) -> {
            int seconds = (int) ((to - from) / 1_000_000_000L) + 1;
            int[] perSecond = new int[seconds];
            int throttled = 0;
            long waited = 0;
            long last = from;
            for (Call c : list) {
                perSecond[(int) Math.min(seconds - 1, (c.endedAt() - from) / 1_000_000_000L)]++;
                throttled += c.throttled();
                waited += c.waited();
                last = Math.max(last, c.endedAt());
            }
            StringBuilder bins = new StringBuilder();
            for (int i = 0; i <= (last - from) / 1_000_000_000L && i < seconds; i++) {
                bins.append(i == 0 ? "" : " ").append(perSecond[i]);
            }
            lines.add(String.format("%s: %,d calls, %,d throttled attempts, %.1f s waited before attempts in all, "
                    + "last ended at %.2f s; calls ended per second: %s", bucket, list.size(), throttled,
                    waited / 1e9, (last - from) / 1e9, bins));
        });
        return lines;
    }
}
