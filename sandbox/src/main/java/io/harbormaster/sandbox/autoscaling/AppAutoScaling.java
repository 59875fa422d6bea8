package io.harbormaster.sandbox.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import io.harbormaster.sandbox.core.MetricAlarms;
import io.harbormaster.sandbox.core.World;
import io.harbormaster.sandbox.ecs.Ecs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Application Auto Scaling's state per account and Region (scalable targets, policies, activities), driven by
 * CloudWatch alarms as on AWS. A target tracking policy owns two alarms it creates in CloudWatch (high: the metric
 * above the target for 3 of 3 one-minute periods; low: below 90 % of it for 15 of 15) whose action is the policy; a
 * step policy acts through the alarms an operator names it in. CloudWatch invokes a policy every minute its alarm is
 * in ALARM ({@link #invoked}); the desired count then changes through ECS within [min, max], outside the cooldowns
 * and unless suspended. Every change is an activity; a breach held at a bound is a not-scaled activity. Runs under
 * the world lock.
 */
public final class AppAutoScaling {

    static final String NAMESPACE = "ecs";
    static final String DIMENSION = "ecs:service:DesiredCount";
    static final String POLICY_ARN_PREFIX = "arn:aws:autoscaling:";
    private static final int HIGH_POINTS = 3;
    private static final int LOW_POINTS = 15;
    private static final double LOW_FRACTION = 0.9;
    /** AWS keeps activities for six weeks. */
    private static final Duration KEPT = Duration.ofDays(42);

    final World world;
    final Ecs ecs;
    private final MetricAlarms alarms;
    private final Map<String, Region> regions = new TreeMap<>();

    AppAutoScaling(World world, Ecs ecs, MetricAlarms alarms) {
        this.world = world;
        this.ecs = ecs;
        this.alarms = alarms;
        if (alarms != null) {
            alarms.onActions(POLICY_ARN_PREFIX, this::invoked);
        }
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

        ScalingPolicy policy(String arn) {
            return policies.values().stream().filter(p -> p.arn().equals(arn)).findFirst().orElse(null);
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

    String policyArn(Region r, String resourceId, String name) {
        return POLICY_ARN_PREFIX + r.region + ":" + r.account + ":scalingPolicy:" + uuid() + ":resource/ecs/"
                + resourceId + ":policyName/" + name;
    }

    /** New names for a target tracking policy's two alarms, {name, ARN}, high first, as AWS names them. */
    List<String[]> newTrackingAlarms(Region r, String resourceId) {
        List<String[]> out = new ArrayList<>();
        for (String which : List.of("AlarmHigh", "AlarmLow")) {
            String name = "TargetTracking-" + resourceId + "-" + which + "-" + uuid();
            out.add(new String[] {name, "arn:aws:cloudwatch:" + r.region + ":" + r.account + ":alarm:" + name});
        }
        return out;
    }

    /**
     * Puts a policy (replacing the one of that name): a target tracking policy's alarms are created or updated in
     * CloudWatch, and alarms of a policy it replaces that it no longer owns are deleted.
     */
    void put(Region r, ScalingPolicy p) {
        ScalingPolicy before = r.policies.put(p.resourceId() + "\n" + p.name(), p);
        if (before != null && before.tracking() && !p.tracking()) {
            deleteAlarms(r, before);
        }
        if (p.tracking() && alarms != null) {
            MetricSpec m = MetricSpec.of(p, r.targets.get(p.resourceId()));
            if (m != null) {
                String description = "DO NOT EDIT OR DELETE. For TargetTrackingScaling policy " + p.arn() + ".";
                alarms.put(r.account, r.region, new MetricAlarms.Definition(p.alarms().get(0)[0], description,
                        m.namespace, m.name, m.dimensions, m.statistic, 60, HIGH_POINTS, p.targetValue(),
                        "GreaterThanThreshold", List.of(p.arn())));
                alarms.put(r.account, r.region, new MetricAlarms.Definition(p.alarms().get(1)[0], description,
                        m.namespace, m.name, m.dimensions, m.statistic, 60, LOW_POINTS, LOW_FRACTION * p.targetValue(),
                        "LessThanThreshold", List.of(p.arn())));
            }
        }
    }

    /** Removes a policy and the alarms it owns; null when there was none of that name. */
    ScalingPolicy remove(Region r, String resourceId, String name) {
        ScalingPolicy p = r.policies.remove(resourceId + "\n" + name);
        if (p != null) {
            deleteAlarms(r, p);
        }
        return p;
    }

    private void deleteAlarms(Region r, ScalingPolicy p) {
        if (alarms != null && !p.alarms().isEmpty()) {
            alarms.delete(r.account, r.region, p.alarms().stream().map(a -> a[0]).toList());
        }
    }

    /** The policy's alarms as DescribeScalingPolicies lists them: its own, or (step) those that name it. */
    List<MetricAlarms.AlarmRef> alarmsOf(Region r, ScalingPolicy p) {
        if (p.tracking()) {
            return p.alarms().stream().map(a -> new MetricAlarms.AlarmRef(a[0], a[1], null)).toList();
        }
        return alarms == null ? List.of() : alarms.alarmsWithAction(r.account, r.region, p.arn());
    }

    /** CloudWatch runs an alarm action naming a policy: every minute the alarm is in ALARM. */
    void invoked(MetricAlarms.Invocation call) {
        if (!"ALARM".equals(call.state())) {
            return;
        }
        Region r = region(call.account(), call.region());
        ScalingPolicy p = r.policy(call.actionArn());
        ScalableTarget t = p == null ? null : r.targets.get(p.resourceId());
        if (t == null || call.datapoints().isEmpty()) {
            return;
        }
        if (p.tracking()) {
            track(r, t, p, call);
        } else {
            step(r, t, p, call);
        }
    }

    /** Target tracking: the count proportional to the metric, ⌈count × metric ÷ target⌉ (the evaluated average). */
    private void track(Region r, ScalableTarget t, ScalingPolicy p, MetricAlarms.Invocation call) {
        double metric = StepScaling.aggregate(call.datapoints(), "Average");
        int current = t.service.desiredCount();
        int proportional = (int) Math.ceil(current * metric / p.targetValue());
        Instant at = call.at();
        if (p.isHighAlarm(call.alarmName())) {
            if (t.scaleOutSuspended || within(t.lastScaleOut, p.scaleOutCooldown(), at)) {
                return;
            }
            scaleOut(r, t, p, call, current, proportional);
            return;
        }
        if (!p.scaleInDisabled() && !t.scaleInSuspended && !within(t.lastScaleIn, p.scaleInCooldown(), at)
                && !within(t.lastScaleOut, p.scaleOutCooldown(), at)) {
            int wanted = Math.max(t.min, proportional);
            if (wanted < current) {
                change(r, t, p, call, current, wanted);
                t.lastScaleIn = at;
            }
        }
    }

    private void scaleOut(Region r, ScalableTarget t, ScalingPolicy p, MetricAlarms.Invocation call, int current,
            int wanted) {
        if (Math.min(t.max, wanted) > current) {
            t.scaleOutBase = current;
            change(r, t, p, call, current, Math.min(t.max, wanted));
            t.lastScaleOut = call.at();
        } else if (current >= t.max && wanted > current) {
            notScaled(r, t, p, call, current, wanted);
        }
    }

    /**
     * Step scaling. Scale-out: after one, a further scale-out within the cooldown happens only if it asks for more
     * than the first did, counted from the capacity before it (AWS: "capacity added by the initiating scale-out
     * activity is calculated as part of the desired capacity for the next"). Scale-in waits out the cooldown.
     */
    private void step(Region r, ScalableTarget t, ScalingPolicy p, MetricAlarms.Invocation call) {
        double metric = StepScaling.aggregate(call.datapoints(), p.metricAggregationType());
        OptionalInt adjustment = StepScaling.adjustmentFor(p.stepAdjustments(), metric - call.threshold());
        if (adjustment.isEmpty()) {
            return;
        }
        int current = t.service.desiredCount();
        Instant at = call.at();
        int wanted = StepScaling.wanted(p.adjustmentType(), adjustment.getAsInt(), current, p.minAdjustmentMagnitude());
        if (wanted > current) {
            if (t.scaleOutSuspended) {
                return;
            }
            if (within(t.lastScaleOut, p.cooldown(), at)) {
                int fromBase = StepScaling.wanted(p.adjustmentType(), adjustment.getAsInt(), t.scaleOutBase,
                        p.minAdjustmentMagnitude());
                if (Math.min(t.max, fromBase) > current) {
                    change(r, t, p, call, current, Math.min(t.max, fromBase));
                }
                return;
            }
            scaleOut(r, t, p, call, current, wanted);
        } else if (wanted < current && !t.scaleInSuspended && !within(t.lastScaleIn, p.cooldown(), at)) {
            if (current <= t.min) {
                notScaled(r, t, p, call, current, wanted);
            } else {
                change(r, t, p, call, current, Math.max(t.min, wanted));
                t.lastScaleIn = at;
            }
        }
    }

    private void change(Region r, ScalableTarget t, ScalingPolicy p, MetricAlarms.Invocation call, int from, int to) {
        Instant at = call.at();
        boolean done = ecs.scaleService(t.service, to);
        record(r, new ScalingActivity(uuid(), t.resourceId, "Setting desired count to " + to + ".", cause(p, call),
                at, done ? at.plusSeconds(1) : at, done ? "Successful" : "Failed",
                done ? "Successfully set desired count to " + to + ". Change successfully fulfilled by ecs."
                        : "Failed to set desired count to " + to + ": the service is not ACTIVE.", null, from, t.min,
                t.max));
    }

    /** A breach held at the target's maximum or minimum: told once per cooldown, not every minute. */
    private void notScaled(Region r, ScalableTarget t, ScalingPolicy p, MetricAlarms.Invocation call, int current,
            int wanted) {
        boolean out = wanted > current;
        int cooldown = p.tracking() ? (out ? p.scaleOutCooldown() : p.scaleInCooldown()) : p.cooldown();
        Instant at = call.at();
        if (within(out ? t.lastAtMax : t.lastAtMin, cooldown, at)) {
            return;
        }
        if (out) {
            t.lastAtMax = at;
        } else {
            t.lastAtMin = at;
        }
        String bound = out ? "maximum capacity, " + t.max : "minimum capacity, " + t.min;
        record(r, new ScalingActivity(uuid(), t.resourceId, "Setting desired count to " + wanted + ".",
                cause(p, call), at, at, "Successful", "Failed to set desired count: the scalable target is at its "
                + bound + ".", out ? "AlreadyAtMaxCapacity" : "AlreadyAtMinCapacity", current, t.min, t.max));
    }

    private void record(Region r, ScalingActivity activity) {
        r.activities.addFirst(activity);
        Instant oldest = activity.start().minus(KEPT);
        while (r.activities.peekLast().start().isBefore(oldest)) {
            r.activities.removeLast();
        }
    }

    private static String cause(ScalingPolicy p, MetricAlarms.Invocation call) {
        return String.format(Locale.ROOT, "monitor alarm %s in state %s triggered policy %s", call.alarmName(),
                call.state(), p.name());
    }

    private static boolean within(Instant since, int seconds, Instant at) {
        return since != null && at.isBefore(since.plusSeconds(seconds));
    }

    List<Region> regions() {
        return new ArrayList<>(regions.values());
    }

    /** The CloudWatch metric a target tracking policy's alarms watch. */
    private record MetricSpec(String namespace, String name, Map<String, String> dimensions, String statistic) {

        /** Null for a metric the sandbox cannot name (a customized metric without a name, metric math). */
        static MetricSpec of(ScalingPolicy p, ScalableTarget t) {
            String predefined = p.predefinedMetric();
            if (!predefined.isEmpty()) {
                Map<String, String> service = Map.of("ClusterName", t.service.cluster().name(), "ServiceName",
                        t.service.name());
                return switch (predefined) {
                    case "ECSServiceAverageCPUUtilization" -> new MetricSpec("AWS/ECS", "CPUUtilization", service,
                            "Average");
                    case "ECSServiceAverageMemoryUtilization" -> new MetricSpec("AWS/ECS", "MemoryUtilization",
                            service, "Average");
                    default -> albRequests(p);
                };
            }
            JsonNode c = p.configuration().path("CustomizedMetricSpecification");
            if (!c.hasNonNull("MetricName") || !c.hasNonNull("Namespace")) {
                return null;
            }
            Map<String, String> dimensions = new TreeMap<>();
            c.path("Dimensions").forEach(d -> dimensions.put(d.path("Name").asText(), d.path("Value").asText()));
            return new MetricSpec(c.get("Namespace").asText(), c.get("MetricName").asText(), dimensions,
                    c.path("Statistic").asText("Average"));
        }

        /** ALBRequestCountPerTarget: the target group named by the ResourceLabel "app/…/…/targetgroup/…/…". */
        private static MetricSpec albRequests(ScalingPolicy p) {
            String label = p.configuration().path("PredefinedMetricSpecification").path("ResourceLabel").asText("");
            int at = label.indexOf("targetgroup/");
            return at < 0 ? null : new MetricSpec("AWS/ApplicationELB", "RequestCountPerTarget",
                    Map.of("TargetGroup", label.substring(at)), "Sum");
        }
    }
}
