package io.harbormaster.sandbox.ecs;

import io.harbormaster.sandbox.core.AwsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deployment's lifecycle hooks at a stage (Developer Guide, "Deployment lifecycle hooks"; API Reference,
 * DeploymentLifecycleHook, ContinueServiceDeployment): every hook of the stage must succeed before the deployment
 * moves on. A PAUSE hook awaits ContinueServiceDeployment or its timeout; a Lambda hook answers after
 * {@link #LAMBDA_SECONDS} by the hook fault knob; a failure rolls the deployment back.
 */
final class LifecycleHooks {

    /** Sandbox seconds a Lambda hook takes to answer. */
    static final int LAMBDA_SECONDS = 5;

    private final Ecs ecs;
    private final Rollbacks rollbacks;

    LifecycleHooks(Ecs ecs, Rollbacks rollbacks) {
        this.ecs = ecs;
        this.rollbacks = rollbacks;
    }

    private Instant now() {
        return ecs.world.now();
    }

    private void event(Service s, String message) {
        ecs.scheduler.event(s, message);
    }

    /** Runs the hooks configured for a stage; {@code next} runs once all have succeeded (at once when there are none). */
    void run(ServiceDeployment sd, String stage, Runnable next) {
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
            if (sd.isAt(step) && runs.stream().allMatch(r -> "SUCCEEDED".equals(r.status)
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
                    if (!sd.isAt(step) || !"IN_PROGRESS".equals(run.status)) {
                        return;
                    }
                    if (lambdaAnswer(run.hook.hookTargetArn()).equals("FAILED")) {
                        run.status = "FAILED";
                        rollbacks.rollback(sd, "Service deployment rolled back because the lifecycle hook "
                                + run.hook.hookTargetArn() + " returned FAILED at " + stage + ".");
                    } else {
                        run.status = "SUCCEEDED";
                        done.run();
                    }
                });
            }
            ecs.world.timeline().schedule(run.expiresAt, () -> {
                if (!sd.isAt(step) || "SUCCEEDED".equals(run.status) || "FAILED".equals(run.status)) {
                    return;
                }
                run.status = "TIMED_OUT";
                if ("CONTINUE".equals(run.hook.timeoutAction())) {
                    done.run();
                } else {
                    rollbacks.rollback(sd, "Service deployment rolled back because the lifecycle hook " + run.hookId
                            + " timed out at " + stage + ".");
                }
            });
        }
    }

    /**
     * The fault knob for Lambda hooks, like the image knob: a function whose name says "fail" answers FAILED, any
     * other SUCCEEDED (the sandbox runs no code).
     */
    static String lambdaAnswer(String functionArn) {
        String[] parts = functionArn.split(":");
        int at = java.util.Arrays.asList(parts).indexOf("function");
        String name = at >= 0 && at + 1 < parts.length ? parts[at + 1] : parts[parts.length - 1];
        return name.toLowerCase(Locale.ROOT).contains("fail") ? "FAILED" : "SUCCEEDED";
    }

    /** ContinueServiceDeployment: resolves a PAUSE hook that awaits action. */
    void resolve(ServiceDeployment sd, String hookId, String action) {
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
            rollbacks.rollback(sd, "Service deployment rolled back by ContinueServiceDeployment at lifecycle hook " + hookId + ".");
            return;
        }
        run.status = "SUCCEEDED";
        event(sd.service, "(service " + sd.service.name + ") (service-deployment " + sd.id + ") continued past (hook "
                + hookId + ").");
        Runnable next = sd.continuation;
        ecs.world.timeline().schedule(now(), next);
    }
}
