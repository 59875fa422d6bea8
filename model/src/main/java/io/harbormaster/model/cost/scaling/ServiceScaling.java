package io.harbormaster.model.cost.scaling;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What Application Auto Scaling does with one ECS service, read-only: its scalable target, its policies and its
 * recent activities (newest first).
 *
 * @param resourceId  "service/cluster/service", as Application Auto Scaling names it
 * @param min         the scalable target's minimum desired count
 * @param max         its maximum
 * @param suspended   what is suspended ("scale-in", "scale-out", "scheduled"), empty when nothing is
 */
public record ServiceScaling(String resourceId, int min, int max, List<String> suspended, List<Policy> policies,
        List<Activity> activities) {

    public ServiceScaling {
        Objects.requireNonNull(resourceId, "resourceId");
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("a scalable target needs 0 ≤ min ≤ max, got " + min + ".." + max);
        }
        suspended = List.copyOf(suspended);
        policies = List.copyOf(policies);
        activities = List.copyOf(activities);
    }

    /** "service/api/web" for a service ARN "arn:aws:ecs:…:service/api/web"; null when the ARN is not of that form. */
    public static String resourceIdOf(String serviceArn) {
        int at = serviceArn.indexOf(":service/");
        if (at < 0) {
            return null;
        }
        String tail = serviceArn.substring(at + 1);
        return tail.chars().filter(c -> c == '/').count() == 2 ? tail : null;
    }

    /** The cluster's name in the resource id. */
    public String clusterName() {
        return resourceId.split("/")[1];
    }

    public String serviceName() {
        return resourceId.split("/")[2];
    }

    /** Whether a desired count is at the target's maximum: scaling out can add nothing more. */
    public boolean atMaximum(int desiredCount) {
        return desiredCount >= max;
    }

    /** The target tracking policy on average CPU, if the service has one (the scaling what-if uses its target). */
    public java.util.Optional<Policy> cpuTracking() {
        return policies.stream().filter(p -> Policy.TARGET_TRACKING.equals(p.type())
                && "ECSServiceAverageCPUUtilization".equals(p.metric())).findFirst();
    }

    /**
     * One scaling policy.
     *
     * @param type        TargetTrackingScaling, StepScaling or PredictiveScaling
     * @param metric      the tracked metric (predefined type, or "namespace/name" of a customized one); "" for step
     * @param targetValue the tracked value; NaN for a step policy
     * @param summary     what the policy does, as the page says it (a step policy's adjustments, one by one)
     * @param alarms      the CloudWatch alarms that invoke it: the two target tracking creates, or those an operator
     *                    named it in; empty when none does
     */
    public record Policy(String name, String type, String metric, double targetValue, String summary,
            List<PolicyAlarm> alarms) {

        public static final String TARGET_TRACKING = "TargetTrackingScaling";
        public static final String STEP = "StepScaling";

        public Policy {
            alarms = List.copyOf(alarms);
        }

        /** A policy whose alarms are not known. */
        public Policy(String name, String type, String metric, double targetValue, String summary) {
            this(name, type, metric, targetValue, summary, List.of());
        }
    }

    /**
     * A CloudWatch alarm that invokes a policy, and its state.
     *
     * @param state OK, ALARM or INSUFFICIENT_DATA; "" when it could not be read
     */
    public record PolicyAlarm(String name, String state) {

        public static final String ALARM = "ALARM";

        public PolicyAlarm {
            Objects.requireNonNull(name, "name");
            state = state == null ? "" : state;
        }

        /** Whether the alarm is in ALARM: it invokes the policy every minute. */
        public boolean firing() {
            return ALARM.equals(state);
        }
    }

    /**
     * One scaling activity.
     *
     * @param notScaledReason null when the activity changed the count; else AWS's reason (AlreadyAtMaxCapacity…)
     */
    public record Activity(Instant start, String description, String cause, String status, String message,
            String notScaledReason) {
    }
}
