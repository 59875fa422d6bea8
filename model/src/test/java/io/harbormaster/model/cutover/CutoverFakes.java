package io.harbormaster.model.cutover;

import io.harbormaster.model.environment.CallerIdentity;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.TimeWindow;
import io.harbormaster.model.testdata.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A pretend AWS for the runner: weights, a lock, metrics, and a clock moved by hand. */
final class CutoverFakes {

    static final Instant T0 = Instant.parse("2026-12-06T03:00:00Z");

    private CutoverFakes() {
    }

    /** A manual clock at {@link #T0}. */
    static ManualClock clock() {
        return new ManualClock(T0);
    }

    static Route53WeightedRecord apiRecord(int blue, int green) {
        return new Route53WeightedRecord("prod", "Z0ZONE", "example.com.", "api.example.com.", "A", 60, true,
                List.of(new WeightedTarget("blue", "blue", "api-blue-1.elb.amazonaws.com.", blue),
                        new WeightedTarget("green", "green", "api-green-1.elb.amazonaws.com.", green)));
    }

    static List<CutoverSide> sides() {
        return List.of(new CutoverSide("blue", "blue", "prod", "us-east-1", "arn:lb/app/api-blue/1", List.of()),
                new CutoverSide("green", "green", "prod", "us-east-1", "arn:lb/app/api-green/2", List.of()));
    }

    static CutoverPlan plan(PlanShape shape, GatePolicy gates) {
        return CutoverPlanner.plan("cut-1", apiRecord(100, 0), "blue", "green", shape, Duration.ofSeconds(90),
                gates, sides());
    }

    static GatePolicy gates(NoDataPolicy noData, boolean pauseEveryStep) {
        return new GatePolicy(List.of(new GateRule(GateMetric.FIVE_XX_RATE, GateRule.Scope.TARGET, 1, 5)),
                List.of(), noData, Duration.ofMinutes(5), Duration.ofSeconds(30), true, true, pauseEveryStep,
                Duration.ofMinutes(3));
    }

    static EnvironmentSession session() {
        Environment env = new Environment("prod", "prod", "sandbox-prod", "ops", "", "", List.of("us-east-1"),
                "#aa0000", true, false, 0);
        return new EnvironmentSession(env, new CallerIdentity("444444444444", "arn:aws:iam::111111111111:user/alice",
                ""), "us-east-1", null);
    }

    /** Weights in "AWS": a write is PENDING for two reads, then INSYNC; busy answers can be queued. */
    static final class FakeShift implements ShiftWeights {
        Weights live;
        int busyAnswers;
        int pendingReads = 2;
        final List<Weights> writes = new ArrayList<>();
        private int reads;
        private int changes;

        FakeShift(Weights live) {
            this.live = live;
        }

        @Override
        public WriteOutcome write(EnvironmentSession session, WeightedRoute route, Weights weights) {
            if (busyAnswers > 0) {
                busyAnswers--;
                return new WriteOutcome.Busy("PriorRequestNotComplete", "a change is pending");
            }
            live = weights;
            writes.add(weights);
            reads = 0;
            return new WriteOutcome.Accepted("C" + (++changes), "req-" + changes);
        }

        @Override
        public ReadBack readBack(EnvironmentSession session, WeightedRoute route, Weights expected, String changeId) {
            if (!changeId.isBlank() && reads++ < pendingReads) {
                return new ReadBack(ReadBack.State.PENDING, null, changeId + " PENDING");
            }
            return new ReadBack(live.sameAs(expected) ? ReadBack.State.CONFIRMED : ReadBack.State.MISMATCH, live,
                    changeId + " INSYNC; live " + live.describe());
        }

        @Override
        public Weights live(EnvironmentSession session, WeightedRoute route) {
            return live;
        }

        long writesOf(Weights w) {
            return writes.stream().filter(w::sameAs).count();
        }
    }

    /** Per-minute metrics of each side: requests and 5xx as set, for every minute asked. */
    static final class FakeMetrics implements GateMetrics {
        final Map<String, double[]> requestsAnd5xx = new HashMap<>();
        boolean noData;

        FakeMetrics healthy() {
            requestsAnd5xx.put("green", new double[] {1000, 2});
            requestsAnd5xx.put("blue", new double[] {1000, 2});
            return this;
        }

        @Override
        public GateReadings read(EnvironmentSession session, CutoverSide side, List<String> alarms,
                TimeWindow window) {
            if (noData) {
                return new GateReadings(Map.of(), Map.of());
            }
            double[] rq = requestsAnd5xx.getOrDefault(side.targetId(), new double[] {0, 0});
            List<MetricPoint> requests = new ArrayList<>();
            List<MetricPoint> errors = new ArrayList<>();
            for (Instant t = window.start(); t.isBefore(window.end()); t = t.plus(Duration.ofMinutes(1))) {
                requests.add(new MetricPoint(t, rq[0]));
                errors.add(new MetricPoint(t, rq[1]));
            }
            return new GateReadings(Map.of(GateReadings.Series.REQUESTS, requests, GateReadings.Series.TARGET_5XX,
                    errors), Map.of());
        }
    }

    static final class FakeLock implements CutoverLock {
        LockHolder holder;

        @Override
        public LockOutcome acquire(EnvironmentSession session, WeightedRoute route, LockHolder me) {
            if (holder != null) {
                return new LockOutcome.HeldBy(holder, "TXT _harbormaster-lock");
            }
            holder = me;
            return new LockOutcome.Acquired(me, "TXT _harbormaster-lock");
        }

        @Override
        public Optional<LockHolder> holder(EnvironmentSession session, WeightedRoute route) {
            return Optional.ofNullable(holder);
        }

        @Override
        public LockOutcome takeOver(EnvironmentSession session, WeightedRoute route, LockHolder stale,
                LockHolder me) {
            if (!stale.equals(holder)) {
                return new LockOutcome.HeldBy(holder, "TXT _harbormaster-lock");
            }
            holder = me;
            return new LockOutcome.Acquired(me, "TXT _harbormaster-lock");
        }

        @Override
        public void release(EnvironmentSession session, WeightedRoute route, LockHolder me) {
            if (holder != null && holder.cutoverId().equals(me.cutoverId())) {
                holder = null;
            }
        }
    }

    /** Ticks the runner, moving the clock to each time it asks for, until it pauses or finishes. */
    static void runUntilStill(CutoverRunner runner, ManualClock clock) {
        for (int i = 0; i < 1000; i++) {
            Optional<Instant> next = runner.tick();
            if (next.isEmpty()) {
                return;
            }
            clock.moveTo(next.get());
        }
        throw new AssertionError("the runner never settled");
    }
}
