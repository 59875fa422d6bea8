package io.harbormaster.sandbox.autoscaling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.JsonService;
import io.harbormaster.sandbox.core.MetricAlarms;
import io.harbormaster.sandbox.core.SandboxModule;
import io.harbormaster.sandbox.ecs.Cluster;
import io.harbormaster.sandbox.ecs.Ecs;
import io.harbormaster.sandbox.ecs.EcsRegion;
import io.harbormaster.sandbox.ecs.Service;
import java.time.Instant;
import java.util.List;

/**
 * Application Auto Scaling for ECS services. The fleet starts with two services scaled as the seeds scaled theirs,
 * in every environment that runs them: cdn-origin and image-resizer, each between half and one and a half times
 * its count, tracking 40 % average CPU (so they grow through the US business day and shrink at night and at
 * weekends); image-resizer also has a step policy, kept and described, for an alarm to call.
 */
public final class AppAutoScalingModule implements SandboxModule {

    static final List<String> SCALED = List.of("cdn-origin", "image-resizer");
    static final double TARGET_CPU = 40;

    @Override
    public void install(Installation in) {
        AppAutoScaling state = new AppAutoScaling(in.world(), in.world().component(Ecs.class),
                in.world().optionalComponent(MetricAlarms.class));
        in.world().register(AppAutoScaling.class, state);
        in.world().locked(() -> seed(state, in.world().now()));
        in.http().register(new AppAutoScalingHandler(state, in.edge()));
    }

    private static void seed(AppAutoScaling state, Instant at) {
        for (EcsRegion er : state.ecs.regions()) {
            for (Cluster c : er.clusters()) {
                for (Service s : c.services()) {
                    if (SCALED.contains(s.name()) && s.desiredCount() > 1) {
                        scale(state, er, s, at);
                    }
                }
            }
        }
    }

    private static void scale(AppAutoScaling state, EcsRegion er, Service s, Instant at) {
        AppAutoScaling.Region r = state.region(er.account(), er.region());
        String resourceId = "service/" + s.cluster().name() + "/" + s.name();
        int desired = s.desiredCount();
        r.targets.put(resourceId, new ScalableTarget("arn:aws:application-autoscaling:" + er.region() + ":"
                + er.account() + ":scalable-target/0e" + state.id(34), resourceId, s, at, "arn:aws:iam::"
                + er.account() + ":role/aws-service-role/ecs.application-autoscaling.amazonaws.com/"
                + "AWSServiceRoleForApplicationAutoScaling_ECSService", (desired + 1) / 2, desired * 3 / 2));
        ObjectNode tracking = JsonService.object().put("TargetValue", TARGET_CPU);
        tracking.putObject("PredefinedMetricSpecification").put("PredefinedMetricType",
                "ECSServiceAverageCPUUtilization");
        tracking.put("ScaleOutCooldown", 300).put("ScaleInCooldown", 300).put("DisableScaleIn", false);
        String name = "cpu40-target-tracking";
        state.put(r, new ScalingPolicy(state.policyArn(r, resourceId, name), name, resourceId,
                ScalingPolicy.TARGET_TRACKING, tracking, state.newTrackingAlarms(r, resourceId), at));
        if (s.name().equals("image-resizer")) {
            ObjectNode step = JsonService.object().put("AdjustmentType", "ChangeInCapacity").put("Cooldown", 120)
                    .put("MetricAggregationType", "Average");
            step.putArray("StepAdjustments").addObject().put("MetricIntervalLowerBound", 0)
                    .put("ScalingAdjustment", 2);
            String stepName = "queue-backlog-step";
            state.put(r, new ScalingPolicy(state.policyArn(r, resourceId, stepName), stepName, resourceId,
                    ScalingPolicy.STEP, step, List.of(), at));
        }
    }
}
