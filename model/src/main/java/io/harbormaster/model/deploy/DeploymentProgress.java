package io.harbormaster.model.deploy;

import io.harbormaster.model.fleet.ServiceEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One look at a deployment being followed: ECS's deployment (status, stage, revisions with traffic weights, circuit
 * breaker, alarms, hooks), the service's counts and events, target health per target group, and, once it failed,
 * the evidence (stopped tasks' reasons, the alarms that fired).
 *
 * @param failedTasks tasks ECS stopped during the deployment, newest first (evidence of a failure)
 * @param alarms      the deployment's alarms now
 * @param service     counts and events; null when the service could not be read this time
 * @param reached     the last stage ECS named while the deployment still moved forward, this look or an earlier
 *                    one ({@link LifecycleStage#UNKNOWN} when none was seen): how far a rolled-back one got
 */
public record DeploymentProgress(Instant observedAt, ServiceDeploymentDetail deployment, ServiceState service,
                                 List<TargetGroupHealth> targetHealth, List<StoppedTask> failedTasks,
                                 List<AlarmReading> alarms, LifecycleStage reached) {

    public DeploymentProgress {
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(deployment, "deployment");
        reached = StageMarks.forward(deployment) ? deployment.lifecycleStage()
                : reached == null ? LifecycleStage.UNKNOWN : reached;
        targetHealth = List.copyOf(targetHealth);
        failedTasks = List.copyOf(failedTasks);
        alarms = List.copyOf(alarms);
    }

    /** Each of {@code shown} stages marked passed, current, turned back at, or not reached. */
    public List<StageMarks.Marked> stages(List<LifecycleStage> shown) {
        return StageMarks.of(shown, deployment, reached);
    }

    public boolean terminal() {
        return deployment.status().terminal();
    }

    public List<ServiceEvent> events() {
        return service == null ? List.of() : service.events();
    }

    /**
     * Why it failed, in words, with the evidence: ECS's reason, the alarms that fired (with CloudWatch's reason,
     * which carries the values), the circuit breaker's count, the stopped tasks' reasons. Empty when it did not fail.
     */
    public List<String> failureEvidence() {
        DeploymentStatus status = deployment.status();
        if (!status.rollingBack() && status != DeploymentStatus.STOPPED) {
            return List.of();
        }
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        if (!deployment.statusReason().isBlank()) {
            lines.add(deployment.statusReason());
        }
        deployment.rollbackInfo().filter(r -> !r.reason().isBlank() && !r.reason().equals(deployment.statusReason()))
                .ifPresent(r -> lines.add("Rollback: " + r.reason()));
        for (String name : deployment.alarms().triggeredAlarms()) {
            String reason = alarms.stream().filter(a -> a.name().equals(name)).map(AlarmReading::alarmReason)
                    .filter(r -> !r.isBlank()).findFirst().orElse("");
            lines.add("Alarm " + name + " went to ALARM" + (reason.isEmpty() ? "" : ": " + reason));
        }
        RollbackMonitor breaker = deployment.circuitBreaker();
        if (breaker.triggered()) {
            lines.add("Circuit breaker: " + breaker.failureCount() + " failed tasks (threshold "
                    + breaker.threshold() + ")");
        }
        failedTasks.stream().limit(5).forEach(t -> lines.add("Task " + io.harbormaster.model.fleet.Arns.name(
                t.taskArn()) + " stopped: " + t.stoppedReason()
                + (t.containerReasons().isEmpty() ? "" : " — " + String.join("; ", t.containerReasons()))));
        return List.copyOf(lines);
    }
}
