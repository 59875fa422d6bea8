package io.harbormaster.sandbox.ecs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A service deployment as ECS's service-deployment API reports it: from the source revisions to the target one,
 * its status and lifecycle stage, the traffic it asked for, what watched it (circuit breaker, alarms, lifecycle
 * hooks) and, when it was rolled back, why. Kept after it finishes so ListServiceDeployments shows the history.
 */
final class ServiceDeployment {

    static final String PENDING = "PENDING";
    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String SUCCESSFUL = "SUCCESSFUL";
    static final String STOPPED = "STOPPED";
    static final String STOP_REQUESTED = "STOP_REQUESTED";
    static final String ROLLBACK_REQUESTED = "ROLLBACK_REQUESTED";
    static final String ROLLBACK_IN_PROGRESS = "ROLLBACK_IN_PROGRESS";
    static final String ROLLBACK_SUCCESSFUL = "ROLLBACK_SUCCESSFUL";
    static final String ROLLBACK_FAILED = "ROLLBACK_FAILED";
    static final Set<String> FINISHED = Set.of(SUCCESSFUL, STOPPED, ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED);

    /** One run of a lifecycle hook at one stage, as lifecycleHookDetails lists it. */
    static final class HookRun {
        final String hookId;
        final DeploymentSettings.Hook hook;
        final String stage;
        String status;
        Instant expiresAt;

        HookRun(String hookId, DeploymentSettings.Hook hook, String stage, String status, Instant expiresAt) {
            this.hookId = hookId;
            this.hook = hook;
            this.stage = stage;
            this.status = status;
            this.expiresAt = expiresAt;
        }
    }

    final String id;
    final Service service;
    final Instant createdAt;
    final List<ServiceRevision> sources;
    final ServiceRevision target;
    /** The rollout the target revision runs as (DescribeServices' deployments). */
    final Deployment deployment;
    /** The rollouts of the source revisions when the deployment began. */
    final List<Deployment> sourceDeployments;
    final DeploymentSettings settings;
    final int minimumHealthyPercent;
    final int maximumPercent;
    final boolean circuitBreaker;
    final boolean breakerRollback;
    Instant startedAt;
    Instant finishedAt;
    Instant stoppedAt;
    Instant updatedAt;
    String status = PENDING;
    String statusReason;
    String lifecycleStage;
    /** Percent of production (and test) traffic the target revision was asked to take. */
    double productionWeight;
    double testWeight;
    String rollbackReason;
    Instant rollbackStartedAt;
    ServiceRevision rollbackTo;
    String breakerStatus;
    String alarmStatus;
    final List<String> triggeredAlarms = new ArrayList<>();
    final List<HookRun> hookRuns = new ArrayList<>();
    /** A rolling deployment watched by alarms succeeds only after this (its bake time), or null before steady state. */
    Instant bakeUntil;
    /** What runs once the hooks of the current stage have all succeeded. */
    Runnable continuation;
    /** Bumped on every stage change so events scheduled for an earlier stage find they are stale. */
    int step;

    ServiceDeployment(String id, Service service, Instant createdAt, List<ServiceRevision> sources,
                      ServiceRevision target, Deployment deployment, List<Deployment> sourceDeployments) {
        this.id = id;
        this.service = service;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.sources = List.copyOf(sources);
        this.target = target;
        this.deployment = deployment;
        this.sourceDeployments = List.copyOf(sourceDeployments);
        this.settings = service.settings;
        this.minimumHealthyPercent = service.minimumHealthyPercent;
        this.maximumPercent = service.maximumPercent;
        this.circuitBreaker = service.circuitBreaker;
        this.breakerRollback = service.rollback;
        this.breakerStatus = circuitBreaker ? "MONITORING" : "DISABLED";
        this.alarmStatus = settings.alarms() != null && settings.alarms().enable() ? "MONITORING" : "DISABLED";
    }

    String arn() {
        return service.cluster.region.arn("service-deployment/" + service.cluster.name + "/" + service.name + "/" + id);
    }

    boolean finished() {
        return FINISHED.contains(status);
    }

    boolean rollingBack() {
        return ROLLBACK_REQUESTED.equals(status) || ROLLBACK_IN_PROGRESS.equals(status);
    }

    /** Still IN_PROGRESS at the stage step an event was scheduled for (otherwise the event is stale). */
    boolean isAt(int atStep) {
        return step == atStep && IN_PROGRESS.equals(status);
    }

    void monitorsComplete() {
        if ("MONITORING".equals(breakerStatus)) {
            breakerStatus = "MONITORING_COMPLETE";
        }
        if ("MONITORING".equals(alarmStatus)) {
            alarmStatus = "MONITORING_COMPLETE";
        }
    }

    boolean watchesAlarms() {
        return settings.alarms() != null && settings.alarms().enable() && !settings.alarms().alarmNames().isEmpty();
    }

    int threshold() {
        return settings.failureThreshold(service.desiredCount);
    }
}
