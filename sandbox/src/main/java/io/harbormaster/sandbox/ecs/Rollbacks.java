package io.harbormaster.sandbox.ecs;

import io.harbormaster.sandbox.core.AlarmStates;
import io.harbormaster.sandbox.core.AwsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What ends a deployment early (Developer Guide, "deployment circuit breaker", "How CloudWatch alarms detect Amazon
 * ECS deployment failures", "Stopping Amazon ECS service deployments"): the circuit breaker, the alarms ECS polls,
 * StopServiceDeployment — and the rollback to the last revision that completed.
 */
final class Rollbacks {

    /** How often ECS looks at the deployment's alarms (it polls DescribeAlarms). */
    static final Duration ALARM_POLL = Duration.ofMinutes(1);

    private final Ecs ecs;
    private final TrafficShift shift;

    Rollbacks(Ecs ecs, TrafficShift shift) {
        this.ecs = ecs;
        this.shift = shift;
    }

    private Instant now() {
        return ecs.world.now();
    }

    private void event(Service s, String message) {
        ecs.scheduler.event(s, message);
    }

    /** The circuit breaker tripped on the deployment's rollout. */
    void circuitBreaker(ServiceDeployment sd) {
        sd.breakerStatus = "TRIGGERED";
        String reason = "Service deployment rolled back because the circuit breaker threshold was exceeded.";
        if (sd.breakerRollback) {
            rollback(sd, reason, "ECS deployment circuit breaker: tasks failed to start.", "tasks failed to start.");
        } else {
            fail(sd, "Service deployment failed because the circuit breaker threshold was exceeded.");
        }
    }

    void watchAlarms(ServiceDeployment sd) {
        DeploymentSettings.Alarms alarms = sd.settings.alarms();
        if (alarms == null || !alarms.enable() || alarms.alarmNames().isEmpty()) {
            return;
        }
        ecs.world.timeline().schedule(now().plus(ALARM_POLL), () -> {
            if (sd.finished() || sd.rollingBack() || !ServiceDeployment.IN_PROGRESS.equals(sd.status)) {
                return;
            }
            AlarmStates states = ecs.world.optionalComponent(AlarmStates.class);
            List<String> firing = new ArrayList<>();
            if (states != null) {
                EcsRegion r = sd.service.cluster.region;
                for (String name : alarms.alarmNames()) {
                    if ("ALARM".equals(states.state(r.account, r.region, name))) {
                        firing.add(name);
                    }
                }
            }
            if (firing.isEmpty()) {
                watchAlarms(sd);
                return;
            }
            sd.triggeredAlarms.addAll(firing);
            sd.alarmStatus = "TRIGGERED";
            event(sd.service, "(service " + sd.service.name + ") (service-deployment " + sd.id + ") alarm(s) "
                    + String.join(", ", firing) + " in ALARM state.");
            if (alarms.rollback()) {
                rollback(sd, "Service deployment rolled back because alarm(s) " + String.join(", ", firing)
                        + " went into ALARM state.");
            } else {
                fail(sd, "Service deployment failed because alarm(s) " + String.join(", ", firing)
                        + " went into ALARM state.");
            }
        });
    }

    /** A failure without rollback: the rollout stops launching tasks, the deployment is stopped where it is. */
    private void fail(ServiceDeployment sd, String reason) {
        sd.step++;
        Deployment d = sd.deployment;
        d.rolloutState = Deployment.FAILED;
        d.rolloutStateReason = reason;
        d.updatedAt = now();
        sd.status = ServiceDeployment.STOPPED;
        sd.statusReason = reason;
        sd.stoppedAt = now();
        sd.finishedAt = now();
        sd.updatedAt = now();
        sd.service.holdOld = false;
        if (sd.settings.blueGreenFamily()) {
            shift.production(sd, 0);
            shift.test(sd, 0);
        }
        sd.monitorsComplete();
        event(sd.service, "(service " + sd.service.name + ") (deployment " + d.id + ") deployment failed: " + reason);
    }

    /** The revision of the last rollout that completed (made for it if that rollout predates revisions). */
    private ServiceRevision lastCompleted(Service s) {
        TaskDefinition td = s.lastStableTaskDefinition;
        if (s.lastStableRevision != null && (td == null || s.lastStableRevision.taskDefinition == td)) {
            return s.lastStableRevision;
        }
        if (td == null) {
            return null;
        }
        for (ServiceRevision r : s.revisions.values()) {
            if (r.taskDefinition == td) {
                return r;
            }
        }
        ServiceRevision r = new ServiceRevision(Ids.revisionId(td.arn() + "@" + s.arn()), s, td, s.loadBalancers,
                s.loadBalancers, now());
        s.revisions.put(r.id, r);
        return r;
    }

    /** StopServiceDeployment with ROLLBACK: ROLLBACK_REQUESTED now, the rollback a moment later. */
    void stop(ServiceDeployment sd) {
        if (sd.finished()) {
            throw new AwsException("ConflictException", "The service deployment " + sd.arn() + " is in a terminal "
                    + "state (" + sd.status + ") and can't be stopped.");
        }
        if (sd.rollingBack() || ServiceDeployment.STOP_REQUESTED.equals(sd.status)) {
            return;
        }
        sd.step++;
        sd.status = ServiceDeployment.ROLLBACK_REQUESTED;
        sd.updatedAt = now();
        ecs.world.timeline().schedule(now().plusSeconds(1), () -> {
            if (ServiceDeployment.ROLLBACK_REQUESTED.equals(sd.status)) {
                rollback(sd, "Service deployment rolled back because of a StopServiceDeployment request.");
            }
        });
    }

    /**
     * Rolls a deployment back to the last revision that completed: for blue/green, linear and canary, production
     * (and test) traffic returns to blue, whose tasks never stopped, and green is stopped; for a rolling deployment,
     * a new rollout of that revision replaces the failed one, as the circuit breaker does.
     */
    void rollback(ServiceDeployment sd, String reason) {
        rollback(sd, reason, reason, reason);
    }

    private void rollback(ServiceDeployment sd, String reason, String rolloutReason, String failedEvent) {
        Service s = sd.service;
        sd.step++;
        sd.status = ServiceDeployment.ROLLBACK_IN_PROGRESS;
        sd.statusReason = reason;
        sd.rollbackReason = reason;
        sd.rollbackStartedAt = now();
        sd.updatedAt = now();
        s.holdOld = false;
        Deployment failed = sd.deployment;
        failed.rolloutState = Deployment.FAILED;
        failed.rolloutStateReason = rolloutReason;
        failed.updatedAt = now();
        event(s, "(service " + s.name + ") (deployment " + failed.id + ") deployment failed: " + failedEvent);
        Deployment back = null;
        if (sd.settings.blueGreenFamily()) {
            shift.production(sd, 0);
            shift.test(sd, 0);
            for (Deployment src : sd.sourceDeployments) {
                if (s.deployments.contains(src) && src != failed) {
                    back = src;
                    break;
                }
            }
        }
        ServiceRevision to = back != null ? back.revision : lastCompleted(s);
        if (to == null || to.taskDefinition == failed.taskDefinition && back == null) {
            sd.status = ServiceDeployment.ROLLBACK_FAILED;
            sd.statusReason = reason + " No earlier service revision completed, so there is nothing to roll back to.";
            sd.finishedAt = now();
            sd.monitorsComplete();
            return;
        }
        sd.rollbackTo = to;
        for (Deployment d : s.deployments) {
            d.status = Deployment.ACTIVE;
        }
        if (back != null) {
            s.deployments.remove(back);
            back.rolloutState = Deployment.IN_PROGRESS;
            back.rolloutStateReason = "ECS deployment circuit breaker: rolling back to deployment " + back.id + ".";
            back.updatedAt = now();
        } else {
            back = new Deployment(Ids.deploymentId(ecs.world.random()), to.taskDefinition, s.desiredCount, now(),
                    Deployment.IN_PROGRESS, "ECS deployment circuit breaker: rolling back to deployment with task "
                    + "definition " + to.taskDefinition.arn() + ".");
            back.revision = to;
        }
        back.status = Deployment.PRIMARY;
        s.deployments.add(0, back);
        s.taskDefinition = to.taskDefinition;
        s.steady = false;
        event(s, "(service " + s.name + ") rolling back to deployment " + back.id + " (taskDefinition "
                + to.taskDefinition.arn() + ").");
        ecs.scheduler.requestReconcile(s);
    }
}
