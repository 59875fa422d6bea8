package io.harbormaster.model.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One service deployment as DescribeServiceDeployments reports it.
 *
 * @param strategy    from the deployment's configuration; ROLLING when ECS does not say
 * @param target      the revision being rolled out, with its requested traffic weights
 * @param sources     the revisions being replaced
 * @param rollback    null unless ECS rolled it back
 * @param circuitBreaker  failures against threshold
 * @param alarms      the alarms watched and those that fired
 * @param hooks       lifecycle hooks as they run (PAUSE hooks awaiting the operator among them)
 */
public record ServiceDeploymentDetail(String arn, String serviceArn, String clusterArn, DeploymentStatus status,
                                      String statusReason, LifecycleStage lifecycleStage, DeployStrategy strategy,
                                      Instant createdAt, Instant startedAt, Instant finishedAt, Instant stoppedAt,
                                      Instant updatedAt, RevisionSummary target, List<RevisionSummary> sources,
                                      RollbackInfo rollback, RollbackMonitor circuitBreaker, RollbackMonitor alarms,
                                      List<HookDetail> hooks) {

    public ServiceDeploymentDetail {
        Objects.requireNonNull(arn, "arn");
        serviceArn = serviceArn == null ? "" : serviceArn;
        clusterArn = clusterArn == null ? "" : clusterArn;
        Objects.requireNonNull(status, "status");
        statusReason = statusReason == null ? "" : statusReason;
        lifecycleStage = lifecycleStage == null ? LifecycleStage.UNKNOWN : lifecycleStage;
        strategy = strategy == null ? DeployStrategy.ROLLING : strategy;
        sources = List.copyOf(sources);
        circuitBreaker = circuitBreaker == null ? RollbackMonitor.DISABLED : circuitBreaker;
        alarms = alarms == null ? RollbackMonitor.DISABLED : alarms;
        hooks = List.copyOf(hooks);
    }

    /** The PAUSE hook waiting for the operator, if one is. */
    public Optional<HookDetail> awaitingHook() {
        return hooks.stream().filter(HookDetail::awaitingOperator).findFirst();
    }

    public Optional<RollbackInfo> rollbackInfo() {
        return Optional.ofNullable(rollback);
    }

    public ServiceDeploymentBrief brief() {
        return new ServiceDeploymentBrief(arn, serviceArn, status, statusReason, target == null ? "" : target.arn(),
                createdAt, startedAt, finishedAt);
    }
}
