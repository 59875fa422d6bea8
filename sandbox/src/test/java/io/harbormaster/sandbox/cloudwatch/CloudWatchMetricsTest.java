package io.harbormaster.sandbox.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.harbormaster.sandbox.core.Telemetry.MetricKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/** GetMetricData, GetMetricStatistics, ListMetrics and PutMetricData through the SDK (2.59.1: RPC v2 CBOR). */
class CloudWatchMetricsTest {

    static final MetricKey LATENCY = MetricKey.of("AWS/ApplicationELB", "TargetResponseTime",
            Map.of("LoadBalancer", "app/dev-api/50dc6c495c0c9188", "TargetGroup", "targetgroup/dev-api/943f017f100becff"));
    static final MetricKey REQUESTS = MetricKey.of("AWS/ApplicationELB", "RequestCount",
            Map.of("LoadBalancer", "app/dev-api/50dc6c495c0c9188", "TargetGroup", "targetgroup/dev-api/943f017f100becff"));
    static final MetricKey CPU = MetricKey.of("AWS/ECS", "CPUUtilization", Map.of("ClusterName", "dev", "ServiceName", "api"));
    static final MetricKey PROD_CPU = MetricKey.of("AWS/ECS", "CPUUtilization", Map.of("ClusterName", "api", "ServiceName", "api-blue"));

    static TelemetrySandbox sandbox;
    static CloudWatchClient cw;
    static Instant now;

    @BeforeAll
    static void start() {
        sandbox = new TelemetrySandbox();
        now = sandbox.now();
        sandbox.telemetry.add(TelemetrySandbox.DEV, LATENCY, now.minus(Duration.ofHours(2)), FakeTelemetry.latencies(200, 0.05));
        sandbox.telemetry.level(TelemetrySandbox.DEV, REQUESTS, now.minus(Duration.ofHours(2)), m -> 1000.0 + (m / 60) % 7);
        sandbox.telemetry.level(TelemetrySandbox.DEV, CPU, now.minus(Duration.ofHours(3)), m -> 30.0 + (m / 60) % 10);
        sandbox.telemetry.level(TelemetrySandbox.PROD, PROD_CPU, now.minus(Duration.ofHours(3)), m -> 70.0);
        cw = sandbox.cloudWatch(TelemetrySandbox.DEV, "admin");
    }

    @AfterAll
    static void stop() {
        cw.close();
        sandbox.close();
    }

    static Metric metric(MetricKey k) {
        List<Dimension> dims = new ArrayList<>();
        k.dimensions().forEach((n, v) -> dims.add(Dimension.builder().name(n).value(v).build()));
        return Metric.builder().namespace(k.namespace()).metricName(k.name()).dimensions(dims).build();
    }

    static MetricDataQuery query(String id, MetricKey k, String stat, int period) {
        return MetricDataQuery.builder().id(id)
                .metricStat(MetricStat.builder().metric(metric(k)).period(period).stat(stat).build()).build();
    }

    @Test
    void severalStatisticsIncludingPercentilesFromTheDistribution() {
        GetMetricDataResponse r = cw.getMetricData(GetMetricDataRequest.builder()
                .startTime(now.minus(Duration.ofHours(1))).endTime(now)
                .metricDataQueries(query("avg", LATENCY, "Average", 60), query("p50", LATENCY, "p50", 60),
                        query("p99", LATENCY, "p99", 60), query("max", LATENCY, "Maximum", 60),
                        query("n", LATENCY, "SampleCount", 60))
                .build());
        assertThat(r.nextToken()).isNull();
        assertThat(r.metricDataResults()).extracting(MetricDataResult::id).containsExactly("avg", "p50", "p99", "max", "n");
        MetricDataResult avg = r.metricDataResults().get(0);
        MetricDataResult p50 = r.metricDataResults().get(1);
        MetricDataResult p99 = r.metricDataResults().get(2);
        MetricDataResult max = r.metricDataResults().get(3);
        assertThat(avg.statusCode()).isEqualTo(StatusCode.COMPLETE);
        assertThat(avg.label()).isEqualTo("TargetResponseTime");
        assertThat(avg.timestamps()).hasSize(60);
        // Newest first (ScanBy TimestampDescending is the default), one a minute.
        assertThat(avg.timestamps().get(0)).isEqualTo(now.minus(Duration.ofMinutes(1)));
        assertThat(Duration.between(avg.timestamps().get(1), avg.timestamps().get(0))).isEqualTo(Duration.ofMinutes(1));
        for (int i = 0; i < 60; i++) {
            assertThat(p99.values().get(i)).isGreaterThan(p50.values().get(i)).isLessThanOrEqualTo(max.values().get(i));
            assertThat(p99.values().get(i)).isNotEqualTo(avg.values().get(i));
        }
        assertThat(r.metricDataResults().get(4).values()).allSatisfy(v -> assertThat(v).isEqualTo(200.0));
        Instant t = avg.timestamps().get(5);
        assertThat(p99.values().get(5)).isEqualTo(sandbox.telemetry.sample(TelemetrySandbox.DEV, "us-east-1", LATENCY, t,
                Duration.ofMinutes(1), "p99").getAsDouble());
    }

    @Test
    void noDataBeforeTheResourceExistedAndCoarserPeriods() {
        GetMetricDataResponse r = cw.getMetricData(b -> b.startTime(now.minus(Duration.ofHours(3))).endTime(now)
                .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .metricDataQueries(query("lat", LATENCY, "Average", 60), query("req", REQUESTS, "Sum", 3600)));
        MetricDataResult lat = r.metricDataResults().get(0);
        assertThat(lat.timestamps()).hasSize(120);
        assertThat(lat.timestamps().get(0)).isEqualTo(now.minus(Duration.ofHours(2)));
        MetricDataResult req = r.metricDataResults().get(1);
        assertThat(req.timestamps()).containsExactly(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
        assertThat(req.values().get(0)).isBetween(60 * 1000.0, 60 * 1007.0);
    }

    @Test
    void paginatesWhenPointsExceedMaxDatapoints() {
        GetMetricDataRequest req = GetMetricDataRequest.builder()
                .startTime(now.minus(Duration.ofHours(1))).endTime(now).maxDatapoints(50)
                .metricDataQueries(query("a", LATENCY, "p90", 60), query("b", CPU, "Average", 60), query("c", REQUESTS, "Sum", 60))
                .build();
        List<GetMetricDataResponse> pages = new ArrayList<>();
        cw.getMetricDataPaginator(req).forEach(pages::add);
        assertThat(pages).hasSize(4);
        assertThat(pages.get(0).metricDataResults()).hasSize(1);
        assertThat(pages.get(0).metricDataResults().get(0).statusCode()).isEqualTo(StatusCode.PARTIAL_DATA);
        int total = pages.stream().flatMap(p -> p.metricDataResults().stream()).mapToInt(x -> x.values().size()).sum();
        assertThat(total).isEqualTo(180);
        assertThat(pages).allSatisfy(p -> assertThat(p.metricDataResults().stream().mapToInt(x -> x.values().size()).sum())
                .isLessThanOrEqualTo(50));
        List<Instant> aTimes = pages.stream().flatMap(p -> p.metricDataResults().stream()).filter(x -> x.id().equals("a"))
                .flatMap(x -> x.timestamps().stream()).toList();
        assertThat(aTimes).hasSize(60).doesNotHaveDuplicates();

        InvalidNextTokenException bad = catchThrowableOfType(InvalidNextTokenException.class,
                () -> cw.getMetricData(req.toBuilder().nextToken("not-a-token").build()));
        assertThat(bad.awsErrorDetails().errorCode()).isEqualTo("InvalidNextToken");
    }

    @Test
    void moreThan500QueriesIsAValidationError() {
        List<MetricDataQuery> queries = IntStream.range(0, 501).mapToObj(i -> query("q" + i, CPU, "Average", 60)).toList();
        CloudWatchException e = catchThrowableOfType(CloudWatchException.class,
                () -> cw.getMetricData(b -> b.startTime(now.minus(Duration.ofHours(1))).endTime(now).metricDataQueries(queries)));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(e.awsErrorDetails().errorMessage()).contains("less than or equal to 500");

        List<MetricDataQuery> ok = IntStream.range(0, 500).mapToObj(i -> query("q" + i, CPU, "Average", 300)).toList();
        GetMetricDataResponse r = cw.getMetricData(b -> b.startTime(now.minus(Duration.ofHours(1))).endTime(now).metricDataQueries(ok));
        assertThat(r.metricDataResults()).hasSize(500).allSatisfy(x -> assertThat(x.values()).hasSize(12));
    }

    @Test
    void badQueriesGetAwsErrors() {
        CloudWatchException period = catchThrowableOfType(CloudWatchException.class, () -> cw.getMetricData(b -> b
                .startTime(now.minus(Duration.ofHours(1))).endTime(now).metricDataQueries(query("a", CPU, "Average", 45))));
        assertThat(period.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        CloudWatchException stat = catchThrowableOfType(CloudWatchException.class, () -> cw.getMetricData(b -> b
                .startTime(now.minus(Duration.ofHours(1))).endTime(now).metricDataQueries(query("a", CPU, "Median", 60))));
        assertThat(stat.awsErrorDetails().errorMessage()).contains("Median");
        CloudWatchException math = catchThrowableOfType(CloudWatchException.class, () -> cw.getMetricData(b -> b
                .startTime(now.minus(Duration.ofHours(1))).endTime(now).metricDataQueries(query("a", CPU, "Average", 60),
                        MetricDataQuery.builder().id("e1").expression("a * 2").build())));
        assertThat(math.awsErrorDetails().errorMessage()).contains("not supported");
        CloudWatchException ids = catchThrowableOfType(CloudWatchException.class, () -> cw.getMetricData(b -> b
                .startTime(now.minus(Duration.ofHours(1))).endTime(now).metricDataQueries(query("Upper", CPU, "Average", 60))));
        assertThat(ids.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        InvalidParameterCombinationException tooMany = catchThrowableOfType(InvalidParameterCombinationException.class,
                () -> cw.getMetricStatistics(b -> b.namespace("AWS/ECS").metricName("CPUUtilization")
                        .startTime(now.minus(Duration.ofDays(2))).endTime(now).period(60)
                        .statistics(software.amazon.awssdk.services.cloudwatch.model.Statistic.AVERAGE)));
        assertThat(tooMany.getMessage()).contains("exceeds the limit of 1440");
    }

    @Test
    void getMetricStatisticsWithExtendedStatistics() {
        List<Datapoint> points = cw.getMetricStatistics(b -> b.namespace(LATENCY.namespace()).metricName(LATENCY.name())
                .dimensions(metric(LATENCY).dimensions()).startTime(now.minus(Duration.ofMinutes(30))).endTime(now)
                .period(300).extendedStatistics("p50", "p99.9")).datapoints();
        assertThat(points).hasSize(6);
        assertThat(points).allSatisfy(p -> {
            assertThat(p.extendedStatistics()).containsOnlyKeys("p50", "p99.9");
            assertThat(p.extendedStatistics().get("p99.9")).isGreaterThan(p.extendedStatistics().get("p50"));
            assertThat(p.unit()).isEqualTo(StandardUnit.SECONDS);
        });
    }

    @Test
    void listMetricsFiltersAndSeesEachAccountsOwn() {
        assertThat(cw.listMetrics(b -> b.namespace("AWS/ApplicationELB")).metrics())
                .extracting(m -> m.metricName()).containsExactly("RequestCount", "TargetResponseTime");
        assertThat(cw.listMetrics(b -> b.metricName("CPUUtilization")).metrics()).hasSize(1);
        assertThat(cw.listMetrics(b -> b.dimensions(DimensionFilter.builder().name("ServiceName").value("api").build())).metrics())
                .singleElement().satisfies(m -> assertThat(m.dimensions()).hasSize(2));
        assertThat(cw.listMetrics(b -> b.dimensions(DimensionFilter.builder().name("TargetGroup").build())).metrics()).hasSize(2);
        assertThat(cw.listMetrics(b -> b.dimensions(DimensionFilter.builder().name("ServiceName").value("api-blue").build())).metrics())
                .isEmpty();
        try (CloudWatchClient prod = sandbox.cloudWatch(TelemetrySandbox.PROD, "readonly")) {
            assertThat(prod.listMetrics().metrics()).singleElement()
                    .satisfies(m -> assertThat(m.dimensions()).contains(Dimension.builder().name("ServiceName").value("api-blue").build()));
        }
    }

    @Test
    void putMetricDataIsReadBackAndListed() {
        Instant t = now.minus(Duration.ofMinutes(10));
        cw.putMetricData(b -> b.namespace("Harbormaster/Deploys").metricData(
                d -> d.metricName("DeployDuration").dimensions(Dimension.builder().name("Service").value("api").build())
                        .timestamp(t).values(10.0, 20.0, 30.0, 40.0).counts(1.0, 1.0, 1.0, 7.0).unit(StandardUnit.SECONDS),
                d -> d.metricName("DeployDuration").dimensions(Dimension.builder().name("Service").value("api").build())
                        .timestamp(t.plusSeconds(70)).value(50.0).unit(StandardUnit.SECONDS),
                d -> d.metricName("Deploys").timestamp(t).statisticValues(s -> s.sampleCount(4.0).sum(4.0).minimum(1.0).maximum(1.0))));
        List<Datapoint> points = cw.getMetricStatistics(b -> b.namespace("Harbormaster/Deploys").metricName("DeployDuration")
                .dimensions(Dimension.builder().name("Service").value("api").build())
                .startTime(t).endTime(t.plus(Duration.ofMinutes(2))).period(60)
                .statistics(software.amazon.awssdk.services.cloudwatch.model.Statistic.SAMPLE_COUNT,
                        software.amazon.awssdk.services.cloudwatch.model.Statistic.AVERAGE,
                        software.amazon.awssdk.services.cloudwatch.model.Statistic.MAXIMUM)).datapoints();
        assertThat(points).hasSize(2);
        assertThat(points.get(0).sampleCount()).isEqualTo(10.0);
        assertThat(points.get(0).average()).isEqualTo((10 + 20 + 30 + 280) / 10.0);
        assertThat(points.get(1).maximum()).isEqualTo(50.0);
        GetMetricDataResponse r = cw.getMetricData(b -> b.startTime(t).endTime(t.plus(Duration.ofMinutes(5)))
                .metricDataQueries(query("p", MetricKey.of("Harbormaster/Deploys", "DeployDuration", Map.of("Service", "api")), "p50", 300),
                        query("sets", MetricKey.of("Harbormaster/Deploys", "Deploys", Map.of()), "Sum", 300),
                        query("setp", MetricKey.of("Harbormaster/Deploys", "Deploys", Map.of()), "p90", 300)));
        assertThat(r.metricDataResults().get(0).values()).containsExactly(40.0);
        assertThat(r.metricDataResults().get(1).values()).containsExactly(4.0);
        assertThat(r.metricDataResults().get(2).values()).as("no percentiles from statistic sets").isEmpty();
        assertThat(cw.listMetrics(b -> b.namespace("Harbormaster/Deploys")).metrics()).extracting(m -> m.metricName())
                .containsExactly("DeployDuration", "Deploys");
    }

    @Test
    void putMetricDataValidation() {
        InvalidParameterValueException aws = catchThrowableOfType(InvalidParameterValueException.class,
                () -> cw.putMetricData(b -> b.namespace("AWS/ECS").metricData(d -> d.metricName("x").value(1.0))));
        assertThat(aws.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        InvalidParameterCombinationException both = catchThrowableOfType(InvalidParameterCombinationException.class,
                () -> cw.putMetricData(b -> b.namespace("Mine").metricData(d -> d.metricName("x").value(1.0)
                        .statisticValues(s -> s.sampleCount(1.0).sum(1.0).minimum(1.0).maximum(1.0)))));
        assertThat(both.getMessage()).contains("mutually exclusive");
        InvalidParameterValueException old = catchThrowableOfType(InvalidParameterValueException.class,
                () -> cw.putMetricData(b -> b.namespace("Mine").metricData(d -> d.metricName("x").value(1.0)
                        .timestamp(now.minus(Duration.ofDays(15))))));
        assertThat(old.getMessage()).contains("two weeks");
        try (CloudWatchClient readonly = sandbox.cloudWatch(TelemetrySandbox.DEV, "readonly")) {
            CloudWatchException denied = catchThrowableOfType(CloudWatchException.class,
                    () -> readonly.putMetricData(b -> b.namespace("Mine").metricData(d -> d.metricName("x").value(1.0))));
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(readonly.listMetrics().metrics()).isNotEmpty();
        }
    }
}
