package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.harbormaster.sandbox.core.Telemetry;
import io.harbormaster.sandbox.core.Telemetry.MetricKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * A cutover as the metrics see it, on the manual clock: Route 53 weights move requests by their effective split
 * (weight ÷ sum, all zero = equal) only once the change is INSYNC and the TTL of the answers clients cached has
 * passed; ALB weights move them at once; a record in prod's zone moves traffic between stage's and prod's load
 * balancers; a target group made to fail by the control knob answers 5xx as soon as the weights send it requests.
 */
class CutoverTrafficTest {

    private static final String PROD = "444444444444";
    private static final String STAGE = "333333333333";
    private static final String REGION = "us-east-1";
    private static final String ELB = "AWS/ApplicationELB";
    private static final Duration FIVE = Duration.ofMinutes(5);

    private static Sandbox sandbox;
    private static SdkClients clients;
    private static Telemetry telemetry;
    private static AwsCredentials prodAdmin;
    private static AwsCredentials stageAdmin;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        clients = new SdkClients(sandbox);
        telemetry = sandbox.world().component(Telemetry.class);
        prodAdmin = clients.role("alice", "prod", "admin");
        stageAdmin = clients.role("alice", "stage", "admin");
    }

    @AfterAll
    static void stop() {
        clients.close();
        sandbox.close();
    }

    private static Map<String, String> dims(ElasticLoadBalancingV2Client elb, String lbName, String tgName) {
        String lbArn = elb.describeLoadBalancers(b -> b.names(lbName)).loadBalancers().get(0).loadBalancerArn();
        String tgArn = elb.describeTargetGroups(b -> b.names(tgName)).targetGroups().get(0).targetGroupArn();
        return Map.of("LoadBalancer", lbArn.substring(lbArn.indexOf(":loadbalancer/") + 14),
                "TargetGroup", tgArn.substring(tgArn.lastIndexOf(':') + 1));
    }

    private static double sum(String account, String metric, Map<String, String> dims, Instant from, Duration d) {
        return telemetry.sample(account, REGION, MetricKey.of(ELB, metric, dims), from, d, "Sum").orElse(0);
    }

    private static Instant now() {
        return sandbox.clock().now();
    }

    private static Instant nextMinute(Instant t) {
        Instant m = t.truncatedTo(ChronoUnit.MINUTES);
        return m.equals(t) ? m : m.plus(Duration.ofMinutes(1));
    }

    private static String zone(Route53Client r53) {
        return r53.listHostedZonesByName(b -> b.dnsName("example.com.")).hostedZones().get(0).id();
    }

    private static List<ResourceRecordSet> records(Route53Client r53, String zoneId, String name) {
        return r53.listResourceRecordSets(b -> b.hostedZoneId(zoneId).startRecordName(name).maxItems("2"))
                .resourceRecordSets();
    }

    /** Submits weights for a two-set record and moves the clock second by second until INSYNC; answers that moment. */
    private static Instant weigh(Route53Client r53, String zoneId, List<ResourceRecordSet> sets, long first, long second) {
        String id = r53.changeResourceRecordSets(b -> b.hostedZoneId(zoneId).changeBatch(c -> c.changes(
                Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(sets.get(0).toBuilder().weight(first).build()).build(),
                Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(sets.get(1).toBuilder().weight(second).build()).build())))
                .changeInfo().id();
        for (int s = 0; s < 120; s++) {
            sandbox.clock().advance(Duration.ofSeconds(1));
            if (r53.getChange(b -> b.id(id)).changeInfo().status() == ChangeStatus.INSYNC) {
                return now();
            }
        }
        throw new AssertionError("not INSYNC within two minutes");
    }

    @Test
    void route53WeightsMoveRequestsByTheirEffectiveSplitOnlyAfterTheTtlAndAFailingSideAnswersFiveHundreds() {
        try (Route53Client r53 = clients.route53(prodAdmin); ElasticLoadBalancingV2Client elb = clients.elb(prodAdmin)) {
            Map<String, String> blue = dims(elb, "api-blue", "api-blue");
            Map<String, String> green = dims(elb, "api-green", "api-green");
            String z = zone(r53);
            List<ResourceRecordSet> api = records(r53, z, "api.example.com.");
            assertThat(api).extracting(ResourceRecordSet::setIdentifier).containsExactly("blue", "green");
            sandbox.control().failTargetGroup(PROD, "api-green", 0.3); // green is broken, but has no traffic yet

            Instant insync = weigh(r53, z, api, 3, 1); // 75 % / 25 %
            Instant cached = nextMinute(insync); // a minute that starts before the alias TTL (60 s) has passed
            Instant effective = nextMinute(insync.plusSeconds(60));
            sandbox.clock().advance(Duration.between(now(), effective.plus(Duration.ofMinutes(6))));

            assertThat(cached).isBefore(insync.plusSeconds(60));
            assertThat(sum(PROD, "RequestCount", green, cached, Duration.ofMinutes(1)))
                    .as("clients still hold the old answers for the TTL after INSYNC").isZero();
            assertThat(sum(PROD, "RequestCount", blue, cached, Duration.ofMinutes(1))).isPositive();
            double b = sum(PROD, "RequestCount", blue, effective, FIVE);
            double g = sum(PROD, "RequestCount", green, effective, FIVE);
            assertThat(g / (b + g)).as("weight 1 of 4").isCloseTo(0.25, within(0.02));
            assertThat(sum(PROD, "HTTPCode_Target_5XX_Count", green, effective, FIVE) / g).isCloseTo(0.3, within(0.03));
            assertThat(sum(PROD, "HTTPCode_Target_5XX_Count", blue, effective, FIVE) / b).isLessThan(0.005);
            assertThat(telemetry.sample(PROD, REGION, MetricKey.of(ELB, "HealthyHostCount", green), effective, FIVE,
                    "Minimum").orElseThrow()).as("errors, yet healthy: the gate must read 5xx").isEqualTo(400);

            sandbox.control().failTargetGroup(PROD, "api-green", 0);
            Instant equal = weigh(r53, z, api, 0, 0); // all zero: an equal split
            Instant from = nextMinute(equal.plusSeconds(60));
            sandbox.clock().advance(Duration.between(now(), from.plus(Duration.ofMinutes(6))));
            b = sum(PROD, "RequestCount", blue, from, FIVE);
            g = sum(PROD, "RequestCount", green, from, FIVE);
            assertThat(g / (b + g)).as("all weights zero: equal").isCloseTo(0.5, within(0.02));
            assertThat(sum(PROD, "HTTPCode_Target_5XX_Count", green, from, FIVE) / g).as("healed").isLessThan(0.005);
        }
    }

    @Test
    void aRecordInProdsZoneMovesTrafficFromStagesLoadBalancerToProds() {
        Map<String, String> stageWeb;
        try (ElasticLoadBalancingV2Client elb = clients.elb(stageAdmin)) {
            stageWeb = dims(elb, "app-alb", "app-web");
        }
        try (Route53Client r53 = clients.route53(prodAdmin); ElasticLoadBalancingV2Client elb = clients.elb(prodAdmin)) {
            Map<String, String> prodWeb = dims(elb, "app-alb", "app-web");
            Map<String, String> stageCpu = Map.of("ClusterName", "app", "ServiceName", "app-web");
            String z = zone(r53);
            List<ResourceRecordSet> www = records(r53, z, "www.example.com.");
            assertThat(www).extracting(ResourceRecordSet::setIdentifier, ResourceRecordSet::weight)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("prod", 0L), org.assertj.core.groups.Tuple.tuple("stage", 100L));

            Instant before = now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(6));
            double stageBefore = sum(STAGE, "RequestCount", stageWeb, before, FIVE);
            double prodBefore = sum(PROD, "RequestCount", prodWeb, before, FIVE);
            double cpuBefore = telemetry.sample(STAGE, REGION, MetricKey.of("AWS/ECS", "CPUUtilization", stageCpu),
                    before, FIVE, "Average").orElseThrow();
            assertThat(stageBefore).as("stage's app-web serves prod's www").isGreaterThan(prodBefore * 0.2);

            Instant insync = weigh(r53, z, www, 255, 0); // prod 255, stage 0
            Instant from = nextMinute(insync.plusSeconds(60));
            sandbox.clock().advance(Duration.between(now(), from.plus(Duration.ofMinutes(6))));
            double stageAfter = sum(STAGE, "RequestCount", stageWeb, from, FIVE);
            double prodAfter = sum(PROD, "RequestCount", prodWeb, from, FIVE);
            double moved = stageBefore - stageAfter;
            assertThat(stageAfter).as("only stage's own names are left").isLessThan(stageBefore * 0.3);
            assertThat(prodAfter - prodBefore).isCloseTo(moved, within(moved * 0.25));
            assertThat(telemetry.sample(STAGE, REGION, MetricKey.of("AWS/ECS", "CPUUtilization", stageCpu), from, FIVE,
                    "Average").orElseThrow()).as("stage's hosts cool down").isLessThan(cpuBefore - 10);
        }
    }

    @Test
    void albWeightsMoveRequestsAtOnce() {
        try (ElasticLoadBalancingV2Client elb = clients.elb(prodAdmin)) {
            Map<String, String> search = dims(elb, "app-alb", "app-search");
            Map<String, String> notifications = dims(elb, "app-alb", "app-notifications");
            String lb = elb.describeLoadBalancers(b -> b.names("app-alb")).loadBalancers().get(0).loadBalancerArn();
            String listener = elb.describeListeners(b -> b.loadBalancerArn(lb)).listeners().stream()
                    .filter(l -> l.port() == 443).findFirst().orElseThrow().listenerArn();
            String rule = elb.describeRules(b -> b.listenerArn(listener)).rules().stream()
                    .filter(r -> r.conditions().stream().anyMatch(c -> c.values().contains("app-search.example.com")))
                    .findFirst().orElseThrow().ruleArn();

            sandbox.clock().advance(Duration.ofSeconds(30));
            Instant last = now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
            double searchBefore = sum(PROD, "RequestCount", search, last, Duration.ofMinutes(1));
            double notificationsBefore = sum(PROD, "RequestCount", notifications, last, Duration.ofMinutes(1));
            elb.modifyRule(b -> b.ruleArn(rule).actions(Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(f -> f
                    .targetGroups(TargetGroupTuple.builder().targetGroupArn(elb.describeTargetGroups(t -> t.names("app-search"))
                                    .targetGroups().get(0).targetGroupArn()).weight(1).build(),
                            TargetGroupTuple.builder().targetGroupArn(elb.describeTargetGroups(t -> t.names("app-notifications"))
                                    .targetGroups().get(0).targetGroupArn()).weight(1).build())).build()));
            Instant next = nextMinute(now());
            sandbox.clock().advance(Duration.between(now(), next.plus(Duration.ofMinutes(1))));
            double searchAfter = sum(PROD, "RequestCount", search, next, Duration.ofMinutes(1));
            double notificationsAfter = sum(PROD, "RequestCount", notifications, next, Duration.ofMinutes(1));
            assertThat(searchAfter / searchBefore).as("half of app-search's name, the next minute").isCloseTo(0.5, within(0.05));
            assertThat(notificationsAfter - notificationsBefore).isCloseTo(searchBefore / 2, within(searchBefore * 0.2));
        }
    }
}
