package io.harbormaster.sandbox.autoscaling;

import io.harbormaster.sandbox.core.Telemetry;
import io.harbormaster.sandbox.core.WholeMinutes;
import io.harbormaster.sandbox.core.World;
import io.harbormaster.sandbox.ecs.Ecs;
import io.harbormaster.sandbox.ecs.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Application Auto Scaling's state per account and Region (scalable targets, policies, activities), and target
 * tracking as AWS runs it for an ECS service: every whole minute on the sandbox clock, for each target-tracking
 * policy on the service's average CPU or memory utilization, the two alarms AWS creates are evaluated — high: the
 * last 3 one-minute averages all above the target; low: the last 15 all below 90 % of it — and the desired count
 * is set to ⌈count × metric ÷ target⌉ (the average of the breaching minutes), within [min, max], outside the
 * policy's cooldowns and unless suspended or scale-in is disabled. Every change is an activity; a scale-out held at
 * the maximum is a not-scaled activity (AlreadyAtMaxCapacity). Runs under the world lock.
 */
public final class AppAutoScaling {

    static final String NAMESPACE = "ecs";
    static final String DIMENSION = "ecs:service:DesiredCount";
    private static final int HIGH_POINTS = 3;
    private static final int LOW_POINTS = 15;
    private static final double LOW_FRACTION = 0.9;
    /** AWS keeps activities for six weeks. */
    private static final Duration KEPT = Duration.ofDays(42);

    final World world;
    final Ecs ecs;
    private final Map<String, Region> regions = new TreeMap<>();
    private final WholeMinutes evaluations;

    AppAutoScaling(World world, Ecs ecs) {
        this.world = world;
        this.ecs = ecs;
        this.evaluations = new WholeMinutes(world, this::tick);
    }

    /** One account's targets, policies and activities in a Region. */
    static final class Region {
        final String account;
        final String region;
        final Map<String, ScalableTarget> targets = new LinkedHashMap<>();
        final Map<String, ScalingPolicy> policies = new LinkedHashMap<>();
        /** Newest first. */
        final Deque<ScalingActivity> activities = new ArrayDeque<>();

        Region(String account, String region) {
            this.account = account;
            this.region = region;
        }

        List<ScalingPolicy> policiesOf(String resourceId) {
            return policies.values().stream().filter(p -> p.resourceId().equals(resourceId)).toList();
        }
    }

    Region region(String account, String region) {
        return regions.computeIfAbsent(account + "/" + region, k -> new Region(account, region));
    }

    String id(int hexDigits) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hexDigits; i++) {
            b.append(Character.forDigit(world.random().nextInt(16), 16));
        }
        return b.toString();
    }

    String uuid() {
        String h = id(32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    /** Evaluates target tracking at the next whole minute and every minute after, while any policy exists. */
    void scheduleEvaluations() {
        evaluations.schedule();
    }

    private boolean tick() {
        Instant at = world.now();
        Telemetry telemetry = world.optionalComponent(Telemetry.class);
        boolean any = false;
        for (Region r : regions.values()) {
            for (ScalingPolicy p : List.copyOf(r.policies.values())) {
                any = true;
                ScalableTarget t = r.targets.get(p.resourceId());
                if (t != null && telemetry != null && ScalingPolicy.TARGET_TRACKING.equals(p.type())) {
                    track(r, t, p, telemetry, at);
                }
            }
            Instant oldest = at.minus(KEPT);
            while (!r.activities.isEmpty() && r.activities.peekLast().start().isBefore(oldest)) {
                r.activities.removeLast();
            }
        }
        return any;
    }

    private void track(Region r, ScalableTarget t, ScalingPolicy p, Telemetry telemetry, Instant at) {
        String metricName = switch (p.predefinedMetric()) {
            case "ECSServiceAverageCPUUtilization" -> "CPUUtilization";
            case "ECSServiceAverageMemoryUtilization" -> "MemoryUtilization";
            default -> null;
        };
        if (metricName == null) {
            return;
        }
        Service s = t.service;
        Telemetry.MetricKey key = Telemetry.MetricKey.of("AWS/ECS", metricName,
                Map.of("ClusterName", s.cluster().name(), "ServiceName", s.name()));
        double target = p.targetValue();
        int current = s.desiredCount();
        double[] last = lastMinutes(telemetry, r, key, at, LOW_POINTS);
        double high = averageIfAll(last, HIGH_POINTS, v -> v > target);
        if (!Double.isNaN(high)) {
            scaleOut(r, t, p, current, high, target, at);
            return;
        }
        double low = averageIfAll(last, LOW_POINTS, v -> v < LOW_FRACTION * target);
        if (!Double.isNaN(low) && !p.scaleInDisabled() && !t.scaleInSuspended
                && !within(t.lastScaleIn, p.scaleInCooldown(), at) && !within(t.lastScaleOut, p.scaleOutCooldown(), at)) {
            int wanted = Math.max(t.min, (int) Math.ceil(current * low / target));
            if (wanted < current) {
                change(r, t, p, current, wanted, "AlarmLow", at);
                t.lastScaleIn = at;
            }
        }
    }

    private void scaleOut(Region r, ScalableTarget t, ScalingPolicy p, int current, double metric, double target,
            Instant at) {
        if (t.scaleOutSuspended || within(t.lastScaleOut, p.scaleOutCooldown(), at)) {
            return;
        }
        int wanted = Math.min(t.max, (int) Math.ceil(current * metric / target));
        if (wanted > current) {
            change(r, t, p, current, wanted, "AlarmHigh", at);
            t.lastScaleOut = at;
        } else if (current >= t.max && !within(t.lastAtMax, p.scaleOutCooldown(), at)) {
            t.lastAtMax = at;
            r.activities.addFirst(new ScalingActivity(uuid(), t.resourceId, "Setting desired count to "
                    + (int) Math.ceil(current * metric / target) + ".", cause(t, p, "AlarmHigh"), at, at,
                    "Successful", "Failed to set desired count: the scalable target is at its maximum capacity, "
                    + t.max + ".", "AlreadyAtMaxCapacity", current, t.min, t.max));
        }
    }

    private void change(Region r, ScalableTarget t, ScalingPolicy p, int from, int to, String alarm, Instant at) {
        boolean done = ecs.scaleService(t.service, to);
        r.activities.addFirst(new ScalingActivity(uuid(), t.resourceId, "Setting desired count to " + to + ".",
                cause(t, p, alarm), at, done ? at.plusSeconds(1) : at, done ? "Successful" : "Failed",
                done ? "Successfully set desired count to " + to + ". Change successfully fulfilled by ecs."
                        : "Failed to set desired count to " + to + ": the service is not ACTIVE.", null, from, t.min,
                t.max));
    }

    private static String cause(ScalableTarget t, ScalingPolicy p, String alarm) {
        String name = p.alarms().stream().map(a -> a[0]).filter(n -> n.contains("-" + alarm + "-")).findFirst()
                .orElse("TargetTracking-" + t.resourceId + "-" + alarm);
        return String.format(Locale.ROOT, "monitor alarm %s in state ALARM triggered policy %s", name, p.name());
    }

    private static boolean within(Instant since, int seconds, Instant at) {
        return since != null && at.isBefore(since.plusSeconds(seconds));
    }

    /** The service's one-minute averages of the last {@code n} whole minutes, oldest first; NaN where none. */
    private static double[] lastMinutes(Telemetry telemetry, Region r, Telemetry.MetricKey key, Instant at, int n) {
        Instant end = Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), 60) * 60);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            OptionalDouble v = telemetry.sample(r.account, r.region, key, end.minusSeconds(60L * (n - i)),
                    Duration.ofMinutes(1), "Average");
            out[i] = v.isPresent() ? v.getAsDouble() : Double.NaN;
        }
        return out;
    }

    /** The average of the last {@code points} values when every one of them passes; NaN otherwise. */
    private static double averageIfAll(double[] values, int points, java.util.function.DoublePredicate test) {
        double sum = 0;
        for (int i = values.length - points; i < values.length; i++) {
            if (Double.isNaN(values[i]) || !test.test(values[i])) {
                return Double.NaN;
            }
            sum += values[i];
        }
        return sum / points;
    }

    List<Region> regions() {
        return new ArrayList<>(regions.values());
    }
}
