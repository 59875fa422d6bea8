package io.harbormaster.sandbox.ecs;

import io.harbormaster.sandbox.core.AlarmStates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs service deployments as ECS does (Developer Guide: "Amazon ECS blue/green deployments", "linear deployments",
 * "canary deployments", "deployment lifecycle hooks", "deployment circuit breaker", "CloudWatch alarms"). A rolling
 * deployment is the scheduler's rollout, watched here. A blue/green, linear or canary deployment goes through ECS's
 * lifecycle stages: green tasks start beside blue ones in the alternate target group (SCALE_UP), test traffic moves
 * to green, production traffic moves on the production listener rule — all at once, canary percent then the rest,
 * or in equal steps, each followed by its bake time — then the deployment bake time, then blue is cleaned up.
 * Lifecycle hooks run at their stages; the circuit breaker, the alarms, a failed hook or StopServiceDeployment roll
 * it back: traffic returns to blue and green is stopped. Everything runs on the sandbox clock, under the world lock.
 */
final class Deployer {

    private final Ecs ecs;
    private final TrafficShift shift;
    final Rollbacks rollbacks;
    final LifecycleHooks hooks;

    Deployer(Ecs ecs) {
        this.ecs = ecs;
        this.shift = new TrafficShift(ecs.world);
        this.rollbacks = new Rollbacks(ecs, shift);
        this.hooks = new LifecycleHooks(ecs, rollbacks);
    }

    private Instant now() {
        return ecs.world.now();
    }

    private void event(Service s, String message) {
        ecs.scheduler.event(s, message);
    }

    // ---- creation -------------------------------------------------------------------------------------------

    /** The revision a new rollout of the service runs: green tasks go to the group that is not production now. */
    ServiceRevision revision(Service s, Deployment d, Instant at) {
        List<LoadBalancer> resolved = new ArrayList<>();
        for (LoadBalancer lb : s.loadBalancers) {
            String tg = lb.targetGroupArn();
            if (lb.advanced() != null && lb.advanced().alternateTargetGroupArn() != null && tg != null) {
                String production = s.productionTargetGroup.getOrDefault(tg, tg);
                String other = production.equals(tg) ? lb.advanced().alternateTargetGroupArn() : tg;
                tg = s.settings.blueGreenFamily() ? other : production;
            }
            resolved.add(lb.inTargetGroup(tg));
        }
        ServiceRevision r = new ServiceRevision(Ids.revisionId(d.id), s, d.taskDefinition, s.loadBalancers, resolved, at);
        s.revisions.put(r.id, r);
        d.revision = r;
        return r;
    }

    /** A fleet service's first deployment, already finished when the sandbox starts. */
    void completedAtStart(Service s, Deployment d, Instant startedAt, Instant finishedAt) {
        ServiceRevision r = revision(s, d, startedAt);
        ServiceDeployment sd = new ServiceDeployment(Ids.serviceDeploymentId(d.id), s, startedAt, List.of(), r, d,
                List.of());
        sd.startedAt = startedAt;
        sd.status = ServiceDeployment.SUCCESSFUL;
        sd.statusReason = "Service deployment completed.";
        sd.finishedAt = finishedAt;
        sd.updatedAt = finishedAt;
        sd.productionWeight = 100;
        sd.monitorsComplete();
        s.serviceDeployments.add(0, sd);
        s.lastStableRevision = r;
    }

    /** Starts the service deployment of a new rollout {@code d}; what ran before it is its source. */
    ServiceDeployment begin(Service s, Deployment d, List<Deployment> sources) {
        ServiceDeployment previous = s.currentServiceDeployment();
        if (previous != null && !previous.finished()) {
            supersede(previous);
        }
        ServiceRevision r = revision(s, d, now());
        List<ServiceRevision> sourceRevisions = new ArrayList<>();
        for (Deployment src : sources) {
            if (src.revision != null && !sourceRevisions.contains(src.revision)) {
                sourceRevisions.add(src.revision);
            }
        }
        ServiceDeployment sd = new ServiceDeployment(Ids.serviceDeploymentId(d.id), s, now(), sourceRevisions, r, d,
                sources);
        s.serviceDeployments.add(0, sd);
        ecs.world.timeline().schedule(now(), () -> start(sd));
        return sd;
    }

    private void supersede(ServiceDeployment sd) {
        sd.step++;
        sd.status = ServiceDeployment.STOPPED;
        sd.statusReason = "Service deployment stopped: a newer service deployment replaced it.";
        sd.stoppedAt = now();
        sd.finishedAt = now();
        sd.updatedAt = now();
        sd.service.holdOld = false;
        if (sd.settings.blueGreenFamily()) {
            shift.production(sd, 0);
            shift.test(sd, 0);
        }
        sd.monitorsComplete();
    }

    private void start(ServiceDeployment sd) {
        if (!ServiceDeployment.PENDING.equals(sd.status)) {
            return;
        }
        sd.status = ServiceDeployment.IN_PROGRESS;
        sd.startedAt = now();
        sd.updatedAt = now();
        rollbacks.watchAlarms(sd);
        if (!sd.settings.blueGreenFamily()) {
            return; // the scheduler rolls it; progress() sees it finish
        }
        shift.production(sd, 0); // both groups on the production rule: blue 100 %, green 0 %
        sd.service.holdOld = true;
        enter(sd, sd.sources.size() > 1 ? "RECONCILE_SERVICE" : "PRE_SCALE_UP");
    }

    // ---- stages ---------------------------------------------------------------------------------------------

    private void enter(ServiceDeployment sd, String stage) {
        sd.step++;
        sd.lifecycleStage = stage;
        sd.updatedAt = now();
        int step = sd.step;
        switch (stage) {
            case "RECONCILE_SERVICE" -> hooks.run(sd, stage, () -> enter(sd, "PRE_SCALE_UP"));
            case "PRE_SCALE_UP" -> hooks.run(sd, stage, () -> enter(sd, "SCALE_UP"));
            case "SCALE_UP" -> {
                ecs.scheduler.requestReconcile(sd.service);
                ecs.world.timeline().schedule(now(), () -> {
                    if (sd.isAt(step)) {
                        progress(sd.service);
                    }
                });
            }
            case "POST_SCALE_UP" -> hooks.run(sd, stage, () -> enter(sd, "TEST_TRAFFIC_SHIFT"));
            case "TEST_TRAFFIC_SHIFT" -> {
                shift.test(sd, 100);
                hooks.run(sd, stage, () -> enter(sd, "POST_TEST_TRAFFIC_SHIFT"));
            }
            case "POST_TEST_TRAFFIC_SHIFT" -> hooks.run(sd, stage, () -> productionStep(sd, 0));
            case "POST_PRODUCTION_TRAFFIC_SHIFT" -> hooks.run(sd, stage, () -> enter(sd, "BAKE_TIME"));
            case "BAKE_TIME" -> {
                int minutes = sd.settings.bakeTimeInMinutes() == null ? 0 : sd.settings.bakeTimeInMinutes();
                later(sd, Duration.ofMinutes(minutes), () -> enter(sd, "CLEAN_UP"));
            }
            case "CLEAN_UP" -> cleanUp(sd);
            default -> throw new IllegalStateException(stage);
        }
    }

    /** The production traffic steps of the strategy, in percent for green. */
    static List<Double> steps(DeploymentSettings settings) {
        List<Double> out = new ArrayList<>();
        switch (settings.strategy()) {
            case DeploymentSettings.CANARY -> {
                double pct = settings.canary() == null ? 5.0 : settings.canary().canaryPercent();
                if (pct < 100) {
                    out.add(pct);
                }
            }
            case DeploymentSettings.LINEAR -> {
                double step = settings.linear() == null ? 10.0 : settings.linear().stepPercent();
                for (int i = 1; i * step < 100 - 1e-9; i++) {
                    out.add(BigDecimal.valueOf(i * step).setScale(1, RoundingMode.HALF_UP).doubleValue());
                }
            }
            default -> {
            }
        }
        out.add(100.0);
        return out;
    }

    /** The bake after a production step that did not reach 100 %. */
    private static Duration stepBake(DeploymentSettings settings) {
        return switch (settings.strategy()) {
            case DeploymentSettings.CANARY -> Duration.ofMinutes(settings.canary() == null ? 10
                    : settings.canary().canaryBakeTimeInMinutes());
            case DeploymentSettings.LINEAR -> Duration.ofMinutes(settings.linear() == null ? 6
                    : settings.linear().stepBakeTimeInMinutes());
            default -> Duration.ZERO;
        };
    }

    /** One production traffic step: PRE_PRODUCTION_TRAFFIC_SHIFT hooks, the shift, PRODUCTION_TRAFFIC_SHIFT hooks, its bake. */
    private void productionStep(ServiceDeployment sd, int index) {
        sd.step++;
        sd.lifecycleStage = "PRODUCTION_TRAFFIC_SHIFT";
        sd.updatedAt = now();
        List<Double> steps = steps(sd.settings);
        double pct = steps.get(index);
        hooks.run(sd, "PRE_PRODUCTION_TRAFFIC_SHIFT", () -> {
            shift.production(sd, pct);
            event(sd.service, "(service " + sd.service.name + ") (service-deployment " + sd.id + ") shifted "
                    + TrafficShift.percent(pct) + "% of production traffic to (service-revision " + sd.target.id + ").");
            hooks.run(sd, "PRODUCTION_TRAFFIC_SHIFT", () -> {
                if (index + 1 < steps.size()) {
                    later(sd, stepBake(sd.settings), () -> productionStep(sd, index + 1));
                } else {
                    enter(sd, "POST_PRODUCTION_TRAFFIC_SHIFT");
                }
            });
        });
    }

    private void later(ServiceDeployment sd, Duration after, Runnable next) {
        int step = sd.step;
        ecs.world.timeline().schedule(now().plus(after), () -> {
            if (sd.isAt(step)) {
                next.run();
            }
        });
    }

    private void cleanUp(ServiceDeployment sd) {
        Service s = sd.service;
        for (LoadBalancer lb : s.loadBalancers) {
            if (lb.advanced() != null && lb.targetGroupArn() != null) {
                for (LoadBalancer green : sd.target.resolved) {
                    if (green.containerName().equals(lb.containerName()) && green.containerPort() == lb.containerPort()) {
                        s.productionTargetGroup.put(lb.targetGroupArn(), green.targetGroupArn());
                    }
                }
            }
        }
        s.holdOld = false;
        ecs.scheduler.requestReconcile(s);
    }

    /**
     * Called after every scheduler pass over the service: moves a deployment on when what it waits for has
     * happened (green healthy in SCALE_UP, blue gone in CLEAN_UP, the rollout or its rollback complete).
     */
    void progress(Service s) {
        ServiceDeployment sd = s.currentServiceDeployment();
        if (sd == null || sd.finished()) {
            return;
        }
        Deployment primary = s.primary();
        sd.updatedAt = now();
        if (sd.rollingBack()) {
            if (ServiceDeployment.ROLLBACK_IN_PROGRESS.equals(sd.status) && s.deployments.size() == 1
                    && Deployment.COMPLETED.equals(primary.rolloutState) && primary != sd.deployment) {
                sd.status = ServiceDeployment.ROLLBACK_SUCCESSFUL;
                sd.finishedAt = now();
                sd.lifecycleStage = sd.settings.blueGreenFamily() ? "CLEAN_UP" : null;
                s.lastStableRevision = primary.revision;
                sd.monitorsComplete();
                event(s, "(service " + s.name + ") (service-deployment " + sd.id + ") rollback completed.");
            }
            return;
        }
        if (!ServiceDeployment.IN_PROGRESS.equals(sd.status) || primary != sd.deployment) {
            return;
        }
        if (!sd.settings.blueGreenFamily()) {
            if (sd.watchesAlarms() ? steady(s, primary) : Deployment.COMPLETED.equals(primary.rolloutState)
                    && s.deployments.size() == 1) {
                rollingBake(sd);
            }
            return;
        }
        if ("SCALE_UP".equals(sd.lifecycleStage)) {
            int healthy = 0;
            for (Task t : s.tasks.values()) {
                if (t.deployment == primary && t.healthy()) {
                    healthy++;
                }
            }
            if (healthy >= s.desiredCount) {
                enter(sd, "POST_SCALE_UP");
            }
        } else if ("CLEAN_UP".equals(sd.lifecycleStage) && s.deployments.size() == 1) {
            completeRollout(s, primary);
            succeed(sd);
        }
    }

    private static boolean steady(Service s, Deployment primary) {
        int healthy = 0;
        for (Task t : s.tasks.values()) {
            if (t.deployment == primary && t.healthy()) {
                healthy++;
            }
        }
        return s.deployments.size() == 1 && healthy == s.desiredCount && s.tasks.size() == s.desiredCount;
    }

    /** The rollout (DescribeServices' deployment) reaches COMPLETED: what a later rollback returns to. */
    private void completeRollout(Service s, Deployment primary) {
        if (Deployment.IN_PROGRESS.equals(primary.rolloutState)) {
            primary.rolloutState = Deployment.COMPLETED;
            primary.rolloutStateReason = "ECS deployment " + primary.id + " completed.";
            primary.updatedAt = now();
            s.lastStableTaskDefinition = primary.taskDefinition;
            event(s, "(service " + s.name + ") (deployment " + primary.id + ") deployment completed.");
        }
    }

    /**
     * A rolling deployment watched by alarms stays IN_PROGRESS for a bake time after its steady state, while ECS
     * keeps watching the alarms (Developer Guide, "How CloudWatch alarms detect Amazon ECS deployment failures": the
     * bake time is computed from the alarms' configuration and can't be set). The sandbox takes the longest window
     * an alarm evaluates (period × evaluation periods).
     */
    private void rollingBake(ServiceDeployment sd) {
        DeploymentSettings.Alarms alarms = sd.settings.alarms();
        AlarmStates states = ecs.world.optionalComponent(AlarmStates.class);
        if (!sd.watchesAlarms() || states == null) {
            completeRollout(sd.service, sd.deployment);
            succeed(sd);
            return;
        }
        if (sd.bakeUntil == null) {
            Duration window = Duration.ZERO;
            EcsRegion r = sd.service.cluster.region;
            for (String name : alarms.alarmNames()) {
                Duration w = states.evaluationWindow(r.account, r.region, name);
                window = w.compareTo(window) > 0 ? w : window;
            }
            sd.bakeUntil = now().plus(window);
            int step = sd.step;
            ecs.world.timeline().schedule(sd.bakeUntil, () -> {
                if (sd.isAt(step)) {
                    progress(sd.service);
                }
            });
        }
        if (!now().isBefore(sd.bakeUntil)) {
            completeRollout(sd.service, sd.deployment);
            succeed(sd);
        }
    }

    private void succeed(ServiceDeployment sd) {
        sd.status = ServiceDeployment.SUCCESSFUL;
        sd.statusReason = "Service deployment completed.";
        sd.finishedAt = now();
        sd.updatedAt = now();
        sd.productionWeight = 100;
        sd.service.lastStableRevision = sd.target;
        sd.monitorsComplete();
    }
}
