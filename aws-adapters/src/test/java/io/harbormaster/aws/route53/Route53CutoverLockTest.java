package io.harbormaster.aws.route53;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.aws.SandboxAccess;
import io.harbormaster.aws.cutover.AwsWeightedRoutes;
import io.harbormaster.aws.elb.AlbWeights;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.cutover.AlbWeightedForward;
import io.harbormaster.model.cutover.LockHolder;
import io.harbormaster.model.cutover.LockOutcome;
import io.harbormaster.model.cutover.Route53WeightedRecord;
import io.harbormaster.model.cutover.WeightedRoute;
import io.harbormaster.model.cutover.WeightedTarget;
import io.harbormaster.model.environment.EnvironmentSession;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;

/** The lock as a TXT record in the sandbox's Route 53: atomic take, refusal showing the holder, takeover, release. */
class Route53CutoverLockTest {

    private static SandboxAccess access;
    private static EnvironmentSession prod;
    private static Route53CutoverLock lock;
    private static Route53WeightedRecord api;
    private static Route53Weights r53;

    @BeforeAll
    static void enter(@TempDir Path dir) {
        access = SandboxAccess.start(dir);
        AwsSessions sessions = access.sessionsFor("alice");
        prod = sessions.enter(SandboxAccess.environment("prod"), access.deviceOf("alice"));
        r53 = new Route53Weights(sessions, access.clients());
        lock = new Route53CutoverLock(r53);
        api = r53.find(prod).stream().filter(r -> r.name().equals("api.example.com.")).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    private static void settle() {
        access.sandbox().clock().advance(Duration.ofSeconds(90));   // let the zone's changes go INSYNC
    }

    @Test
    void theValueRoundTripsWithQuotesAndBackslashes() {
        LockHolder h = new LockHolder("arn:aws:iam::111111111111:user/o'neil\\x", Instant.parse(
                "2026-12-06T03:00:00Z"), "c-1", "host 7");
        assertThat(Route53CutoverLock.parse(Route53CutoverLock.format(h))).isEqualTo(h);
        assertThat(Route53CutoverLock.format(h)).startsWith("\"harbormaster-lock\" \"who=");
    }

    @Test
    void oneTakesItTheOtherIsShownWhoThenTakesItOverAndReleases() {
        LockHolder alice = new LockHolder("alice", access.sandbox().clock().now(), "cut-a", "laptop-a");
        LockHolder bob = new LockHolder("bob", access.sandbox().clock().now(), "cut-b", "desk-b");
        LockOutcome first = lock.acquire(prod, api, alice);
        assertThat(first).isInstanceOf(LockOutcome.Acquired.class);
        assertThat(((LockOutcome.Acquired) first).where()).isEqualTo("TXT _harbormaster-lock.api.example.com. in zone "
                + api.hostedZoneId());
        settle();

        LockOutcome second = lock.acquire(prod, api, bob);
        assertThat(second).isInstanceOf(LockOutcome.HeldBy.class);
        assertThat(((LockOutcome.HeldBy) second).holder()).isEqualTo(alice);
        assertThat(lock.holder(prod, api)).contains(alice);
        settle();

        LockHolder notAlice = new LockHolder("carol", alice.since(), "cut-c", "x");
        assertThat(lock.takeOver(prod, api, notAlice, bob)).isInstanceOf(LockOutcome.HeldBy.class);
        assertThat(lock.takeOver(prod, api, alice, bob)).isInstanceOf(LockOutcome.Acquired.class);
        assertThat(lock.holder(prod, api)).contains(bob);
        settle();

        lock.release(prod, api, alice);   // not alice's any more: left alone
        assertThat(lock.holder(prod, api)).contains(bob);
        settle();
        lock.release(prod, api, bob);
        assertThat(lock.holder(prod, api)).isEmpty();
        settle();
    }

    @Test
    void aReleaseRefusedWhileTheZonesChangesArePendingWaitsForThemThenDeletesTheLock() {
        settle();
        List<Duration> waits = new ArrayList<>();
        Route53CutoverLock patient = new Route53CutoverLock(r53, d -> {
            waits.add(d);
            access.sandbox().clock().advance(d);
        });
        LockHolder alice = new LockHolder("alice", access.sandbox().clock().now(), "cut-busy", "laptop-a");
        assertThat(patient.acquire(prod, api, alice)).isInstanceOf(LockOutcome.Acquired.class);
        for (int i = 0; i < 2; i++) {   // with the lock's CREATE, as many changes pending as a zone takes
            String name = "_busy-" + i + "." + api.name();
            r53.client(prod).changeResourceRecordSets(b -> b.hostedZoneId(api.hostedZoneId()).changeBatch(c -> c
                    .changes(Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(r -> r.name(name)
                            .type(RRType.TXT).ttl(60L).resourceRecords(v -> v.value("\"busy\""))).build())));
        }

        patient.release(prod, api, alice);

        assertThat(waits).as("refused with PriorRequestNotComplete, waited, sent again").isNotEmpty()
                .startsWith(Route53CutoverLock.FIRST_WAIT);
        assertThat(lock.holder(prod, api)).isEmpty();
        settle();
    }

    @Test
    void anAlbRulesLockLivesInAZoneOfItsEnvironment() {
        AlbWeightedForward rule = new AlbWeightedForward("sandbox-prod", "us-east-1", "arn:lb", "app-alb",
                "arn:aws:elasticloadbalancing:us-east-1:444444444444:listener/app/app-alb/1/2", 443,
                "arn:aws:elasticloadbalancing:us-east-1:444444444444:listener-rule/app/app-alb/1/2/3", "10", 0,
                List.of(new WeightedTarget("tg-a", "a", "tg-a", 1), new WeightedTarget("tg-b", "b", "tg-b", 0)));
        LockHolder alice = new LockHolder("alice", access.sandbox().clock().now(), "cut-alb", "laptop-a");
        LockOutcome taken = lock.acquire(prod, rule, alice);
        assertThat(((LockOutcome.Acquired) taken).where()).matches("TXT _harbormaster-lock-[0-9a-f]{16}\\.example"
                + "\\.com\\. in zone .*");
        settle();
        lock.release(prod, rule, alice);
        assertThat(lock.holder(prod, rule)).isEmpty();
        settle();
        assertThat(new AwsWeightedRoutes(new Route53Weights(access.sessionsFor("alice"), access.clients()),
                new AlbWeights(access.sessionsFor("alice"), access.clients()))).isNotNull();
    }

    @Test
    void theListsLocksAreReadTogetherZoneByZoneNotARouteAtATime() {
        settle();
        List<WeightedRoute> routes = new ArrayList<>(r53.find(prod));
        assertThat(routes).hasSizeGreaterThanOrEqualTo(3);
        AlbWeightedForward rule = new AlbWeightedForward("sandbox-prod", "us-east-1", "arn:lb", "app-alb",
                "arn:aws:elasticloadbalancing:us-east-1:444444444444:listener/app/app-alb/1/2", 443,
                "arn:aws:elasticloadbalancing:us-east-1:444444444444:listener-rule/app/app-alb/1/2/4", "11", 0,
                List.of(new WeightedTarget("tg-a", "a", "tg-a", 1), new WeightedTarget("tg-b", "b", "tg-b", 0)));
        routes.add(rule);
        LockHolder alice = new LockHolder("alice", access.sandbox().clock().now(), "cut-list", "laptop-a");
        LockHolder bob = new LockHolder("bob", access.sandbox().clock().now(), "cut-rule", "desk-b");
        assertThat(lock.acquire(prod, api, alice)).isInstanceOf(LockOutcome.Acquired.class);
        assertThat(lock.acquire(prod, rule, bob)).isInstanceOf(LockOutcome.Acquired.class);
        settle();

        Map<String, Long> before = access.sandbox().control().requestsByOperation();
        List<Optional<LockHolder>> holders = lock.holders(prod, routes);
        Map<String, Long> after = access.sandbox().control().requestsByOperation();

        List<Optional<LockHolder>> oneByOne = routes.stream().map(r -> lock.holder(prod, r)).toList();
        assertThat(holders).isEqualTo(oneByOne);
        assertThat(holders.get(routes.indexOf(api))).contains(alice);
        assertThat(holders.get(routes.size() - 1)).contains(bob);
        assertThat(holders.stream().filter(Optional::isPresent)).hasSize(2);
        long calls = after.entrySet().stream().filter(e -> e.getKey().startsWith("route53."))
                .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
        // the zones once, then prod's public zone (every lock is there) listed whole: one page
        assertThat(calls).as("Route 53 calls for " + routes.size() + " routes' locks").isEqualTo(2);

        lock.release(prod, api, alice);
        lock.release(prod, rule, bob);
        settle();
    }
}
