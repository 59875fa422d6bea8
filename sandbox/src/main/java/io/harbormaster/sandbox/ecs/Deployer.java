package io.harbormaster.sandbox.ecs;

import io.harbormaster.sandbox.core.AlarmStates;
import io.harbormaster.sandbox.core.AwsException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /** Sandbox seconds a Lambda hook takes to answer. */
    static final int LAMBDA_SECONDS = 5;
    /** How often ECS looks at the deployment's alarms (it polls DescribeAlarms). */
    static final Duration ALARM_POLL = Duration.ofMinutes(1);

    private final Ecs ecs;

    Deployer(Ecs ecs) {
        this.ecs = ecs;
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
        monitorsComplete(sd);
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
            shiftProduction(sd, 0);
            shiftTest(sd, 0);
        }
        monitorsComplete(sd);
    }

    private void start(ServiceDeployment sd) {
        if (!ServiceDeployment.PENDING.equals(sd.status)) {
            return;
        }
        sd.status = ServiceDeployment.IN_PROGRESS;
        sd.startedAt = now();
        sd.updatedAt = now();
        watchAlarms(sd);
        if (!sd.settings.blueGreenFamily()) {
            return; // the scheduler rolls it; progress() sees it finish
        }
        shiftProduction(sd, 0); // both groups on the production rule: blue 100 %, green 0 %
        sd.service.holdOld = true;
        enter(sd, sd.sources.size() > 1 ? "RECONCILE_SERVICE" : "PRE_SCALE_UP");
    }

    // ---- stages ---------------------------------------------------------------------------------------------

    private boolean current(ServiceDeployment sd, int step) {
        return sd.step == step && ServiceDeployment.IN_PROGRESS.equals(sd.status);
    }

    private void enter(ServiceDeployment sd, String stage) {
        sd.step++;
        sd.lifecycleStage = stage;
        sd.updatedAt = now();
        int step = sd.step;
        switch (stage) {
            case "RECONCILE_SERVICE" -> hooks(sd, stage, () -> enter(sd, "PRE_SCALE_UP"));
            case "PRE_SCALE_UP" -> hooks(sd, stage, () -> enter(sd, "SCALE_UP"));
            case "SCALE_UP" -> {
                ecs.scheduler.requestReconcile(sd.service);
                ecs.world.timeline().schedule(now(), () -> {
                    if (current(sd, step)) {
                        progress(sd.service);
                    }
                });
            }
            case "POST_SCALE_UP" -> hooks(sd, stage, () -> enter(sd, "TEST_TRAFFIC_SHIFT"));
            case "TEST_TRAFFIC_SHIFT" -> {
                shiftTest(sd, 100);
                hooks(sd, stage, () -> enter(sd, "POST_TEST_TRAFFIC_SHIFT"));
            }
            case "POST_TEST_TRAFFIC_SHIFT" -> hooks(sd, stage, () -> productionStep(sd, 0));
            case "POST_PRODUCTION_TRAFFIC_SHIFT" -> hooks(sd, stage, () -> enter(sd, "BAKE_TIME"));
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
        hooks(sd, "PRE_PRODUCTION_TRAFFIC_SHIFT", () -> {
            shiftProduction(sd, pct);
            event(sd.service, "(service " + sd.service.name + ") (service-deployment " + sd.id + ") shifted "
                    + percent(pct) + "% of production traffic to (service-revision " + sd.target.id + ").");
            hooks(sd, "PRODUCTION_TRAFFIC_SHIFT", () -> {
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
            if (current(sd, step)) {
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
                monitorsComplete(sd);
                event(s, "(service " + s.name + ") (service-deployment " + sd.id + ") rollback completed.");
            }
            return;
        }
        if (!ServiceDeployment.IN_PROGRESS.equals(sd.status) || primary != sd.deployment) {
            return;
        }
        if (!sd.settings.blueGreenFamily()) {
            if (s.deployments.size() == 1 && Deployment.COMPLETED.equals(primary.rolloutState)) {
                succeed(sd);
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
            if (Deployment.IN_PROGRESS.equals(primary.rolloutState)) {
                primary.rolloutState = Deployment.COMPLETED;
                primary.rolloutStateReason = "ECS deployment " + primary.id + " completed.";
                primary.updatedAt = now();
                s.lastStableTaskDefinition = primary.taskDefinition;
                event(s, "(service " + s.name + ") (deployment " + primary.id + ") deployment completed.");
            }
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
        monitorsComplete(sd);
    }

    private static void monitorsComplete(ServiceDeployment sd) {
        if ("MONITORING".equals(sd.breakerStatus)) {
            sd.breakerStatus = "MONITORING_COMPLETE";
        }
        if ("MONITORING".equals(sd.alarmStatus)) {
            sd.alarmStatus = "MONITORING_COMPLETE";
        }
    }

    // ---- traffic --------------------------------------------------------------------------------------------

    private LoadBalancing loadBalancing() {
        return ecs.world.optionalComponent(LoadBalancing.class);
    }

    private void shiftProduction(ServiceDeployment sd, double greenPercent) {
        sd.productionWeight = greenPercent;
        shift(sd, greenPercent, true);
    }

    private void shiftTest(ServiceDeployment sd, double greenPercent) {
        sd.testWeight = greenPercent;
        shift(sd, greenPercent, false);
    }

    /** Sets the listener rule's forward weights between blue (production now) and green (the target revision's group). */
    private void shift(ServiceDeployment sd, double greenPercent, boolean production) {
        LoadBalancing elb = loadBalancing();
        EcsRegion region = sd.service.cluster.region;
        for (LoadBalancer lb : sd.service.loadBalancers) {
            if (elb == null || lb.advanced() == null || lb.targetGroupArn() == null) {
                continue;
            }
            String rule = production ? lb.advanced().productionListenerRule() : lb.advanced().testListenerRule();
            if (rule == null) {
                continue;
            }
            String blue = sd.service.productionTargetGroup.getOrDefault(lb.targetGroupArn(), lb.targetGroupArn());
            String green = blue.equals(lb.targetGroupArn()) ? lb.advanced().alternateTargetGroupArn() : lb.targetGroupArn();
            int[] w = weights(greenPercent);
            elb.setForwardWeights(region.account, region.region, rule,
                    List.of(new LoadBalancing.Weighted(blue, w[0]), new LoadBalancing.Weighted(green, w[1])));
        }
    }

    /** Blue and green ALB weights (0–999) in the ratio of the percentage, in lowest terms: 5 % is 19 : 1. */
    static int[] weights(double greenPercent) {
        int green = (int) Math.round(greenPercent * 10);
        int blue = 1000 - green;
        int g = gcd(green, blue);
        return new int[] {blue / g, green / g};
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f", p);
    }

    // ---- hooks ----------------------------------------------------------------------------------------------

    /** Runs the hooks configured for a stage; {@code next} runs once all have succeeded (at once when there are none). */
    private void hooks(ServiceDeployment sd, String stage, Runnable next) {
        List<ServiceDeployment.HookRun> runs = new ArrayList<>();
        List<DeploymentSettings.Hook> all = sd.settings.hooks();
        for (int i = 0; i < all.size(); i++) {
            DeploymentSettings.Hook h = all.get(i);
            if (h.stages().contains(stage)) {
                String id = Ids.hookId(sd.id + "#" + sd.step, stage, i);
                runs.add(new ServiceDeployment.HookRun(id, h, stage, h.pause() ? "AWAITING_ACTION" : "IN_PROGRESS",
                        now().plus(Duration.ofMinutes(h.timeoutInMinutes()))));
            }
        }
        if (runs.isEmpty()) {
            next.run();
            return;
        }
        sd.hookRuns.addAll(runs);
        int step = sd.step;
        Runnable done = () -> {
            if (current(sd, step) && runs.stream().allMatch(r -> "SUCCEEDED".equals(r.status)
                    || "TIMED_OUT".equals(r.status) && "CONTINUE".equals(r.hook.timeoutAction()))) {
                next.run();
            }
        };
        sd.continuation = done;
        for (ServiceDeployment.HookRun run : runs) {
            if (run.hook.pause()) {
                event(sd.service, "(service " + sd.service.name + ") (service-deployment " + sd.id + ") is paused at "
                        + stage + " waiting for (hook " + run.hookId + ").");
            } else {
                ecs.world.timeline().schedule(now().plusSeconds(LAMBDA_SECONDS), () -> {
                    if (!current(sd, step) || !"IN_PROGRESS".equals(run.status)) {
                        return;
                    }
                    if (lambdaFails(run.hook.hookTargetArn())) {
                        run.status = "FAILED";
                        rollback(sd, "Service deployment rolled back because the lifecycle hook "
                                + run.hook.hookTargetArn() + " returned FAILED at " + stage + ".");
                    } else {
                        run.status = "SUCCEEDED";
                        done.run();
                    }
                });
            }
            ecs.world.timeline().schedule(run.expiresAt, () -> {
                if (!current(sd, step) || "SUCCEEDED".equals(run.status) || "FAILED".equals(run.status)) {
                    return;
                }
                run.status = "TIMED_OUT";
                if ("CONTINUE".equals(run.hook.timeoutAction())) {
                    done.run();
                } else {
                    rollback(sd, "Service deployment rolled back because the lifecycle hook " + run.hookId
                            + " timed out at " + stage + ".");
                }
            });
        }
    }

    /** The fault knob for hooks: a function whose name says "fail" answers FAILED; any other SUCCEEDED. */
    static boolean lambdaFails(String functionArn) {
        String name = functionArn.substring(functionArn.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
        if (functionArn.matches(".*:function:[^:]+:[^:]+$")) {
            String[] parts = functionArn.split(":");
            name = parts[parts.length - 2].toLowerCase(Locale.ROOT);
        }
        return name.contains("fail");
    }

    /** ContinueServiceDeployment: resolves a PAUSE hook that awaits action. */
    void continueHook(ServiceDeployment sd, String hookId, String action) {
        ServiceDeployment.HookRun run = null;
        for (ServiceDeployment.HookRun r : sd.hookRuns) {
            if (r.hookId.equals(hookId)) {
                run = r;
            }
        }
        if (run == null) {
            throw EcsLookup.invalid("The lifecycle hook " + hookId + " was not found in the service deployment.");
        }
        if (!"AWAITING_ACTION".equals(run.status) || !ServiceDeployment.IN_PROGRESS.equals(sd.status)) {
            throw new AwsException("ClientException", "The lifecycle hook " + hookId + " is not awaiting action.");
        }
        if ("ROLLBACK".equals(action)) {
            run.status = "FAILED";
            rollback(sd, "Service deployment rolled back by ContinueServiceDeployment at lifecycle hook " + hookId + ".");
            return;
        }
        run.status = "SUCCEEDED";
        event(sd.service, "(service " + sd.service.name + ") (service-deployment " + sd.id + ") continued past (hook "
                + hookId + ").");
        Runnable next = sd.continuation;
        ecs.world.timeline().schedule(now(), next);
    }

    // ---- monitors and rollback --------------------------------------------------------------------------------

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

    private void watchAlarms(ServiceDeployment sd) {
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
            shiftProduction(sd, 0);
            shiftTest(sd, 0);
        }
        monitorsComplete(sd);
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
            shiftProduction(sd, 0);
            shiftTest(sd, 0);
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
            monitorsComplete(sd);
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
