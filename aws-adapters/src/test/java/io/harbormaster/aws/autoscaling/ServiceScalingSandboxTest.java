package io.harbormaster.aws.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.aws.SandboxAccess;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.cost.scaling.ServiceScaling;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;

/**
 * The `applicationautoscaling` 2.40.2 client on the 2.59.1 core, over the real wire against the sandbox's
 * Application Auto Scaling: the adapter reads stage's scaled services with their policies; the raw client sees
 * AWS's shapes (the target's ARN, paging) and errors.
 */
class ServiceScalingSandboxTest {

    private static SandboxAccess access;
    private static AwsSessions sessions;
    private static EnvironmentSession stage;

    @BeforeAll
    static void enter(@TempDir Path dir) {
        access = SandboxAccess.start(dir);
        sessions = access.sessionsFor("alice");
        stage = sessions.enter(EnvironmentBuilder.sandbox("stage").build(), MfaPrompt.NONE);
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void theAdapterReadsEachScaledServiceWithItsRangeAndPolicies() {
        Map<String, ServiceScaling> scaling = new ApplicationAutoScalingReads(sessions, access.clients()).read(stage);

        assertThat(scaling).containsKeys("service/cdn/cdn-origin", "service/cdn/image-resizer");
        ServiceScaling resizer = scaling.get("service/cdn/image-resizer");
        assertThat(resizer.clusterName()).isEqualTo("cdn");
        assertThat(resizer.min()).isPositive().isLessThanOrEqualTo(resizer.max());
        assertThat(resizer.suspended()).isEmpty();
        assertThat(resizer.policies()).extracting(ServiceScaling.Policy::type)
                .containsExactly("TargetTrackingScaling", "StepScaling");
        assertThat(resizer.cpuTracking()).get().satisfies(p -> {
            assertThat(p.targetValue()).isEqualTo(40.0);
            assertThat(p.summary()).isEqualTo("keeps ECSServiceAverageCPUUtilization at 40; cooldown out 300 s,"
                    + " in 300 s");
            // The two alarms target tracking created, with their states read from CloudWatch.
            assertThat(p.alarms()).extracting(ServiceScaling.PolicyAlarm::name).satisfiesExactly(
                    high -> assertThat(high).startsWith("TargetTracking-service/cdn/image-resizer-AlarmHigh-"),
                    low -> assertThat(low).startsWith("TargetTracking-service/cdn/image-resizer-AlarmLow-"));
            assertThat(p.alarms()).extracting(ServiceScaling.PolicyAlarm::state)
                    .allSatisfy(state -> assertThat(state).isIn("OK", "ALARM", "INSUFFICIENT_DATA"));
        });
        assertThat(resizer.policies().get(1).summary())
                .isEqualTo("ChangeInCapacity by +2 when alarm breach in [0, +∞); cooldown 120 s");
        assertThat(resizer.policies().get(1).alarms()).as("no alarm names the fleet's step policy").isEmpty();
        assertThat(ServiceScaling.resourceIdOf("arn:aws:ecs:us-east-1:333333333333:service/cdn/image-resizer"))
                .isEqualTo("service/cdn/image-resizer");
    }

    @Test
    void theClientSeesAwsShapesPagesAndErrors() {
        ApplicationAutoScalingClient client = access.clients().applicationAutoScaling(sessions.context(stage));

        var first = client.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.ECS).maxResults(1));
        assertThat(first.scalableTargets()).singleElement().extracting(ScalableTarget::scalableTargetARN)
                .asString().startsWith("arn:aws:application-autoscaling:us-east-1:333333333333:scalable-target/");
        assertThat(first.nextToken()).isNotBlank();
        assertThat(client.describeScalableTargetsPaginator(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .maxResults(1)).scalableTargets()).hasSize(2);
        assertThatThrownBy(() -> client.putScalingPolicy(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId("service/api/api-docs").scalableDimension("ecs:service:DesiredCount").policyName("x")
                .policyType("TargetTrackingScaling").targetTrackingScalingPolicyConfiguration(c -> c.targetValue(50.0))))
                .isInstanceOf(ObjectNotFoundException.class);
    }
}
