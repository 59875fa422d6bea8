package io.harbormaster.model.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline a deploy will follow, from ECS's documented behaviour per strategy: rolling replaces tasks in rounds
 * bounded by minimum healthy / maximum percent; blue/green starts a full green set, moves test then production
 * traffic at once and bakes; linear moves production traffic in equal steps with a bake after each step but the
 * last; canary moves the canary share, bakes, then the rest. Task start-up and health checks are not known in
 * advance, so times are earliest times: bake times only.
 */
public final class TimelinePlanner {

    private TimelinePlanner() {
    }

    public static DeployTimeline plan(DeploymentSettings settings, int desiredCount) {
        Builder b = new Builder(settings);
        switch (settings.strategy()) {
            case ROLLING -> rolling(b, settings, desiredCount);
            case BLUE_GREEN, LINEAR, CANARY -> shifting(b, settings, desiredCount);
            default -> throw new IllegalStateException(settings.strategy().name());
        }
        int threshold = settings.circuitBreaker().enable() ? CircuitBreaker.threshold(desiredCount) : 0;
        List<String> alarms = settings.alarms().enable() ? settings.alarms().alarmNames() : List.of();
        int pauses = (int) b.steps.stream().filter(TimelineStep::waitsForOperator).count();
        return new DeployTimeline(b.steps, b.clock, threshold, alarms, pauses);
    }

    /** Rounds of a rolling replacement: each round starts up to the room above desired and stops what may go. */
    static int rollingRounds(int desired, int minimumHealthyPercent, int maximumPercent) {
        if (desired == 0) {
            return 0;
        }
        int room = (int) Math.floor(desired * maximumPercent / 100.0) - desired;
        int mayStop = desired - (int) Math.ceil(desired * minimumHealthyPercent / 100.0);
        int perRound = Math.max(0, room) + Math.max(0, mayStop);
        if (perRound == 0) {
            return -1;
        }
        return (int) Math.ceil((double) desired / perRound);
    }

    private static void rolling(Builder b, DeploymentSettings s, int desired) {
        b.hooks(LifecycleStage.RECONCILE_SERVICE, 0);
        b.hooks(LifecycleStage.PRE_SCALE_UP, 0);
        int rounds = rollingRounds(desired, s.minimumHealthyPercent(), s.maximumPercent());
        int peak = (int) Math.floor(desired * s.maximumPercent() / 100.0);
        String what = rounds < 0
                ? "Cannot replace any task: " + desired + " tasks with minimum " + s.minimumHealthyPercent()
                        + " % and maximum " + s.maximumPercent() + " % leave no room"
                : "Replace " + desired + " tasks in " + rounds + (rounds == 1 ? " round" : " rounds") + " (up to "
                        + peak + " running, at least " + (int) Math.ceil(desired * s.minimumHealthyPercent() / 100.0)
                        + " healthy); traffic follows as new tasks pass health checks";
        b.step(LifecycleStage.SCALE_UP, what, Duration.ZERO, 100, true, false);
        b.hooks(LifecycleStage.POST_SCALE_UP, 100);
        if (s.alarms().enable()) {
            b.step(LifecycleStage.BAKE_TIME, "Alarms watched for a bake time ECS computes from their periods",
                    Duration.ZERO, 100, true, false);
        }
        b.step(LifecycleStage.CLEAN_UP, "Old tasks stopped; SUCCESSFUL", Duration.ZERO, 100, false, false);
    }

    private static void shifting(Builder b, DeploymentSettings s, int desired) {
        b.hooks(LifecycleStage.RECONCILE_SERVICE, 0);
        b.hooks(LifecycleStage.PRE_SCALE_UP, 0);
        b.step(LifecycleStage.SCALE_UP, "Start " + desired + " green tasks beside the " + desired
                + " blue ones (a full second set)", Duration.ZERO, 0, true, false);
        b.hooks(LifecycleStage.POST_SCALE_UP, 0);
        boolean testRule = s.loadBalancers().stream().anyMatch(lb -> !lb.testListenerRule().isEmpty());
        if (testRule) {
            b.hooks(LifecycleStage.TEST_TRAFFIC_SHIFT, 0);
            b.step(LifecycleStage.TEST_TRAFFIC_SHIFT, "All test traffic to green", Duration.ZERO, 0, true, false);
            b.hooks(LifecycleStage.POST_TEST_TRAFFIC_SHIFT, 0);
        }
        switch (s.strategy()) {
            case BLUE_GREEN -> shift(b, 100, Duration.ZERO);
            case LINEAR -> {
                LinearConfig l = s.linear();
                int steps = l.steps();
                for (int i = 1; i <= steps; i++) {
                    double percent = Math.min(100.0, Math.round(i * l.stepPercent() * 10.0) / 10.0);
                    shift(b, percent, i < steps ? Duration.ofMinutes(l.stepBakeMinutes()) : Duration.ZERO);
                }
            }
            case CANARY -> {
                CanaryConfig c = s.canary();
                if (c.canaryPercent() < 100.0) {
                    shift(b, c.canaryPercent(), Duration.ofMinutes(c.canaryBakeMinutes()));
                }
                shift(b, 100, Duration.ZERO);
            }
            default -> throw new IllegalStateException(s.strategy().name());
        }
        b.hooks(LifecycleStage.POST_PRODUCTION_TRAFFIC_SHIFT, 100);
        b.step(LifecycleStage.BAKE_TIME, "Bake: blue kept running, rollback is instant (traffic back to blue)",
                Duration.ofMinutes(s.bakeTimeMinutes()), 100, true, false);
        b.step(LifecycleStage.CLEAN_UP, "Blue tasks stopped; SUCCESSFUL (rolling back now needs a new deploy)",
                Duration.ZERO, 100, false, false);
    }

    private static void shift(Builder b, double percent, Duration bakeAfter) {
        b.hooks(LifecycleStage.PRE_PRODUCTION_TRAFFIC_SHIFT, b.percent);
        b.hooks(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, b.percent);
        String what = "Production traffic to green: " + DeployDiffer.fmt(percent) + " %"
                + (bakeAfter.isZero() ? "" : ", then bake " + bakeAfter.toMinutes() + " min");
        b.step(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, what, bakeAfter, percent, true, false);
    }

    private static final class Builder {
        final DeploymentSettings settings;
        final List<TimelineStep> steps = new ArrayList<>();
        Duration clock = Duration.ZERO;
        double percent;

        Builder(DeploymentSettings settings) {
            this.settings = settings;
        }

        void step(LifecycleStage stage, String what, Duration lasts, double production, boolean canRollBack,
                  boolean waits) {
            steps.add(new TimelineStep(stage, what, clock, lasts, production, canRollBack, waits));
            clock = clock.plus(lasts);
            percent = production;
        }

        /** The hooks configured at {@code stage}: a pause waits for the operator, a Lambda runs. */
        void hooks(LifecycleStage stage, double production) {
            for (LifecycleHook h : settings.hooks()) {
                if (!h.stages().contains(stage)) {
                    continue;
                }
                boolean pause = h.type() == HookTargetType.PAUSE;
                String what = pause ? "Paused at " + stage + ": waits for you to continue ("
                        + (h.timeoutAction() == HookAction.ROLLBACK ? "rolls back" : "continues") + " after "
                        + h.timeoutMinutes() + " min unanswered)" : "Lambda hook " + io.harbormaster.model.fleet.Arns
                        .name(h.targetArn()) + " runs at " + stage;
                step(stage, what, Duration.ZERO, production, true, pause);
            }
        }
    }
}
