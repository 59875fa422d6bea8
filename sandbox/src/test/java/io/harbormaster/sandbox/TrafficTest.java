package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.sandbox.core.Telemetry;
import io.harbormaster.sandbox.core.Telemetry.MetricKey;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The traffic model as CloudWatch will read it: requests follow Route 53 weights (moved through the wire, as an
 * operator would), business hours peak, a faulty version serves 5xx, and a full day of many series is cheap.
 */
class TrafficTest {

    private static final String PROD = "444444444444";
    private static final String DEV = "222222222222";
    private static final String REGION = "us-east-1";
    private static final String ELB = "AWS/ApplicationELB";

    private static Sandbox sandbox;
    private static SdkClients clients;
    private static SdkClients net;
    private static Telemetry telemetry;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests().withBusinessDay(true)); // its peak and nights are what it tests
        clients = new SdkClients(sandbox);
        net = new SdkClients(sandbox);
        telemetry = sandbox.world().component(Telemetry.class);
    }

    @AfterAll
    static void stop() {
        net.close();
        clients.close();
        sandbox.close();
    }

    /** The {LoadBalancer, TargetGroup} dimensions of a dedicated or shared ALB's target group, read through ELBv2. */
    private static Map<String, String> dims(ElasticLoadBalancingV2Client elb, String lbName, String tgName) {
        String lbArn = elb.describeLoadBalancers(b -> b.names(lbName)).loadBalancers().get(0).loadBalancerArn();
        String tgArn = elb.describeTargetGroups(b -> b.names(tgName)).targetGroups().get(0).targetGroupArn();
        return Map.of("LoadBalancer", lbArn.substring(lbArn.indexOf(":loadbalancer/") + 14),
                "TargetGroup", tgArn.substring(tgArn.lastIndexOf(':') + 1));
    }

    private static double sum(String account, String metric, Map<String, String> dims, Instant from, Duration d) {
        OptionalDouble v = telemetry.sample(account, REGION, MetricKey.of(ELB, metric, dims), from, d, "Sum");
        return v.orElse(0);
    }

    private static Instant now() {
        return sandbox.clock().now();
    }

    @Test
    void shiftingWeightedRecordsMovesRequestsFromBlueToGreenAfterTheChangeNotBefore() {
        AwsCredentials admin = clients.role("alice", "prod", "admin");
        try (var elb = net.elb(admin); Route53Client r53 = net.route53(admin)) {
            Map<String, String> blue = dims(elb, "api-blue", "api-blue");
            Map<String, String> green = dims(elb, "api-green", "api-green");
            Instant before = now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));
            Duration five = Duration.ofMinutes(5);
            double blueBefore = sum(PROD, "RequestCount", blue, before, five);
            assertThat(blueBefore).isGreaterThan(10_000);
            assertThat(telemetry.sample(PROD, REGION, MetricKey.of(ELB, "RequestCount", green), before, five, "Sum")).isEmpty();
            double greenCpuBefore = telemetry.sample(PROD, REGION, MetricKey.of("AWS/ECS", "CPUUtilization",
                    Map.of("ClusterName", "api", "ServiceName", "api-green")), before, five, "Average").orElseThrow();

            String zone = r53.listHostedZonesByName(b -> b.dnsName("example.com.")).hostedZones().get(0).id();
            List<ResourceRecordSet> api = r53.listResourceRecordSets(b -> b.hostedZoneId(zone)
                    .startRecordName("api.example.com.").maxItems("2")).resourceRecordSets();
            var info = r53.changeResourceRecordSets(b -> b.hostedZoneId(zone).changeBatch(c -> c.changes(
                    Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(api.get(0).toBuilder().weight(0L).build()).build(),
                    Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(api.get(1).toBuilder().weight(100L).build()).build())))
                    .changeInfo();
            sandbox.clock().advance(Duration.ofSeconds(61));
            assertThat(r53.getChange(b -> b.id(info.id())).changeInfo().status()).isEqualTo(ChangeStatus.INSYNC);
            sandbox.clock().advance(Duration.ofSeconds(60)); // resolvers' cached answers expire (ELB alias TTL)
            Instant after = now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
            sandbox.clock().advance(Duration.ofMinutes(7));

            assertThat(sum(PROD, "RequestCount", green, after, five)).isGreaterThan(blueBefore * 0.6);
            assertThat(telemetry.sample(PROD, REGION, MetricKey.of(ELB, "RequestCount", blue), after, five, "Sum")).isEmpty();
            assertThat(sum(PROD, "RequestCount", blue, before, five)).isEqualTo(blueBefore);
            assertThat(telemetry.sample(PROD, REGION, MetricKey.of(ELB, "RequestCount", green), before, five, "Sum")).isEmpty();
            assertThat(telemetry.sample(PROD, REGION, MetricKey.of("AWS/ECS", "CPUUtilization",
                    Map.of("ClusterName", "api", "ServiceName", "api-green")), after, five, "Average").orElseThrow())
                    .isGreaterThan(greenCpuBefore + 20);

            MetricKey latency = MetricKey.of(ELB, "TargetResponseTime", green);
            double p50 = telemetry.sample(PROD, REGION, latency, after, five, "p50").orElseThrow();
            double p99 = telemetry.sample(PROD, REGION, latency, after, five, "p99").orElseThrow();
            double avg = telemetry.sample(PROD, REGION, latency, after, five, "Average").orElseThrow();
            assertThat(p50).isBetween(0.005, 1.0);
            assertThat(p99).isGreaterThan(p50 * 1.5);
            assertThat(avg).isGreaterThan(p50);
            assertThat(telemetry.sample(PROD, REGION, latency, after, five, "SampleCount").orElseThrow())
                    .isEqualTo(sum(PROD, "RequestCount", green, after, five));
            assertThat(telemetry.sample(PROD, REGION, MetricKey.of(ELB, "HealthyHostCount", green), after, five, "Minimum")
                    .orElseThrow()).isEqualTo(400);
        }
    }

    @Test
    void businessHoursPeakAndNightsAndWeekendsRunAtAboutSixtyPercent() {
        ZoneId eastern = ZoneId.of("America/New_York");
        ZonedDateTime day = now().atZone(eastern).truncatedTo(ChronoUnit.DAYS);
        while (day.getDayOfWeek().getValue() >= 6 || !day.withHour(15).toInstant().isBefore(now())) {
            day = day.minusDays(1);
        }
        ZonedDateTime saturday = day;
        while (saturday.getDayOfWeek() != DayOfWeek.SATURDAY || !saturday.withHour(15).toInstant().isBefore(now())) {
            saturday = saturday.minusDays(1);
        }
        Map<String, String> lb = Map.of("LoadBalancer", lbDimension("api-blue"));
        Duration hour = Duration.ofHours(1);
        double peak = sum(PROD, "RequestCount", lb, day.withHour(13).toInstant(), hour);
        double night = sum(PROD, "RequestCount", lb, day.withHour(3).toInstant(), hour);
        double weekend = sum(PROD, "RequestCount", lb, saturday.withHour(13).toInstant(), hour);
        assertThat(night / peak).isBetween(0.5, 0.7);
        assertThat(weekend / peak).isBetween(0.5, 0.75);
        assertThat(peak).isGreaterThan(night);
    }

    private static String lbDimension(String name) {
        try (var elb = net.elb(clients.role("carol", "prod", "readonly"))) {
            return dims(elb, name, name).get("LoadBalancer");
        }
    }

    @Test
    void aFlakyVersionServesFiveHundredsAfterItIsDeployed() {
        AwsCredentials admin = clients.role("alice", "dev", "admin");
        try (var elb = net.elb(admin); EcsClient ecs = clients.ecs(admin)) {
            Map<String, String> api = dims(elb, "dev-alb", "api");
            Duration three = Duration.ofMinutes(3);
            Instant before = now().truncatedTo(ChronoUnit.MINUTES).minus(three);
            double requestsBefore = sum(DEV, "RequestCount", api, before, three);
            assertThat(requestsBefore).isGreaterThan(100);
            assertThat(sum(DEV, "HTTPCode_Target_5XX_Count", api, before, three)).isLessThan(requestsBefore * 0.01);

            var current = ecs.describeServices(b -> b.cluster("dev").services("api")).services().get(0);
            var td = ecs.describeTaskDefinition(b -> b.taskDefinition(current.taskDefinition())).taskDefinition();
            String flaky = ecs.registerTaskDefinition(b -> b.family(td.family()).networkMode(td.networkMode())
                    .containerDefinitions(td.containerDefinitions().get(0).toBuilder()
                            .image("registry.example.com/api:1.44.0-flaky").build())).taskDefinition().taskDefinitionArn();
            ecs.updateService(b -> b.cluster("dev").service("api").taskDefinition(flaky));
            sandbox.clock().advance(Duration.ofMinutes(3));
            Instant after = now().truncatedTo(ChronoUnit.MINUTES);
            sandbox.clock().advance(three);

            double requests = sum(DEV, "RequestCount", api, after, three);
            double errors = sum(DEV, "HTTPCode_Target_5XX_Count", api, after, three);
            assertThat(requests).isGreaterThan(100);
            assertThat(errors / requests).isBetween(0.15, 0.45);
            MetricKey latency = MetricKey.of(ELB, "TargetResponseTime", api);
            assertThat(telemetry.sample(DEV, REGION, latency, after, three, "p50").orElseThrow())
                    .isGreaterThan(telemetry.sample(DEV, REGION, latency, before, three, "p50").orElseThrow() * 2);
        }
    }

    @Test
    void everyMetricIsListedAndAFullDayOfManySeriesIsCheap() {
        List<MetricKey> metrics = telemetry.metrics(PROD, REGION);
        assertThat(metrics).extracting(MetricKey::namespace).contains(ELB, "AWS/ECS", "AWS/EC2", "ECS/ContainerInsights")
                .doesNotContain("Harbormaster/ContainerInstance");
        assertThat(metrics).anySatisfy(k -> {
            assertThat(k.name()).isEqualTo("CPUReservation");
            assertThat(k.dimensions()).containsOnlyKeys("ClusterName");
        });
        assertThat(metrics).anySatisfy(k -> {
            assertThat(k.name()).isEqualTo("HealthyHostCount");
            assertThat(k.dimensions()).containsOnlyKeys("LoadBalancer", "TargetGroup");
        });
        MetricKey reservation = MetricKey.of("AWS/ECS", "CPUReservation", Map.of("ClusterName", "api"));
        assertThat(telemetry.sample(PROD, REGION, reservation, now().minus(Duration.ofHours(1)), Duration.ofHours(1),
                "Average").orElseThrow()).isBetween(30.0, 100.0);

        List<MetricKey> batch = metrics.stream().filter(k -> !k.namespace().equals(ELB)).limit(150).toList();
        batch = new java.util.ArrayList<>(batch);
        batch.addAll(metrics.stream().filter(k -> k.namespace().equals(ELB)).limit(50).toList());
        Instant dayAgo = now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(1));
        long t0 = System.nanoTime();
        int points = 0;
        for (MetricKey k : batch) {
            for (int m = 0; m < 1440; m++) {
                String stat = k.name().equals("TargetResponseTime") ? "p99" : "Average";
                if (telemetry.sample(PROD, REGION, k, dayAgo.plus(Duration.ofMinutes(m)), Duration.ofMinutes(1), stat).isPresent()) {
                    points++;
                }
            }
        }
        long firstMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        for (MetricKey k : batch) {
            telemetry.sample(PROD, REGION, k, now().minus(Duration.ofMinutes(5)), Duration.ofMinutes(5), "Average");
        }
        long refreshMs = (System.nanoTime() - t0) / 1_000_000;
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "TRAFFIC " + batch.size()
                + " series x 1440 minutes: " + points + " points in " + firstMs
                + " ms; a 5-minute refresh of them in " + refreshMs + " ms");
        assertThat(points).isGreaterThan(150 * 1440);
        assertThat(firstMs).isLessThan(15_000);
        assertThat(refreshMs).isLessThan(1_000);
    }
}
