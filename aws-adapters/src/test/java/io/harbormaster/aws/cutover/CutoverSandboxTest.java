package io.harbormaster.aws.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.aws.SandboxAccess;
import io.harbormaster.aws.SandboxTime;
import io.harbormaster.aws.cloudwatch.CloudWatchGateMetrics;
import io.harbormaster.aws.cloudwatch.CloudWatchMetrics;
import io.harbormaster.aws.elb.AlbWeights;
import io.harbormaster.aws.elb.ElbSides;
import io.harbormaster.aws.route53.Route53CutoverLock;
import io.harbormaster.aws.route53.Route53Weights;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.cutover.AlbWeightedForward;
import io.harbormaster.model.cutover.CutoverPhase;
import io.harbormaster.model.cutover.CutoverPlan;
import io.harbormaster.model.cutover.CutoverPlanner;
import io.harbormaster.model.cutover.CutoverPorts;
import io.harbormaster.model.cutover.CutoverRunner;
import io.harbormaster.model.cutover.CutoverSide;
import io.harbormaster.model.cutover.GateEvidence;
import io.harbormaster.model.cutover.GateMetric;
import io.harbormaster.model.cutover.GatePolicy;
import io.harbormaster.model.cutover.GateRule;
import io.harbormaster.model.cutover.GateVerdict;
import io.harbormaster.model.cutover.NoDataPolicy;
import io.harbormaster.model.cutover.PlanShape;
import io.harbormaster.model.cutover.Route53WeightedRecord;
import io.harbormaster.model.cutover.WeightedRoute;
import io.harbormaster.model.cutover.Weights;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.cutover.CutoverJournal;
import io.harbormaster.model.cutover.CutoverReconciler;
import io.harbormaster.model.cutover.Reconciliation;
import io.harbormaster.model.journal.InMemoryWriteJournal;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.WriteJournal;
import io.harbormaster.model.testdata.CrashingJournal;
import io.harbormaster.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Cutovers through the real adapters against the embedded sandbox, driven by its manual clock (no real sleeps): the
 * runner asks when it next wants to act and the test moves the sandbox's clock there.
 */
class CutoverSandboxTest {

    private SandboxAccess access;
    private Sandbox sandbox;
    private AwsSessions sessions;
    private EnvironmentSession prod;
    private AwsWeightedRoutes routes;
    private Route53CutoverLock lock;
    private ElbSides sides;
    private CloudWatchGateMetrics gates;
    private Clock clock;
    private InMemoryWriteJournal journal;

    @BeforeEach
    void enter(@TempDir Path dir) {
        access = SandboxAccess.start(dir);
        sandbox = access.sandbox();
        sessions = access.sessionsFor("alice");
        prod = sessions.enter(SandboxAccess.environment("prod"), access.deviceOf("alice"));
        Route53Weights r53 = new Route53Weights(sessions, access.clients());
        routes = new AwsWeightedRoutes(r53, new AlbWeights(sessions, access.clients()));
        lock = new Route53CutoverLock(r53);
        sides = new ElbSides(sessions, access.clients());
        gates = new CloudWatchGateMetrics(new CloudWatchMetrics(sessions, access.clients()), sessions,
                access.clients());
        clock = SandboxTime.of(sandbox);
        journal = new InMemoryWriteJournal(clock);
        sandbox.clock().advance(Duration.ofMinutes(10));   // a few minutes of traffic for the gates to read
    }

    @AfterEach
    void stop() {
        access.close();
    }

    private CutoverPorts ports() {
        return new CutoverPorts(routes, gates, lock, id -> prod, journal, clock);
    }

    private static GatePolicy policy() {
        return new GatePolicy(List.of(new GateRule(GateMetric.FIVE_XX_RATE, GateRule.Scope.TARGET, 2, 5),
                new GateRule(GateMetric.HEALTHY_HOSTS, GateRule.Scope.TARGET, 1, 1)), List.of(), NoDataPolicy.FAIL,
                Duration.ofMinutes(2), Duration.ofSeconds(30), true, true, false, Duration.ofMinutes(5));
    }

    private Route53WeightedRecord api() {
        return routes.find(prod).stream().filter(r -> r instanceof Route53WeightedRecord rec
                && rec.name().equals("api.example.com.")).map(Route53WeightedRecord.class::cast).findFirst()
                .orElseThrow();
    }

    private CutoverPlan plan(WeightedRoute route, String from, String to, PlanShape shape) {
        List<CutoverSide> resolved = sides.resolve(route, List.of(prod));
        return CutoverPlanner.plan(UUID.randomUUID().toString(), route, from, to, shape, Duration.ofMinutes(3),
                policy(), resolved);
    }

    /** Ticks, moving the sandbox clock to each time the runner asks for, until it pauses or finishes. */
    private void drive(CutoverRunner runner) {
        for (int i = 0; i < 500; i++) {
            Optional<Instant> next = runner.tick();
            if (next.isEmpty()) {
                return;
            }
            Duration wait = Duration.between(sandbox.clock().now(), next.get());
            if (!wait.isNegative() && !wait.isZero()) {
                sandbox.clock().advance(wait);
            }
        }
        throw new AssertionError("the runner never settled: " + runner.state().phase());
    }

    @Test
    void findsTheWeightedRecordWithItsSplitAndWhereEachSideLives() {
        Route53WeightedRecord api = api();
        assertThat(api.weights().encode()).isEqualTo("blue=100,green=0");
        assertThat(api.cacheTtl()).isEqualTo(Duration.ofSeconds(60));
        List<CutoverSide> resolved = sides.resolve(api, List.of(prod));
        assertThat(resolved).allSatisfy(s -> assertThat(s.resolved()).isTrue());
        assertThat(resolved.get(1).loadBalancerArn()).contains("api-green");
        assertThat(sides.health(prod, resolved.get(1)).healthy()).isPositive();
    }

    @Test
    void aRoute53CutoverReachesAHundredPercentInFourStepsWithGatesPassing() {
        Route53WeightedRecord api = api();
        CutoverPlan plan = plan(api, "blue", "green", new PlanShape.Linear(25));
        Instant started = sandbox.clock().now();
        CutoverRunner runner = CutoverRunner.start(plan, ports(), "alice", "ci");
        drive(runner);

        assertThat(runner.state().phase()).as(runner.state().pausedBecause()).isEqualTo(CutoverPhase.SUCCEEDED);
        // four bakes of 3 minutes, each after Route 53 said INSYNC (30–60 s in the sandbox)
        Duration took = Duration.between(started, sandbox.clock().now());
        assertThat(took).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(18));
        assertThat(runner.state().events()).filteredOn(e -> e.what().startsWith("Gates of step"))
                .allSatisfy(e -> assertThat(e.evidence().get("evidence")).doesNotContain("no data")
                        .containsPattern("5xx rate on green: [0-9.]+% over [1-9] points"));
        assertThat(routes.live(prod, api).encode()).isEqualTo("blue=0,green=100");
        assertThat(runner.state().events()).filteredOn(e -> e.what().startsWith("Gates of step")).hasSize(4)
                .allSatisfy(e -> assertThat(e.what()).contains("PASS → next"));
        assertThat(runner.state().events()).anySatisfy(e -> assertThat(e.evidence().getOrDefault("evidence", ""))
                .contains("INSYNC"));
        assertThat(lock.holder(prod, api)).isEmpty();
    }

    @Test
    void aFaultyTargetSideIsRolledBackByItselfWithTheEvidence() {
        sandbox.control().failTargetGroup("444444444444", "api-green", 0.3);
        Route53WeightedRecord api = api();
        CutoverRunner runner = CutoverRunner.start(plan(api, "blue", "green", new PlanShape.Linear(25)), ports(),
                "alice", "ci");
        drive(runner);

        assertThat(runner.state().phase()).isEqualTo(CutoverPhase.ROLLED_BACK);
        assertThat(routes.live(prod, api).encode()).isEqualTo("blue=100,green=0");
        GateEvidence fiveXx = runner.state().lastDecision().orElseThrow().evidence().get(0);
        assertThat(fiveXx.verdict()).isEqualTo(GateVerdict.CRITICAL);
        assertThat(fiveXx.value().getAsDouble()).isGreaterThan(5);
        assertThat(fiveXx.dataPoints()).isPositive();
        assertThat(fiveXx.reason()).contains("5xx rate on green", "critical > 5");
    }

    @Test
    void anAlbWeightedCutoverPausedAndPromotedByHand() {
        ElasticLoadBalancingV2Client elb = access.clients().elbv2(sessions.context(prod));
        String web = elb.describeTargetGroups(b -> b.names("app-web")).targetGroups().get(0).targetGroupArn();
        String search = elb.describeTargetGroups(b -> b.names("app-search")).targetGroups().get(0).targetGroupArn();
        String lbArn = elb.describeLoadBalancers(b -> b.names("app-alb")).loadBalancers().get(0).loadBalancerArn();
        Listener https = elb.describeListeners(b -> b.loadBalancerArn(lbArn)).listeners().stream()
                .filter(l -> l.port() == 443).findFirst().orElseThrow();
        Rule rule = elb.describeRules(b -> b.listenerArn(https.listenerArn())).rules().stream()
                .filter(r -> r.conditions().stream().anyMatch(c -> c.values().contains("app-web.example.com")))
                .findFirst().orElseThrow();
        elb.modifyRule(b -> b.ruleArn(rule.ruleArn()).actions(Action.builder().type(ActionTypeEnum.FORWARD)
                .forwardConfig(f -> f.targetGroups(TargetGroupTuple.builder().targetGroupArn(web).weight(100).build(),
                        TargetGroupTuple.builder().targetGroupArn(search).weight(0).build())
                        .targetGroupStickinessConfig(s -> s.enabled(true).durationSeconds(300))).build()));
        sandbox.clock().advance(Duration.ofMinutes(3));

        AlbWeightedForward forward = routes.find(prod).stream().filter(r -> r instanceof AlbWeightedForward a
                && a.ruleArn().equals(rule.ruleArn())).map(AlbWeightedForward.class::cast).findFirst().orElseThrow();
        assertThat(forward.stickinessSeconds()).isEqualTo(300);
        GatePolicy everyStep = new GatePolicy(List.of(new GateRule(GateMetric.FIVE_XX_RATE, GateRule.Scope.TARGET,
                2, 5)), List.of(), NoDataPolicy.PASS, Duration.ofMinutes(2), Duration.ofSeconds(30), true, true, true,
                Duration.ofMinutes(5));
        CutoverPlan plan = CutoverPlanner.plan("alb-1", forward, web, search, new PlanShape.Custom(List.of(10.0,
                50.0)), Duration.ofMinutes(2), everyStep, sides.resolve(forward, List.of(prod)));
        CutoverRunner runner = CutoverRunner.start(plan, ports(), "alice", "ci");
        drive(runner);
        assertThat(runner.state().phase()).isEqualTo(CutoverPhase.PAUSED);
        assertThat(runner.state().step()).isEqualTo(1);
        Weights tenPercent = routes.live(prod, forward);
        assertThat(tenPercent.percent(search)).isEqualTo(10.0);

        runner.promote("alice");
        drive(runner);
        assertThat(runner.state().phase()).isEqualTo(CutoverPhase.SUCCEEDED);
        Rule after = elb.describeRules(b -> b.ruleArns(rule.ruleArn())).rules().get(0);
        assertThat(after.actions().get(0).forwardConfig().targetGroups()).extracting(TargetGroupTuple::weight)
                .containsExactly(0, 100);
        assertThat(after.actions().get(0).forwardConfig().targetGroupStickinessConfig().durationSeconds())
                .isEqualTo(300);
        assertThat(after.conditions()).isEqualTo(rule.conditions());
    }

    @Test
    void aSecondConsoleIsRefusedByTheLockAndShownWhoHoldsIt() {
        Route53WeightedRecord api = api();
        CutoverRunner alice = CutoverRunner.start(plan(api, "blue", "green", new PlanShape.Canary(5)), ports(),
                "alice", "laptop-a");
        alice.tick();
        assertThat(alice.state().lock()).isPresent();

        CutoverRunner bob = CutoverRunner.start(plan(api, "blue", "green", new PlanShape.Canary(5)),
                new CutoverPorts(routes, gates, lock, id -> prod, new InMemoryWriteJournal(clock), clock), "bob",
                "desk-b");
        bob.tick();
        assertThat(bob.state().phase()).isEqualTo(CutoverPhase.PAUSED);
        assertThat(bob.state().blockedBy()).hasValueSatisfying(h -> {
            assertThat(h.who()).isEqualTo("alice");
            assertThat(h.machine()).isEqualTo("laptop-a");
            assertThat(h.cutoverId()).isEqualTo(alice.plan().cutoverId());
        });
        assertThat(bob.state().pausedBecause()).contains("alice on laptop-a", "_harbormaster-lock.api.example.com.");

        alice.abort("alice");
        assertThat(lock.holder(prod, api)).isEmpty();
        bob.resume("bob");
        for (int i = 0; i < 10 && bob.state().lock().isEmpty(); i++) {   // the zone may still be busy: bob waits
            bob.tick().ifPresent(t -> sandbox.clock().advance(Duration.between(sandbox.clock().now(), t)));
        }
        assertThat(bob.state().lock()).hasValueSatisfying(h -> assertThat(h.who()).isEqualTo("bob"));
        bob.abort("bob");
    }

    @Test
    void weightsChangedBehindTheRunnersBackAreDetected() {
        Route53WeightedRecord api = api();
        CutoverRunner runner = CutoverRunner.start(plan(api, "blue", "green", new PlanShape.Linear(25)), ports(),
                "alice", "ci");
        while (runner.state().phase() != CutoverPhase.BAKING) {
            runner.tick().ifPresent(t -> {
                Duration d = Duration.between(sandbox.clock().now(), t);
                if (!d.isNegative() && !d.isZero()) {
                    sandbox.clock().advance(d);
                }
            });
        }
        Route53Client r53 = access.clients().route53(sessions.context(prod), prod.identity().account());
        List<ResourceRecordSet> sets = r53.listResourceRecordSets(b -> b.hostedZoneId(api.hostedZoneId())
                .startRecordName(api.name()).startRecordType("A").maxItems("2")).resourceRecordSets();
        r53.changeResourceRecordSets(b -> b.hostedZoneId(api.hostedZoneId()).changeBatch(c -> c.changes(
                ch -> ch.action(ChangeAction.UPSERT).resourceRecordSet(sets.get(0).toBuilder().weight(100L).build()),
                ch -> ch.action(ChangeAction.UPSERT).resourceRecordSet(sets.get(1).toBuilder().weight(0L).build()))));

        drive(runner);
        assertThat(runner.state().phase()).isEqualTo(CutoverPhase.PAUSED);
        assertThat(runner.state().pausedBecause()).contains("Someone else changed the weights",
                "found blue 100 (100.0 %) · green 0 (0.0 %)");
        runner.rollBack("alice", "investigate");
        drive(runner);
        assertThat(runner.state().phase()).isEqualTo(CutoverPhase.ROLLED_BACK);
    }

    @Test
    void aConsoleKilledAfterAWriteBeforeItsAnswerIsRecordedResumesWithoutWritingTheStepAgain() {
        Route53WeightedRecord api = api();
        // Route 53 has the change of step 2; the journal never hears of it
        WriteJournal crashing = new CrashingJournal(journal).crashAt(r -> r.phase() == JournalPhase.DONE
                && "write".equals(r.fact(CutoverJournal.EVENT)) && "2".equals(r.fact(CutoverJournal.STEP)), false);
        CutoverRunner first = CutoverRunner.start(plan(api, "blue", "green", new PlanShape.Linear(25)),
                new CutoverPorts(routes, gates, lock, id -> prod, crashing, clock), "alice", "ci");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> drive(first)).isInstanceOf(CrashingJournal.Killed.class);
        sandbox.clock().advance(Duration.ofSeconds(30));

        List<JournalEntry> open = journal.openOperations(CutoverJournal.KIND).get(0);
        Reconciliation rec = CutoverReconciler.reconcile(open, routes.live(prod, api));
        assertThat(rec.situation()).isEqualTo(Reconciliation.Situation.WRITE_APPLIED_UNCONFIRMED);
        assertThat(lock.holder(prod, api)).hasValueSatisfying(h -> assertThat(h.who()).isEqualTo("alice"));

        CutoverRunner again = CutoverRunner.restore(rec, ports(), "alice", "ci");
        again.resume("alice");
        drive(again);
        assertThat(again.state().phase()).isEqualTo(CutoverPhase.SUCCEEDED);
        List<String> written = journal.operation(first.plan().cutoverId()).stream()
                .filter(e -> e.record().phase() == JournalPhase.INTENT && "write".equals(e.record().fact("event")))
                .map(e -> e.record().fact("weights")).toList();
        assertThat(written).containsExactly("blue=75,green=25", "blue=50,green=50", "blue=25,green=75",
                "blue=0,green=100");
        assertThat(lock.holder(prod, api)).isEmpty();
    }

    @Test
    void aRecordInProdsZoneMovesTrafficFromStagesLoadBalancerToProdsEachReadWithItsOwnSession() {
        EnvironmentSession stage = sessions.enter(SandboxAccess.environment("stage"), access.deviceOf("alice"));
        Route53WeightedRecord www = routes.find(prod).stream().filter(r -> r instanceof Route53WeightedRecord rec
                && rec.name().equals("www.example.com.")).map(Route53WeightedRecord.class::cast).findFirst()
                .orElseThrow();
        assertThat(www.weights().encode()).isEqualTo("prod=0,stage=100");
        List<CutoverSide> resolved = sides.resolve(www, List.of(prod, stage));
        assertThat(resolved).extracting(CutoverSide::environmentId).containsExactly("sandbox-prod",
                "sandbox-stage");
        assertThat(resolved.get(1).loadBalancerArn()).contains(":333333333333:");

        CutoverPlan plan = CutoverPlanner.plan("www-1", www, "stage", "prod", new PlanShape.Canary(10),
                Duration.ofMinutes(3), policy(), resolved);
        CutoverPorts both = new CutoverPorts(routes, gates, lock, id -> id.equals("sandbox-stage") ? stage : prod,
                journal, clock);
        CutoverRunner runner = CutoverRunner.start(plan, both, "alice", "ci");
        drive(runner);
        assertThat(runner.state().phase()).as(runner.state().pausedBecause()).isEqualTo(CutoverPhase.SUCCEEDED);
        assertThat(routes.live(prod, www).encode()).isEqualTo("prod=100,stage=0");
        assertThat(runner.state().lastDecision().orElseThrow().evidence().get(0).reason())
                .startsWith("5xx rate on prod:");
    }

    /**
     * AWS's bucket on (five a second for the account): the console paces its Route 53 calls to it, so a whole
     * cutover — writes, GetChange, read-backs, the lock — meets no Throttling at all (before the pacing it met some
     * and the SDK's retries absorbed them; a Cutovers page read twice at once did not, CI in session 10).
     */
    @Test
    void atRoute53sFiveRequestsASecondNoneOfACutoversCallsIsRefused() {
        Route53WeightedRecord api = api();
        CutoverPlan plan = plan(api, "blue", "green", new PlanShape.Canary(50));
        sandbox.control().setThrottling(true);
        sandbox.control().recordRequests(true);
        try {
            CutoverRunner runner = CutoverRunner.start(plan, ports(), "alice", "ci");
            drive(runner);
            long throttled = sandbox.control().recordedRequests().stream()
                    .filter(r -> r.path().startsWith("/2013-04-01/") && r.status() == 400).count();
            assertThat(sandbox.control().recordedRequests()).as("Route 53 requests recorded")
                    .anyMatch(r -> r.path().startsWith("/2013-04-01/"));
            assertThat(throttled).as("Route 53 requests refused with Throttling").isZero();
            assertThat(runner.state().phase()).as(runner.state().pausedBecause()).isEqualTo(CutoverPhase.SUCCEEDED);
            assertThat(runner.state().problem()).isEmpty();
        } finally {
            sandbox.control().setThrottling(false);
        }
        assertThat(routes.live(prod, api).encode()).isEqualTo("blue=0,green=100");
    }
}
