package io.harbormaster.app.journey;

import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.SqliteWriteJournal;
import io.harbormaster.aws.cloudwatch.CloudWatchGateMetrics;
import io.harbormaster.aws.cloudwatch.CloudWatchMetrics;
import io.harbormaster.aws.config.AwsConfigFiles;
import io.harbormaster.aws.config.AwsProfiles;
import io.harbormaster.aws.cutover.AwsWeightedRoutes;
import io.harbormaster.aws.elb.AlbWeights;
import io.harbormaster.aws.elb.ElbSides;
import io.harbormaster.aws.route53.Route53CutoverLock;
import io.harbormaster.aws.route53.Route53Weights;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.cutover.AlbWeightedForward;
import io.harbormaster.model.cutover.CutoverPlan;
import io.harbormaster.model.cutover.CutoverPlanner;
import io.harbormaster.model.cutover.CutoverRunner;
import io.harbormaster.model.cutover.CutoverService;
import io.harbormaster.model.cutover.CutoverState;
import io.harbormaster.model.cutover.GateMetric;
import io.harbormaster.model.cutover.GatePolicy;
import io.harbormaster.model.cutover.GateRule;
import io.harbormaster.model.cutover.NoDataPolicy;
import io.harbormaster.model.cutover.PlanShape;
import io.harbormaster.model.cutover.ReadBack;
import io.harbormaster.model.cutover.Reconciliation;
import io.harbormaster.model.cutover.ShiftWeights;
import io.harbormaster.model.cutover.WeightedRoute;
import io.harbormaster.model.cutover.Weights;
import io.harbormaster.model.cutover.WriteOutcome;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The console's cutover machinery in a process of its own, for {@link CutoverKillTest}: the real adapters, the
 * SQLite journal in a file and a {@link CutoverService} driving the runner on the wall clock, against a sandbox
 * listening in the test's JVM. It tells the test where it is through a signal file, and at the chosen journal point
 * it stops and waits to be killed (SIGKILL: nothing of it runs afterwards).
 *
 * <p>Arguments: {@code home db signals start <point> <step>} or {@code home db signals resume}. Points:
 * before-write (INTENT journaled, the ModifyRule not sent), after-write (sent, its DONE not journaled),
 * before-readback (DONE journaled, not read back), mid-bake (confirmed, baking). A console refused by another's
 * lock signals {@code BLOCKED <holder>} and stops.
 */
public final class CutoverChild {

    static final String ROUTE_HOST = "www.example.com";
    static final Environment STAGE = new Environment("sandbox-stage", "stage", "sandbox-stage", "sandbox-ops",
            "333333333333", "arn:aws:iam::333333333333:role/admin", List.of("us-east-1"), "#B26A00", false, false, 2);

    private CutoverChild() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path signals = Path.of(args[2]);
        String mode = args[3];
        String point = args.length > 4 ? args[4] : "";
        int killStep = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        AwsConfigFiles files = new AwsConfigFiles(home.resolve("sandbox/config"), home.resolve("sandbox/credentials"));
        AwsClientFactory clients = new AwsClientFactory();
        Clock clock = Clock.systemUTC();
        AwsSessions sessions = new AwsSessions(() -> AwsProfiles.load(files), clients, clock);
        MfaPrompt noMfa = (environment, serial) -> Optional.empty();
        EnvironmentSession stage = sessions.enter(STAGE, noMfa);
        Route53Weights r53 = new Route53Weights(sessions, clients);
        AwsWeightedRoutes routes = new AwsWeightedRoutes(r53, new AlbWeights(sessions, clients));
        KillPoints shift = new KillPoints(routes, "start".equals(mode) ? point : "", killStep, signals);
        ElbSides sides = new ElbSides(sessions, clients);
        SqliteWriteJournal journal = new SqliteWriteJournal(LocalStore.open(Path.of(args[1])), clock);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        CutoverService service = new CutoverService(new CutoverService.Ports(routes, shift,
                new Route53CutoverLock(r53), new CloudWatchGateMetrics(new CloudWatchMetrics(sessions, clients),
                        sessions, clients), sides, sides, null, id -> stage, journal, clock), "alice",
                "child-" + ProcessHandle.current().pid(), ticker, Duration.ofMillis(100));

        CutoverRunner runner;
        if ("start".equals(mode)) {
            WeightedRoute route = service.find(STAGE.id()).stream().filter(r -> r instanceof AlbWeightedForward a
                    && a.displayName().contains("app-alb") && a.targets().size() == 2).findFirst().orElseThrow();
            String from = route.targets().get(0).id();
            String to = route.targets().get(1).id();
            GatePolicy gates = new GatePolicy(List.of(new GateRule(GateMetric.FIVE_XX_RATE, GateRule.Scope.TARGET,
                    50, 90)), List.of(), NoDataPolicy.PASS, Duration.ofMinutes(1), Duration.ZERO, true, false, false,
                    Duration.ofMinutes(1));
            // 4 s a step, not less: with a 1 s bake the end's lock release came while Route 53 was still processing
            // the lock's previous change (PriorRequestNotComplete, three SDK attempts), the lock stayed held and the
            // next kill point's child was refused by it (seen 2026-12-06 under load; the release does not wait)
            CutoverPlan plan = CutoverPlanner.plan(UUID.randomUUID().toString(), route, from, to,
                    new PlanShape.Linear(25), Duration.ofSeconds(4), gates, sides.resolve(route, List.of(stage)));
            signal(signals, "PLAN " + plan.cutoverId());
            runner = service.start(plan);
        } else {
            List<Reconciliation> open = service.reconcileOpen();
            Reconciliation rec = open.get(0);
            signal(signals, "RECONCILED " + rec.situation() + " " + rec.checkpoint().step());
            runner = service.restore(rec);
            runner.resume("alice");
        }
        String watch = point;
        runner.addListener(s -> {
            if ("mid-bake".equals(watch) && s.phase() == io.harbormaster.model.cutover.CutoverPhase.BAKING
                    && s.step() == killStep) {
                signal(signals, "AT mid-bake");
                sleepForever();
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!runner.finished() && System.nanoTime() < deadline) {
            if (runner.state().blockedBy().isPresent()) {
                // another console holds the lock: say who, as the live view does, and write nothing
                signal(signals, "BLOCKED " + runner.state().blockedBy().get().describe());
                service.close();
                ticker.shutdownNow();
                System.exit(0);
            }
            Thread.sleep(50);
        }
        CutoverState end = runner.state();
        signal(signals, "END " + end.phase() + " " + end.confirmed().encode());
        service.close();
        ticker.shutdownNow();
        System.exit(0);
    }

    static void signal(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void sleepForever() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The weights port with the kill points in it; every write that reaches AWS is signalled. */
    private static final class KillPoints implements ShiftWeights {
        private final ShiftWeights delegate;
        private final String point;
        private final int step;
        private final Path signals;
        private final AtomicInteger writes = new AtomicInteger();

        KillPoints(ShiftWeights delegate, String point, int step, Path signals) {
            this.delegate = delegate;
            this.point = point;
            this.step = step;
            this.signals = signals;
        }

        @Override
        public WriteOutcome write(EnvironmentSession session, WeightedRoute route, Weights weights) {
            int n = writes.incrementAndGet();
            if (n == step && "before-write".equals(point)) {
                signal(signals, "AT before-write");
                sleepForever();
            }
            WriteOutcome outcome = delegate.write(session, route, weights);
            signal(signals, "WROTE " + weights.encode());
            if (n == step && "after-write".equals(point)) {
                signal(signals, "AT after-write");
                sleepForever();
            }
            return outcome;
        }

        @Override
        public ReadBack readBack(EnvironmentSession session, WeightedRoute route, Weights expected, String changeId) {
            if (writes.get() == step && "before-readback".equals(point)) {
                signal(signals, "AT before-readback");
                sleepForever();
            }
            return delegate.readBack(session, route, expected, changeId);
        }

        @Override
        public Weights live(EnvironmentSession session, WeightedRoute route) {
            return delegate.live(session, route);
        }
    }
}
