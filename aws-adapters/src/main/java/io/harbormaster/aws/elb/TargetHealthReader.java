package io.harbormaster.aws.elb;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.TargetHealth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * Target health of target groups, for one load or refresh. When ELB cannot be read at all (denied, or an endpoint
 * that does not serve it) the first failure is kept and the remaining target groups are skipped rather than each
 * failing the same way; a single target group that has gone is only that group's problem.
 */
public final class TargetHealthReader {

    private final ElasticLoadBalancingV2Client elb;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> override;
    private final AtomicReference<Problem> unavailable = new AtomicReference<>();

    public TargetHealthReader(ElasticLoadBalancingV2Client elb,
            Consumer<AwsRequestOverrideConfiguration.Builder> override) {
        this.elb = elb;
        this.override = override;
    }

    /** The group's targets; empty when ELB turned out unavailable (see {@link #unavailable()}). */
    public List<TargetHealth> targetHealth(String targetGroupArn) {
        if (unavailable.get() != null) {
            return List.of();
        }
        try {
            return elb.describeTargetHealth(r -> r.targetGroupArn(targetGroupArn).overrideConfiguration(override))
                    .targetHealthDescriptions().stream()
                    .map(d -> new TargetHealth(targetGroupArn, d.target() == null ? "" : d.target().id(),
                            d.target() == null || d.target().port() == null ? 0 : d.target().port(),
                            d.targetHealth() == null ? "" : d.targetHealth().stateAsString(),
                            d.targetHealth() == null ? "" : d.targetHealth().reasonAsString(),
                            d.targetHealth() == null ? "" : d.targetHealth().description()))
                    .toList();
        } catch (SdkException e) {
            if (isTargetGroupGone(e)) {
                throw e;
            }
            Problem why = AwsErrors.problem(e, "reading target health from ELB");
            unavailable.compareAndSet(null, new Problem(why.kind(), "Target health not available", why.message(),
                    "Services and tasks are complete; only the target groups' health is missing. " + why.nextStep(),
                    why.details()));
            return List.of();
        }
    }

    /** Why ELB could not be read, if it could not; target health is then missing from the snapshot. */
    public Optional<Problem> unavailable() {
        return Optional.ofNullable(unavailable.get());
    }

    private static boolean isTargetGroupGone(SdkException e) {
        return e instanceof AwsServiceException s && s.awsErrorDetails() != null
                && "TargetGroupNotFound".equals(s.awsErrorDetails().errorCode());
    }
}
