package io.harbormaster.aws.cloudwatch;

import io.harbormaster.aws.SandboxAccess;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.aws.logs.CloudWatchLogsSearch;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.alarms.Alarm;
import io.harbormaster.model.alarms.AlarmHistoryItem;
import io.harbormaster.model.alarms.AlarmState;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.fleet.LoadBalancerTarget;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.logs.ContainerLogs;
import io.harbormaster.model.logs.FollowCursor;
import io.harbormaster.model.logs.LogEvent;
import io.harbormaster.model.logs.LogPage;
import io.harbormaster.model.logs.LogQuery;
import io.harbormaster.model.metrics.MetricId;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.MetricQuery;
import io.harbormaster.model.metrics.MetricSeries;
import io.harbormaster.model.metrics.NamedSeries;
import io.harbormaster.model.metrics.ServiceDashboard;
import io.harbormaster.model.metrics.TimeRange;
import io.harbormaster.model.metrics.TimeWindow;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import io.harbormaster.model.testdata.ServiceBuilder;
import io.harbormaster.sandbox.Fault;
import io.harbormaster.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The issue-6 adapters over the real wire against the sandbox's living fleet, on its hand-driven clock: metrics as
 * a plain SDK call sees them, batching, traffic moved by Route 53, a flaky image's 5xx, alarms and logs.
 */
class CloudWatchSandboxTest {

    private static SandboxAccess access;
    private static Sandbox sandbox;
    private static AwsClientFactory clients;
    private static AwsSessions sessions;
    private static EnvironmentSession prod;
    private static EnvironmentSession dev;
    private static CloudWatchMetrics metrics;
    private static ElbTargetGroupLoadBalancers loadBalancers;

    @BeforeAll
    static void enter(@TempDir Path dir) throws Exception {
        access = SandboxAccess.start(dir);
        sandbox = access.sandbox();
        clients = access.clients();
        sessions = access.sessionsFor("alice");
        prod = sessions.enter(env("prod", true), (e, serial) -> Optional.of(sandbox.currentTotpCode("alice")));
        dev = sessions.enter(env("dev", false), MfaPrompt.NONE);
        metrics = new CloudWatchMetrics(sessions, clients);
        loadBalancers = new ElbTargetGroupLoadBalancers(sessions, clients);
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    private static Environment env(String name, boolean production) {
        return EnvironmentBuilder.sandbox(name).production(production).build();
    }

    private static Instant now() {
        return sandbox.clock().now();
    }

    /** The model's service, as the fleet load would make it, from a plain DescribeServices. */
    private static Service service(EnvironmentSession session, String cluster, String name) {
        EcsClient ecs = clients.ecs(sessions.context(session));
        var s = ecs.describeServices(b -> b.cluster(cluster).services(name)).services().get(0);
        List<LoadBalancerTarget> lbs = s.loadBalancers().stream().map(lb -> new LoadBalancerTarget(
                lb.targetGroupArn(), lb.loadBalancerName(), lb.containerName(),
                lb.containerPort() == null ? 0 : lb.containerPort())).toList();
        return ServiceBuilder.aService(s.serviceName()).arn(s.serviceArn()).cluster(s.clusterArn()).status(s.status())
                .counts(s.desiredCount(), s.runningCount(), s.pendingCount()).launchType(s.launchTypeAsString())
                .taskDefinition(s.taskDefinition()).loadBalancers(lbs).createdAt(s.createdAt()).build();
    }

    private static ServiceDashboard dashboard(EnvironmentSession session, String cluster, String name) {
        Service s = service(session, cluster, name);
        return ServiceDashboard.of(s, loadBalancers.loadBalancers(session, s.targetGroupArns()));
    }

    private static double total(NamedSeries s, Instant from) {
        return s.points().stream().filter(p -> !p.at().isBefore(from)).mapToDouble(MetricPoint::value).sum();
    }

    @Test
    void aServiceCpuForTheLastHourIsWhatAPlainGetMetricDataReturns() {
        Instant at = now();
        TimeWindow window = TimeRange.H1.window(at);
        MetricQuery cpu = new MetricQuery("cpu", MetricId.of("AWS/ECS", "CPUUtilization",
                Map.of("ClusterName", "api", "ServiceName", "api-blue")), "Average", TimeRange.H1.period());

        List<MetricSeries> fetched = metrics.fetch(prod, List.of(cpu), window.start(), window.end());

        CloudWatchClient cw = clients.cloudWatch(sessions.context(prod));
        GetMetricDataResponse plain = cw.getMetricData(b -> b.startTime(window.start()).endTime(window.end())
                .scanBy(ScanBy.TIMESTAMP_ASCENDING).metricDataQueries(q -> q.id("x").metricStat(s -> s.period(60)
                        .stat("Average").metric(m -> m.namespace("AWS/ECS").metricName("CPUUtilization").dimensions(
                                Dimension.builder().name("ClusterName").value("api").build(),
                                Dimension.builder().name("ServiceName").value("api-blue").build())))));
        MetricDataResult expected = plain.metricDataResults().get(0);
        assertThat(fetched).singleElement().satisfies(s -> {
            assertThat(s.points()).hasSizeGreaterThanOrEqualTo(59);
            assertThat(s.points()).extracting(MetricPoint::at).containsExactlyElementsOf(expected.timestamps());
            assertThat(s.points()).extracting(MetricPoint::value).containsExactlyElementsOf(expected.values());
            assertThat(s.points()).allSatisfy(p -> assertThat(p.value()).isBetween(0.0, 100.0));
        });
    }

    @Test
    void aThousandQueriesAreExactlyTwoCallsAndEveryOneGetsItsOwnSeries() {
        TimeWindow window = TimeRange.LIVE.window(now());
        // EC2's CPUUtilization of every instance, as AWS publishes it (basic monitoring: a point per 5 minutes)
        List<String> hosts = clients.cloudWatch(sessions.context(prod)).listMetricsPaginator(b -> b
                        .namespace("AWS/EC2").metricName("CPUUtilization")).metrics().stream()
                .map(m -> m.dimensions().stream().filter(d -> d.name().equals("InstanceId")).findFirst()
                        .orElseThrow().value())
                .toList();
        assertThat(hosts).hasSizeGreaterThan(100);
        List<MetricQuery> queries = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            queries.add(new MetricQuery("h" + i, MetricId.of("AWS/EC2", "CPUUtilization",
                    Map.of("InstanceId", hosts.get(i % hosts.size()))), "Average", TimeRange.LIVE.period()));
        }

        long before = metrics.calls();
        List<MetricSeries> fetched = metrics.fetch(prod, queries, window.start(), window.end());
        long calls = metrics.calls() - before;

        assertThat(calls).isEqualTo(2);
        assertThat(fetched).hasSize(1_000);
        assertThat(fetched).extracting(s -> s.query().id()).containsExactlyElementsOf(
                queries.stream().map(MetricQuery::id).toList());
        assertThat(fetched).allSatisfy(s -> assertThat(s.points()).hasSizeGreaterThanOrEqualTo(11));
        assertThat(fetched.get(hosts.size()).points()).as("the same host asked twice answers the same")
                .isEqualTo(fetched.get(0).points());
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
                "1,000 host queries for the live hour: " + calls + " GetMetricData calls");
    }

    @Test
    void movingTheWeightsInRoute53MovesRequestsFromBlueToGreen() {
        ServiceDashboard blue = dashboard(prod, "api", "api-blue");
        ServiceDashboard green = dashboard(prod, "api", "api-green");
        assertThat(blue.loadBalanced()).isTrue();
        assertThat(green.loadBalanced()).isTrue();
        Instant cutover = now();

        Route53Client r53 = Route53Client.builder().region(software.amazon.awssdk.regions.Region.AWS_GLOBAL)
                .credentialsProvider(sessions.context(prod).credentials()).endpointOverride(sandbox.endpoint())
                .build();
        try (r53) {
            String zone = r53.listHostedZonesByName(b -> b.dnsName("example.com.")).hostedZones().get(0).id();
            List<ResourceRecordSet> api = r53.listResourceRecordSets(b -> b.hostedZoneId(zone)
                    .startRecordName("api.example.com.").maxItems("2")).resourceRecordSets();
            List<Change> changes = api.stream().map(r -> Change.builder().action(ChangeAction.UPSERT)
                    .resourceRecordSet(r.toBuilder().weight("blue".equals(r.setIdentifier()) ? 0L : 100L).build())
                    .build()).toList();
            r53.changeResourceRecordSets(b -> b.hostedZoneId(zone).changeBatch(c -> c.changes(changes)));
        }
        sandbox.clock().advance(Duration.ofMinutes(10));

        TimeWindow window = TimeRange.H1.window(now());
        Map<MetricKind, List<NamedSeries>> blueCharts = blue.assemble(metrics.fetch(prod,
                blue.queries(TimeRange.H1.period()), window.start(), window.end()));
        Map<MetricKind, List<NamedSeries>> greenCharts = green.assemble(metrics.fetch(prod,
                green.queries(TimeRange.H1.period()), window.start(), window.end()));

        NamedSeries blueRequests = blueCharts.get(MetricKind.REQUEST_COUNT).get(0);
        NamedSeries greenRequests = greenCharts.get(MetricKind.REQUEST_COUNT).get(0);
        Instant settled = cutover.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(3));
        assertThat(total(blueRequests, window.start()) - total(blueRequests, cutover)).as("blue served before")
                .isGreaterThan(1_000);
        assertThat(total(blueRequests, settled)).as("blue after the cutover").isZero();
        assertThat(total(greenRequests, settled)).as("green after the cutover").isGreaterThan(1_000);
        assertThat(greenCharts.get(MetricKind.LATENCY_P99).get(0).points()).isNotEmpty();
        assertThat(greenCharts.get(MetricKind.HEALTHY_HOSTS).get(0).last()).hasValueSatisfying(
                p -> assertThat(p.value()).isPositive());
    }

    @Test
    void aFlakyImageShows5xxOnTheDashboardAndErrorLinesInItsLogs() {
        EcsClient ecs = clients.ecs(sessions.context(dev));
        String image = ecs.describeTaskDefinition(b -> b.taskDefinition(ecs.describeServices(s -> s.cluster("dev")
                .services("api")).services().get(0).taskDefinition())).taskDefinition().containerDefinitions().get(0)
                .image();
        ServiceDashboard api = dashboard(dev, "dev", "api");
        Instant before = now();
        sandbox.control().setImageFault(image, Fault.SERVE_ERRORS);
        ecs.updateService(b -> b.cluster("dev").service("api").forceNewDeployment(true));
        sandbox.clock().advance(Duration.ofMinutes(10));

        TimeWindow window = TimeRange.H1.window(now());
        Map<MetricKind, List<NamedSeries>> charts = api.assemble(metrics.fetch(dev,
                api.queries(TimeRange.H1.period()), window.start(), window.end()));

        NamedSeries rate = charts.get(MetricKind.ERROR_RATE_5XX).get(0);
        double critical = MetricKind.ERROR_RATE_5XX.defaultThresholds().orElseThrow().critical();
        assertThat(rate.points().stream().filter(p -> p.at().isBefore(before.minus(Duration.ofMinutes(1))))
                .mapToDouble(MetricPoint::value).max().orElse(0)).as("healthy before").isLessThan(critical);
        assertThat(rate.last()).hasValueSatisfying(p -> assertThat(p.value()).as("5xx rate now").isGreaterThan(
                critical));
        assertThat(total(charts.get(MetricKind.TARGET_5XX_COUNT).get(0), now().minus(Duration.ofMinutes(4))))
                .isPositive();

        CloudWatchLogsSearch logs = new CloudWatchLogsSearch(sessions, clients);
        String revision = ecs.describeServices(b -> b.cluster("dev").services("api")).services().get(0).taskDefinition();
        ContainerLogs where = logs.destinations(dev, revision).get(0);
        assertThat(where.group()).as("the console's default group, from the task definition").isEqualTo("/ecs/api");
        assertThat(logs.destinations(dev, revision)).as("a revision is read once").isSameAs(logs.destinations(dev, revision));
        FollowCursor follow = new FollowCursor(new LogQuery(where.group(), "ERROR", where.streamNamePrefix(),
                now().minus(Duration.ofMinutes(5)), null, null, LogQuery.DEFAULT_LIMIT));
        List<LogEvent> errors = new ArrayList<>();
        int pages = 0;
        do {
            LogPage page = logs.search(dev, follow.next());
            errors.addAll(follow.accept(page));
            pages++;
        } while (follow.hasMorePages() && pages < 50);
        assertThat(errors).isNotEmpty();
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).contains("ERROR"));
        assertThat(errors).allSatisfy(e -> assertThat(e.taskId()).isPresent());
        Set<String> ids = new HashSet<>();
        errors.forEach(e -> assertThat(ids.add(e.eventId())).isTrue());

        sandbox.clock().advance(Duration.ofMinutes(2));
        LogPage again = logs.search(dev, follow.next());
        assertThat(follow.accept(again)).as("follow mode shows only new lines").allSatisfy(e -> assertThat(
                ids).doesNotContain(e.eventId()));
    }

    @Test
    void aServiceLoggingWithAnotherDriverSaysSoAndSharedGroupsNarrowToTheirStreams() {
        EcsClient ecs = clients.ecs(sessions.context(prod));
        CloudWatchLogsSearch logs = new CloudWatchLogsSearch(sessions, clients);
        String proxy = ecs.describeServices(b -> b.cluster("internal").services("metrics-proxy")).services().get(0)
                .taskDefinition();
        ContainerLogs elsewhere = logs.destinations(prod, proxy).get(0);
        assertThat(elsewhere.inCloudWatch()).isFalse();
        assertThat(elsewhere.elsewhere()).contains("fluentd");

        String stripe = ecs.describeServices(b -> b.cluster("integrations").services("integration-stripe")).services()
                .get(0).taskDefinition();
        ContainerLogs shared = logs.destinations(prod, stripe).get(0);
        assertThat(shared.group()).isEqualTo("prod/integrations");
        LogQuery query = new LogQuery(shared.group(), "", shared.streamNamePrefix(), now().minus(Duration.ofMinutes(10)),
                null, null, 200);
        List<LogEvent> lines = new ArrayList<>();
        for (int pages = 0; pages < 20 && lines.isEmpty(); pages++) {
            LogPage page = logs.search(prod, query);
            lines.addAll(page.events());
            if (page.nextToken() == null) {
                break;
            }
            query = query.withNextToken(page.nextToken());
        }
        assertThat(lines).isNotEmpty().allSatisfy(e -> assertThat(e.stream()).startsWith(
                "integration-stripe/integrations/"));
    }

    @Test
    void alarmsAreListedWithTheirStateAndHistory() {
        CloudWatchClient cw = clients.cloudWatch(sessions.context(prod));
        cw.putMetricAlarm(b -> b.alarmName("api-blue-cpu-high").namespace("AWS/ECS").metricName("CPUUtilization")
                .dimensions(Dimension.builder().name("ClusterName").value("api").build(),
                        Dimension.builder().name("ServiceName").value("api-blue").build())
                .statistic(Statistic.AVERAGE).period(60).evaluationPeriods(1).threshold(0.5)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
        cw.putMetricAlarm(b -> b.alarmName("api-blue-cpu-impossible").namespace("AWS/ECS")
                .metricName("CPUUtilization").dimensions(Dimension.builder().name("ClusterName").value("api").build(),
                        Dimension.builder().name("ServiceName").value("api-blue").build())
                .extendedStatistic("p99").period(60).evaluationPeriods(1).threshold(1_000.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
        sandbox.clock().advance(Duration.ofMinutes(3));

        CloudWatchAlarms alarms = new CloudWatchAlarms(sessions, clients);
        List<Alarm> listed = alarms.alarms(prod);

        assertThat(listed).extracting(Alarm::name).contains("api-blue-cpu-high", "api-blue-cpu-impossible");
        Alarm high = listed.stream().filter(a -> a.name().equals("api-blue-cpu-high")).findFirst().orElseThrow();
        assertThat(high.state()).isEqualTo(AlarmState.ALARM);
        assertThat(high.condition()).isEqualTo("> 0.5");
        assertThat(high.watchedMetric()).contains(MetricId.of("AWS/ECS", "CPUUtilization",
                Map.of("ClusterName", "api", "ServiceName", "api-blue")));
        assertThat(listed.stream().filter(a -> a.name().equals("api-blue-cpu-impossible")).findFirst()
                .orElseThrow().statistic()).isEqualTo("p99");

        List<AlarmHistoryItem> history = alarms.history(prod, "api-blue-cpu-high", now().minus(Duration.ofHours(1)));
        assertThat(history).isNotEmpty();
        assertThat(history.get(0).summary()).contains("to ALARM");
    }
}
