package io.harbormaster.aws.autoscaling;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.cost.scaling.ReadServiceScaling;
import io.harbormaster.model.cost.scaling.ServiceScaling;
import io.harbormaster.model.environment.EnvironmentSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.Alarm;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.StepScalingPolicyConfiguration;
import software.amazon.awssdk.services.applicationautoscaling.model.SuspendedState;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * Service Auto Scaling read through Application Auto Scaling (namespace ecs): DescribeScalableTargets,
 * DescribeScalingPolicies and DescribeScalingActivities (not-scaled ones included, so "held at its maximum"
 * shows), each followed through its pages with the SDK's paginators; three paged calls for the whole account and
 * Region, not three per service, and CloudWatch's DescribeAlarms for the states of the alarms the policies name.
 * Activities are kept to the newest {@link #ACTIVITIES_PER_SERVICE} per service.
 */
public final class ApplicationAutoScalingReads implements ReadServiceScaling {

    private static final System.Logger LOG = System.getLogger(ApplicationAutoScalingReads.class.getName());
    /** DescribeAlarms takes at most 100 alarm names. */
    private static final int ALARM_NAMES_PER_CALL = 100;

    private final AwsSessions sessions;
    private final AwsClientFactory clients;

    public ApplicationAutoScalingReads(AwsSessions sessions, AwsClientFactory clients) {
        this.sessions = sessions;
        this.clients = clients;
    }

    @Override
    public Map<String, ServiceScaling> read(EnvironmentSession session) {
        ApplicationAutoScalingClient aas = clients.applicationAutoScaling(sessions.context(session));
        try {
            Map<String, ScalableTarget> targets = new LinkedHashMap<>();
            aas.describeScalableTargetsPaginator(r -> r.serviceNamespace(ServiceNamespace.ECS)).scalableTargets()
                    .forEach(t -> targets.put(t.resourceId(), t));
            if (targets.isEmpty()) {
                return Map.of();
            }
            List<ScalingPolicy> described = new ArrayList<>();
            aas.describeScalingPoliciesPaginator(r -> r.serviceNamespace(ServiceNamespace.ECS)).scalingPolicies()
                    .forEach(described::add);
            Map<String, String> states = alarmStates(session, described);
            Map<String, List<ServiceScaling.Policy>> policies = new HashMap<>();
            described.forEach(p -> policies.computeIfAbsent(p.resourceId(), k -> new ArrayList<>())
                    .add(policy(p, states)));
            Map<String, List<ServiceScaling.Activity>> activities = new HashMap<>();
            aas.describeScalingActivitiesPaginator(r -> r.serviceNamespace(ServiceNamespace.ECS)
                    .includeNotScaledActivities(true)).scalingActivities().forEach(a -> {
                        List<ServiceScaling.Activity> of = activities.computeIfAbsent(a.resourceId(),
                                k -> new ArrayList<>());
                        if (of.size() < ACTIVITIES_PER_SERVICE) {
                            of.add(activity(a));
                        }
                    });
            Map<String, ServiceScaling> out = new LinkedHashMap<>();
            targets.forEach((id, t) -> out.put(id, new ServiceScaling(id, t.minCapacity(), t.maxCapacity(),
                    suspended(t.suspendedState()), policies.getOrDefault(id, List.of()),
                    activities.getOrDefault(id, List.of()))));
            return out;
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading Service Auto Scaling in " + session.region());
        }
    }

    private static List<String> suspended(SuspendedState s) {
        List<String> out = new ArrayList<>();
        if (s != null) {
            if (Boolean.TRUE.equals(s.dynamicScalingInSuspended())) {
                out.add("scale-in");
            }
            if (Boolean.TRUE.equals(s.dynamicScalingOutSuspended())) {
                out.add("scale-out");
            }
            if (Boolean.TRUE.equals(s.scheduledScalingSuspended())) {
                out.add("scheduled");
            }
        }
        return out;
    }

    /**
     * The state of every alarm the policies name, by name, read with DescribeAlarms (≤ 100 names a call). The
     * alarms are what the page adds to the policies: a failure to read them leaves their states unknown ("") rather
     * than the scaling unread, and is logged.
     */
    private Map<String, String> alarmStates(EnvironmentSession session, List<ScalingPolicy> policies) {
        List<String> names = policies.stream().flatMap(p -> p.alarms().stream()).map(Alarm::alarmName).distinct()
                .toList();
        Map<String, String> out = new HashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        try {
            CloudWatchClient cw = clients.cloudWatch(sessions.context(session));
            for (int from = 0; from < names.size(); from += ALARM_NAMES_PER_CALL) {
                List<String> batch = names.subList(from, Math.min(names.size(), from + ALARM_NAMES_PER_CALL));
                cw.describeAlarmsPaginator(r -> r.alarmNames(batch)).metricAlarms()
                        .forEach(a -> out.put(a.alarmName(), a.stateValueAsString()));
            }
        } catch (SdkException e) {
            LOG.log(System.Logger.Level.WARNING, "the scaling policies' alarm states in " + session.region()
                    + " could not be read; the Scaling tab shows them without", e);
        }
        return out;
    }

    static ServiceScaling.Policy policy(ScalingPolicy p, Map<String, String> states) {
        List<ServiceScaling.PolicyAlarm> alarms = p.alarms().stream()
                .map(a -> new ServiceScaling.PolicyAlarm(a.alarmName(), states.get(a.alarmName()))).toList();
        TargetTrackingScalingPolicyConfiguration tt = p.targetTrackingScalingPolicyConfiguration();
        if (tt != null) {
            String metric = tt.predefinedMetricSpecification() != null
                    ? tt.predefinedMetricSpecification().predefinedMetricTypeAsString()
                    : tt.customizedMetricSpecification() != null
                            ? tt.customizedMetricSpecification().namespace() + "/"
                                    + tt.customizedMetricSpecification().metricName() : "";
            String summary = String.format(Locale.ROOT, "keeps %s at %s; cooldown out %s s, in %s s%s", metric,
                    trim(tt.targetValue()), orDefault(tt.scaleOutCooldown()), orDefault(tt.scaleInCooldown()),
                    Boolean.TRUE.equals(tt.disableScaleIn()) ? "; scale-in disabled" : "");
            return new ServiceScaling.Policy(p.policyName(), p.policyTypeAsString(), metric, tt.targetValue(),
                    summary, alarms);
        }
        StepScalingPolicyConfiguration step = p.stepScalingPolicyConfiguration();
        String summary = step == null ? p.policyTypeAsString() : String.format(Locale.ROOT, "%s by %s%s%s%s",
                step.adjustmentTypeAsString(), String.join(", ", step.stepAdjustments().stream().map(a -> String
                        .format(Locale.ROOT, "%+d when %s", a.scalingAdjustment(), interval(a
                                .metricIntervalLowerBound(), a.metricIntervalUpperBound()))).toList()),
                step.metricAggregationType() == null || "Average".equals(step.metricAggregationTypeAsString()) ? ""
                        : "; breach of the datapoints' " + step.metricAggregationTypeAsString(),
                step.minAdjustmentMagnitude() == null ? "" : "; at least " + step.minAdjustmentMagnitude() + " tasks",
                step.cooldown() == null ? "" : "; cooldown " + step.cooldown() + " s");
        return new ServiceScaling.Policy(p.policyName(), p.policyTypeAsString(), "", Double.NaN, summary, alarms);
    }

    private static String interval(Double lower, Double upper) {
        String lo = lower == null ? "−∞" : trim(lower);
        String hi = upper == null ? "+∞" : trim(upper);
        return "alarm breach in [" + lo + ", " + hi + ")";
    }

    private static String orDefault(Integer cooldown) {
        return cooldown == null ? "300" : cooldown.toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static ServiceScaling.Activity activity(ScalingActivity a) {
        String reason = a.notScaledReasons().isEmpty() ? null : a.notScaledReasons().get(0).code();
        return new ServiceScaling.Activity(a.startTime(), a.description(), a.cause(), a.statusCodeAsString(),
                a.statusMessage() == null ? "" : a.statusMessage(), reason);
    }
}
