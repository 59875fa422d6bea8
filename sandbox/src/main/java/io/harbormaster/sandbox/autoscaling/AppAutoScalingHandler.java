package io.harbormaster.sandbox.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.AwsException;
import io.harbormaster.sandbox.core.Call;
import io.harbormaster.sandbox.core.Edge;
import io.harbormaster.sandbox.core.JsonParams;
import io.harbormaster.sandbox.core.JsonService;
import io.harbormaster.sandbox.core.Throttler;
import io.harbormaster.sandbox.ecs.Cluster;
import io.harbormaster.sandbox.ecs.Service;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Application Auto Scaling over AWS JSON 1.1 ({@code X-Amz-Target: AnyScaleFrontendService.<Op>}) for the ECS
 * namespace: DescribeScalableTargets, DescribeScalingPolicies, DescribeScalingActivities (MaxResults 1–50, default
 * 50, NextToken), RegisterScalableTarget, DeregisterScalableTarget, PutScalingPolicy and DeleteScalingPolicy, with
 * AWS's validation messages and errors (ValidationException, ObjectNotFoundException, InvalidNextTokenException).
 * Timestamps are epoch seconds, as the JSON protocol sends them. Other namespaces are valid but hold nothing here.
 */
final class AppAutoScalingHandler extends JsonService {

    private static final Set<String> NAMESPACES = Set.of("ecs", "elasticmapreduce", "ec2", "appstream", "dynamodb",
            "rds", "sagemaker", "custom-resource", "comprehend", "lambda", "cassandra", "kafka", "elasticache",
            "neptune", "workspaces");
    private static final Set<String> ECS_METRICS = Set.of("ECSServiceAverageCPUUtilization",
            "ECSServiceAverageMemoryUtilization", "ALBRequestCountPerTarget");
    private final AppAutoScaling state;

    AppAutoScalingHandler(AppAutoScaling state, Edge edge) {
        super(state.world, edge, "AnyScaleFrontendService", "application/x-amz-json-1.1", "application-autoscaling");
        this.state = state;
        op("DescribeScalableTargets", "Describe", this::describeTargets);
        op("DescribeScalingPolicies", "Describe", this::describePolicies);
        op("DescribeScalingActivities", "Describe", this::describeActivities);
        op("RegisterScalableTarget", "Write", this::register);
        op("DeregisterScalableTarget", "Write", this::deregister);
        op("PutScalingPolicy", "Write", this::putPolicy);
        op("DeleteScalingPolicy", "Write", this::deletePolicy);
    }

    @Override
    public String name() {
        return "application-autoscaling";
    }

    @Override
    protected Throttler.Rate rate(String family) {
        return new Throttler.Rate(40, 20);
    }

    private static AwsException invalid(String message) {
        return new AwsException("ValidationException", message);
    }

    private AppAutoScaling.Region region(Call call) {
        return state.region(call.account(), call.region());
    }

    /** The namespace, checked; true when it is ECS's (the only one with resources here). */
    private static boolean ecs(JsonParams p) {
        String ns = p.requiredString("ServiceNamespace");
        if (!NAMESPACES.contains(ns)) {
            throw invalid("1 validation error detected: Value '" + ns + "' at 'serviceNamespace' failed to satisfy"
                    + " constraint: Member must satisfy enum value set: " + new java.util.TreeSet<>(NAMESPACES));
        }
        return AppAutoScaling.NAMESPACE.equals(ns);
    }

    private static void checkDimension(String dimension) {
        if (dimension != null && !AppAutoScaling.DIMENSION.equals(dimension)) {
            throw invalid("Unsupported scalable dimension '" + dimension + "' for service namespace ecs; ECS services"
                    + " scale on ecs:service:DesiredCount");
        }
    }

    private ObjectNode describeTargets(Call call, JsonParams p) {
        boolean ecs = ecs(p);
        checkDimension(p.string("ScalableDimension"));
        List<String> ids = p.strings("ResourceIds");
        List<ScalableTarget> matching = new ArrayList<>();
        if (ecs) {
            for (ScalableTarget t : region(call).targets.values()) {
                if (ids == null || ids.isEmpty() || ids.contains(t.resourceId)) {
                    matching.add(t);
                }
            }
        }
        return page(p, "ScalableTargets", matching, this::targetJson);
    }

    private ObjectNode describePolicies(Call call, JsonParams p) {
        boolean ecs = ecs(p);
        checkDimension(p.string("ScalableDimension"));
        String resourceId = p.string("ResourceId");
        List<String> names = p.strings("PolicyNames");
        List<ScalingPolicy> matching = new ArrayList<>();
        if (ecs) {
            for (ScalingPolicy policy : region(call).policies.values()) {
                if ((resourceId == null || resourceId.equals(policy.resourceId()))
                        && (names == null || names.isEmpty() || names.contains(policy.name()))) {
                    matching.add(policy);
                }
            }
        }
        AppAutoScaling.Region r = region(call);
        return page(p, "ScalingPolicies", matching, policy -> policyJson(r, policy));
    }

    private ObjectNode describeActivities(Call call, JsonParams p) {
        boolean ecs = ecs(p);
        checkDimension(p.string("ScalableDimension"));
        String resourceId = p.string("ResourceId");
        boolean notScaled = Boolean.TRUE.equals(p.bool("IncludeNotScaledActivities"));
        List<ScalingActivity> matching = new ArrayList<>();
        if (ecs) {
            for (ScalingActivity a : region(call).activities) {
                if ((resourceId == null || resourceId.equals(a.resourceId()))
                        && (notScaled || a.notScaledReason() == null)) {
                    matching.add(a);
                }
            }
        }
        return page(p, "ScalingActivities", matching, this::activityJson);
    }

    private <T> ObjectNode page(JsonParams p, String member, List<T> all, Function<T, ObjectNode> json) {
        Integer maxResults = p.integer("MaxResults");
        int max = maxResults == null ? 50 : maxResults;
        if (max < 1 || max > 50) {
            throw invalid("1 validation error detected: Value '" + max + "' at 'maxResults' failed to satisfy"
                    + " constraint: Member must have value less than or equal to 50");
        }
        int start = 0;
        String token = p.string("NextToken");
        if (token != null) {
            try {
                start = Integer.parseInt(token.replace("aas-", ""));
            } catch (NumberFormatException e) {
                throw new AwsException("InvalidNextTokenException", "Invalid token");
            }
            if (start < 0 || start > all.size()) {
                throw new AwsException("InvalidNextTokenException", "Invalid token");
            }
        }
        ObjectNode out = object();
        ArrayNode items = out.putArray(member);
        int end = Math.min(all.size(), start + max);
        for (int i = start; i < end; i++) {
            items.add(json.apply(all.get(i)));
        }
        if (end < all.size()) {
            out.put("NextToken", "aas-" + end);
        }
        return out;
    }

    private ObjectNode register(Call call, JsonParams p) {
        if (!ecs(p)) {
            throw invalid("This sandbox scales ECS services only");
        }
        String resourceId = p.requiredString("ResourceId");
        String dimension = p.requiredString("ScalableDimension");
        checkDimension(dimension);
        Integer min = p.integer("MinCapacity");
        Integer max = p.integer("MaxCapacity");
        AppAutoScaling.Region r = region(call);
        ScalableTarget existing = r.targets.get(resourceId);
        if (existing == null && (min == null || max == null)) {
            throw invalid("MinCapacity and MaxCapacity are required for registering a new scalable target");
        }
        int newMin = min != null ? min : existing.min;
        int newMax = max != null ? max : existing.max;
        if (newMin < 0 || newMax < 0) {
            throw invalid("Capacity must be a non-negative number");
        }
        if (newMin > newMax) {
            throw invalid("Minimum capacity cannot be greater than maximum capacity");
        }
        ScalableTarget t = existing;
        if (t == null) {
            Service service = service(call, resourceId);
            t = new ScalableTarget("arn:aws:application-autoscaling:" + call.region() + ":" + call.account()
                    + ":scalable-target/0e" + state.id(34), resourceId, service, call.world().now(),
                    p.string("RoleARN") != null ? p.string("RoleARN") : "arn:aws:iam::" + call.account()
                            + ":role/aws-service-role/ecs.application-autoscaling.amazonaws.com/"
                            + "AWSServiceRoleForApplicationAutoScaling_ECSService", newMin, newMax);
            r.targets.put(resourceId, t);
        }
        t.min = newMin;
        t.max = newMax;
        JsonParams suspended = p.object("SuspendedState");
        if (suspended != null) {
            t.scaleInSuspended = flag(suspended, "DynamicScalingInSuspended", t.scaleInSuspended);
            t.scaleOutSuspended = flag(suspended, "DynamicScalingOutSuspended", t.scaleOutSuspended);
            t.scheduledSuspended = flag(suspended, "ScheduledScalingSuspended", t.scheduledSuspended);
        }
        // AWS brings a count outside the new range back within it at once
        int desired = t.service.desiredCount();
        if (desired < t.min || desired > t.max) {
            state.ecs.scaleService(t.service, Math.max(t.min, Math.min(t.max, desired)));
        }
        return object().put("ScalableTargetARN", t.arn);
    }

    private static boolean flag(JsonParams p, String name, boolean was) {
        Boolean v = p.bool(name);
        return v == null ? was : v;
    }

    /** The ECS service a resource id names ("service/cluster/service"), or AWS's ValidationException. */
    private Service service(Call call, String resourceId) {
        String[] parts = resourceId.split("/");
        if (parts.length != 3 || !"service".equals(parts[0])) {
            throw invalid("Unsupported service namespace, resource type or scalable dimension");
        }
        Cluster cluster = state.ecs.region(call.account(), call.region()).cluster(parts[1]);
        Service s = cluster == null ? null : cluster.service(parts[2]);
        if (s == null) {
            throw invalid("ECS service doesn't exist: " + resourceId);
        }
        return s;
    }

    private ObjectNode deregister(Call call, JsonParams p) {
        ecs(p);
        String resourceId = p.requiredString("ResourceId");
        checkDimension(p.requiredString("ScalableDimension"));
        AppAutoScaling.Region r = region(call);
        if (r.targets.remove(resourceId) == null) {
            throw notFound(resourceId);
        }
        for (ScalingPolicy policy : List.copyOf(r.policies.values())) {
            if (policy.resourceId().equals(resourceId)) {
                state.remove(r, resourceId, policy.name());
            }
        }
        return object();
    }

    private static AwsException notFound(String resourceId) {
        return new AwsException("ObjectNotFoundException", "No scalable target registered for service namespace:"
                + " ecs, resource ID: " + resourceId + ", scalable dimension: ecs:service:DesiredCount");
    }

    private ObjectNode putPolicy(Call call, JsonParams p) {
        String name = p.requiredString("PolicyName");
        if (!ecs(p)) {
            throw invalid("This sandbox scales ECS services only");
        }
        String resourceId = p.requiredString("ResourceId");
        checkDimension(p.requiredString("ScalableDimension"));
        String type = p.string("PolicyType") == null ? ScalingPolicy.STEP : p.string("PolicyType");
        AppAutoScaling.Region r = region(call);
        ScalableTarget target = r.targets.get(resourceId);
        if (target == null) {
            throw notFound(resourceId);
        }
        ScalingPolicy existing = r.policies.get(resourceId + "\n" + name);
        ObjectNode configuration;
        List<String[]> alarms = List.of();
        if (ScalingPolicy.TARGET_TRACKING.equals(type)) {
            configuration = trackingConfiguration(p);
            // An update keeps the alarms it owns, as AWS updates them in place.
            alarms = existing != null && existing.tracking() ? existing.alarms()
                    : state.newTrackingAlarms(r, resourceId);
        } else if (ScalingPolicy.STEP.equals(type)) {
            configuration = stepConfiguration(p, existing);
        } else {
            throw invalid("Unsupported policy type " + type + " for service namespace ecs");
        }
        String arn = existing != null ? existing.arn() : state.policyArn(r, resourceId, name);
        Instant created = existing != null ? existing.createdAt() : call.world().now();
        ScalingPolicy policy = new ScalingPolicy(arn, name, resourceId, type, configuration, alarms, created);
        state.put(r, policy);
        ObjectNode out = object().put("PolicyARN", arn);
        ArrayNode a = out.putArray("Alarms");
        alarms.forEach(x -> a.addObject().put("AlarmName", x[0]).put("AlarmARN", x[1]));
        return out;
    }

    private static ObjectNode trackingConfiguration(JsonParams p) {
        JsonNode c = p.node().get("TargetTrackingScalingPolicyConfiguration");
        if (c == null || !c.isObject() || !c.has("TargetValue")) {
            throw invalid("TargetTrackingScalingPolicyConfiguration with a TargetValue is required for a"
                    + " TargetTrackingScaling policy");
        }
        ObjectNode configuration = ((ObjectNode) c).deepCopy();
        String metric = configuration.path("PredefinedMetricSpecification").path("PredefinedMetricType").asText("");
        if (!metric.isEmpty() && !ECS_METRICS.contains(metric)) {
            throw invalid("Unsupported metric type " + metric + " for service namespace ecs");
        }
        if (metric.isEmpty() && !configuration.has("CustomizedMetricSpecification")) {
            throw invalid("Either PredefinedMetricSpecification or CustomizedMetricSpecification is required");
        }
        return configuration;
    }

    /**
     * A step configuration, checked as AWS checks it: an adjustment type and at least one step for a new policy
     * (an update may leave them out and keep the old ones), valid enums, each interval's lower bound below its upper,
     * and intervals that neither overlap nor leave a gap, with at most one open at each end.
     */
    private static ObjectNode stepConfiguration(JsonParams p, ScalingPolicy existing) {
        JsonNode c = p.node().get("StepScalingPolicyConfiguration");
        if (c == null || !c.isObject()) {
            throw invalid("StepScalingPolicyConfiguration is required for a StepScaling policy");
        }
        ObjectNode configuration = ((ObjectNode) c).deepCopy();
        boolean keep = existing != null && !existing.tracking();
        for (String field : List.of("AdjustmentType", "StepAdjustments", "Cooldown", "MetricAggregationType",
                "MinAdjustmentMagnitude")) {
            if (!configuration.has(field) && keep && existing.configuration().has(field)) {
                configuration.set(field, existing.configuration().get(field).deepCopy());
            }
        }
        String type = configuration.path("AdjustmentType").asText("");
        if (type.isEmpty()) {
            throw invalid("AdjustmentType is required for a new step scaling policy configuration");
        }
        if (!Set.of(StepScaling.CHANGE, StepScaling.PERCENT, StepScaling.EXACT).contains(type)) {
            throw invalid("1 validation error detected: Value '" + type + "' at"
                    + " 'stepScalingPolicyConfiguration.adjustmentType' failed to satisfy constraint: Member must"
                    + " satisfy enum value set: [PercentChangeInCapacity, ExactCapacity, ChangeInCapacity]");
        }
        String aggregation = configuration.path("MetricAggregationType").asText("Average");
        if (!Set.of("Average", "Minimum", "Maximum").contains(aggregation)) {
            throw invalid("1 validation error detected: Value '" + aggregation + "' at"
                    + " 'stepScalingPolicyConfiguration.metricAggregationType' failed to satisfy constraint: Member"
                    + " must satisfy enum value set: [Maximum, Minimum, Average]");
        }
        if (configuration.has("MinAdjustmentMagnitude") && !StepScaling.PERCENT.equals(type)) {
            throw invalid("MinAdjustmentMagnitude is only supported with the PercentChangeInCapacity adjustment type");
        }
        JsonNode steps = configuration.path("StepAdjustments");
        if (!steps.isArray() || steps.isEmpty()) {
            throw invalid("At least one step adjustment is required for a new step scaling policy configuration");
        }
        checkIntervals(steps);
        return configuration;
    }

    private static void checkIntervals(JsonNode steps) {
        List<double[]> intervals = new ArrayList<>();
        for (JsonNode s : steps) {
            if (!s.has("ScalingAdjustment")) {
                throw invalid("ScalingAdjustment is required for each step adjustment");
            }
            double lower = s.hasNonNull("MetricIntervalLowerBound") ? s.get("MetricIntervalLowerBound").asDouble()
                    : Double.NEGATIVE_INFINITY;
            double upper = s.hasNonNull("MetricIntervalUpperBound") ? s.get("MetricIntervalUpperBound").asDouble()
                    : Double.POSITIVE_INFINITY;
            if (!(lower < upper)) {
                throw invalid("The upper bound of a step adjustment must be greater than its lower bound");
            }
            intervals.add(new double[] {lower, upper});
        }
        intervals.sort((x, y) -> Double.compare(x[0], y[0]));
        for (int i = 1; i < intervals.size(); i++) {
            if (intervals.get(i)[0] < intervals.get(i - 1)[1]) {
                throw invalid("Step adjustment intervals cannot overlap");
            }
            if (intervals.get(i)[0] > intervals.get(i - 1)[1]) {
                throw invalid("Step adjustment intervals cannot have gaps between them");
            }
        }
    }

    private ObjectNode deletePolicy(Call call, JsonParams p) {
        String name = p.requiredString("PolicyName");
        ecs(p);
        String resourceId = p.requiredString("ResourceId");
        checkDimension(p.requiredString("ScalableDimension"));
        if (state.remove(region(call), resourceId, name) == null) {
            throw new AwsException("ObjectNotFoundException", "No scaling policy found for service namespace: ecs,"
                    + " resource ID: " + resourceId + ", scalable dimension: ecs:service:DesiredCount, policy name: "
                    + name);
        }
        return object();
    }

    private ObjectNode targetJson(ScalableTarget t) {
        ObjectNode j = object().put("ServiceNamespace", "ecs").put("ResourceId", t.resourceId)
                .put("ScalableDimension", AppAutoScaling.DIMENSION).put("MinCapacity", t.min)
                .put("MaxCapacity", t.max).put("RoleARN", t.roleArn).put("CreationTime", seconds(t.createdAt))
                .put("ScalableTargetARN", t.arn);
        j.putObject("SuspendedState").put("DynamicScalingInSuspended", t.scaleInSuspended)
                .put("DynamicScalingOutSuspended", t.scaleOutSuspended)
                .put("ScheduledScalingSuspended", t.scheduledSuspended);
        return j;
    }

    private ObjectNode policyJson(AppAutoScaling.Region r, ScalingPolicy p) {
        ObjectNode j = object().put("PolicyARN", p.arn()).put("PolicyName", p.name()).put("ServiceNamespace", "ecs")
                .put("ResourceId", p.resourceId()).put("ScalableDimension", AppAutoScaling.DIMENSION)
                .put("PolicyType", p.type());
        j.set(ScalingPolicy.TARGET_TRACKING.equals(p.type()) ? "TargetTrackingScalingPolicyConfiguration"
                : "StepScalingPolicyConfiguration", p.configuration());
        ArrayNode alarms = j.putArray("Alarms");
        state.alarmsOf(r, p).forEach(a -> alarms.addObject().put("AlarmName", a.name()).put("AlarmARN", a.arn()));
        j.put("CreationTime", seconds(p.createdAt()));
        return j;
    }

    private ObjectNode activityJson(ScalingActivity a) {
        ObjectNode j = object().put("ActivityId", a.id()).put("ServiceNamespace", "ecs")
                .put("ResourceId", a.resourceId()).put("ScalableDimension", AppAutoScaling.DIMENSION)
                .put("Description", a.description()).put("Cause", a.cause()).put("StartTime", seconds(a.start()));
        if (a.end() != null) {
            j.put("EndTime", seconds(a.end()));
        }
        j.put("StatusCode", a.status()).put("StatusMessage", a.statusMessage());
        if (a.notScaledReason() != null) {
            j.putArray("NotScaledReasons").addObject().put("Code", a.notScaledReason())
                    .put("MaxCapacity", a.max()).put("MinCapacity", a.min()).put("CurrentCapacity", a.current());
        }
        return j;
    }

    private static double seconds(Instant at) {
        return at.getEpochSecond() + at.getNano() / 1e9;
    }
}
