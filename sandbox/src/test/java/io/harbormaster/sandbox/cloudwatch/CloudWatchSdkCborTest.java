package io.harbormaster.sandbox.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.harbormaster.sandbox.core.HttpEndpoint;
import io.harbormaster.sandbox.core.Telemetry.MetricKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;
import software.amazon.awssdk.services.cloudwatch.model.ValidationException;

/**
 * Every CloudWatch call the console makes, as its adapters ({@code aws-adapters/.../cloudwatch}) make it, through
 * the real SDK 2.59.1 client, which speaks Smithy RPC v2 CBOR: each call is checked on the wire, its answer read
 * back through the SDK's own unmarshalling, and its errors through the SDK's own error handling — the throttling
 * error the SDK retries, and the validation and modelled errors it turns into the right exception with AWS's message.
 */
class CloudWatchSdkCborTest {

    static final MetricKey LATENCY = CloudWatchMetricsTest.LATENCY;
    static final MetricKey CPU = CloudWatchMetricsTest.CPU;

    static TelemetrySandbox sandbox;
    static CloudWatchClient cw;
    static Instant now;

    @BeforeAll
    static void start() {
        sandbox = new TelemetrySandbox();
        now = sandbox.now();
        sandbox.telemetry.add(TelemetrySandbox.DEV, LATENCY, now.minus(Duration.ofHours(3)),
                FakeTelemetry.latencies(200, 0.05));
        sandbox.telemetry.level(TelemetrySandbox.DEV, CPU, now.minus(Duration.ofHours(3)), m -> 30.0 + (m / 60) % 10);
        cw = sandbox.cloudWatch(TelemetrySandbox.DEV, "admin");
    }

    @AfterAll
    static void stop() {
        cw.close();
        sandbox.close();
    }

    @AfterEach
    void throttlingOff() {
        sandbox.throttler().setEnabled(false);
    }

    /** Runs a call with the endpoint recording and answers what went over the wire. */
    static List<HttpEndpoint.Recorded> onTheWire(Runnable call) {
        HttpEndpoint http = sandbox.http();
        int before = http.recorded().size();
        http.setRecording(true);
        try {
            call.run();
        } finally {
            http.setRecording(false);
        }
        List<HttpEndpoint.Recorded> all = http.recorded();
        return all.subList(before, all.size());
    }

    static void assertCbor(List<HttpEndpoint.Recorded> wire, String operation) {
        assertThat(wire).isNotEmpty().allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/service/GraniteServiceVersion20100801/operation/" + operation);
            assertThat(r.headers().get("smithy-protocol")).isEqualTo("rpc-v2-cbor");
            assertThat(r.headers().get("content-type")).isEqualTo("application/cbor");
        });
    }

    static MetricDataQuery query(String id, MetricKey key, String stat, int period) {
        List<Dimension> dims = new ArrayList<>();
        key.dimensions().forEach((n, v) -> dims.add(Dimension.builder().name(n).value(v).build()));
        // As CloudWatchMetrics.toSdk builds it: ReturnData set, one MetricStat per query.
        return MetricDataQuery.builder().id(id).returnData(true).metricStat(MetricStat.builder()
                .metric(Metric.builder().namespace(key.namespace()).metricName(key.name()).dimensions(dims).build())
                .period(period).stat(stat).build()).build();
    }

    // ---------------------------------------------------------------- the console's calls

    @Test
    void getMetricDataWithPercentilesAndSeveralQueriesPageByPage() {
        GetMetricDataRequest first = GetMetricDataRequest.builder()
                .metricDataQueries(query("p50", LATENCY, "p50", 60), query("p90", LATENCY, "p90", 60),
                        query("p99", LATENCY, "p99", 60), query("avg", LATENCY, "Average", 60),
                        query("cpu", CPU, "Average", 300))
                .startTime(now.minus(Duration.ofHours(2))).endTime(now).scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .maxDatapoints(200).build();
        List<GetMetricDataResponse> pages = new ArrayList<>();
        List<HttpEndpoint.Recorded> wire = onTheWire(() -> {
            // The adapter's loop: follow NextToken until it runs out.
            String token = null;
            do {
                GetMetricDataRequest request = token == null ? first : first.toBuilder().nextToken(token).build();
                GetMetricDataResponse page = cw.getMetricData(request);
                pages.add(page);
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        });
        assertCbor(wire, "GetMetricData");
        assertThat(wire).extracting(HttpEndpoint.Recorded::status).containsOnly(200);
        assertThat(pages).as("4 × 120 + 24 points at ≤ 200 a page").hasSize(3);

        Map<String, List<MetricDataResult>> byId = new java.util.HashMap<>();
        pages.forEach(p -> p.metricDataResults().forEach(r -> byId.computeIfAbsent(r.id(), k -> new ArrayList<>())
                .add(r)));
        assertThat(byId).containsOnlyKeys("p50", "p90", "p99", "avg", "cpu");
        List<Instant> p99Times = byId.get("p99").stream().flatMap(r -> r.timestamps().stream()).toList();
        assertThat(p99Times).hasSize(120).isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
        assertThat(p99Times.get(0)).isEqualTo(now.minus(Duration.ofHours(2)));
        assertThat(byId.get("cpu").stream().flatMap(r -> r.values().stream())).hasSize(24);
        assertThat(byId.get("cpu").get(byId.get("cpu").size() - 1).statusCode()).isEqualTo(StatusCode.COMPLETE);
        for (int i = 0; i < 120; i++) {
            double p50 = value(byId.get("p50"), i);
            double p90 = value(byId.get("p90"), i);
            double p99 = value(byId.get("p99"), i);
            assertThat(p50).isPositive().isLessThanOrEqualTo(p90);
            assertThat(p90).isLessThanOrEqualTo(p99);
        }
    }

    private static double value(List<MetricDataResult> pages, int index) {
        return pages.stream().flatMap(r -> r.values().stream()).toList().get(index);
    }

    @Test
    void describeAlarmsEveryPageOfMetricAlarms() {
        Instant created = sandbox.now();
        for (int i = 0; i < 103; i++) {
            String name = String.format("api-%03d", i);
            cw.putMetricAlarm(b -> b.alarmName(name).namespace("AWS/ECS").metricName("CPUUtilization")
                    .dimensions(Dimension.builder().name("ClusterName").value("dev").build(),
                            Dimension.builder().name("ServiceName").value("api").build())
                    .statistic(Statistic.AVERAGE).period(60).evaluationPeriods(3).threshold(80.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).alarmDescription("api CPU high"));
        }
        cw.putMetricAlarm(b -> b.alarmName("api-latency-p99").namespace(LATENCY.namespace())
                .metricName(LATENCY.name()).extendedStatistic("p99").period(300).evaluationPeriods(1).threshold(0.5)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
        List<MetricAlarm> alarms = new ArrayList<>();
        List<DescribeAlarmsResponse> pages = new ArrayList<>();
        List<HttpEndpoint.Recorded> wire = onTheWire(() -> {
            String token = null;
            do {
                DescribeAlarmsRequest request = DescribeAlarmsRequest.builder().alarmTypes(AlarmType.METRIC_ALARM)
                        .maxRecords(100).nextToken(token).build();
                DescribeAlarmsResponse page = cw.describeAlarms(request);
                pages.add(page);
                alarms.addAll(page.metricAlarms());
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        });
        assertCbor(wire, "DescribeAlarms");
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).metricAlarms()).hasSize(100);
        assertThat(alarms).hasSize(104).extracting(MetricAlarm::alarmName).doesNotHaveDuplicates();
        assertThat(pages).allSatisfy(p -> assertThat(p.compositeAlarms()).isEmpty());
        MetricAlarm cpu = alarms.stream().filter(a -> a.alarmName().equals("api-007")).findFirst().orElseThrow();
        assertThat(cpu.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:222222222222:alarm:api-007");
        assertThat(cpu.statistic()).isEqualTo(Statistic.AVERAGE);
        assertThat(cpu.threshold()).isEqualTo(80.0);
        assertThat(cpu.period()).isEqualTo(60);
        assertThat(cpu.dimensions()).extracting(Dimension::name).containsExactlyInAnyOrder("ClusterName", "ServiceName");
        assertThat(cpu.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(cpu.stateUpdatedTimestamp()).isEqualTo(created);
        MetricAlarm p99 = alarms.stream().filter(a -> a.alarmName().equals("api-latency-p99")).findFirst().orElseThrow();
        assertThat(p99.extendedStatistic()).isEqualTo("p99");
        assertThat(p99.statistic()).isNull();
        assertThat(p99.comparisonOperator()).isEqualTo(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);

        cw.deleteAlarms(b -> b.alarmNames(alarms.stream().map(MetricAlarm::alarmName).limit(100).toList()));
        cw.deleteAlarms(b -> b.alarmNames(alarms.stream().map(MetricAlarm::alarmName).skip(100).toList()));
    }

    @Test
    void describeAlarmHistoryNewestFirstPageByPage() {
        cw.putMetricAlarm(b -> b.alarmName("history").namespace("AWS/ECS").metricName("CPUUtilization")
                .statistic(Statistic.AVERAGE).period(60).evaluationPeriods(1).threshold(80.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
        for (StateValue s : List.of(StateValue.ALARM, StateValue.OK, StateValue.ALARM, StateValue.OK)) {
            sandbox.clock().advance(Duration.ofSeconds(10));
            cw.setAlarmState(b -> b.alarmName("history").stateValue(s).stateReason("test"));
        }
        Instant since = now.minus(Duration.ofDays(1));
        List<AlarmHistoryItem> items = new ArrayList<>();
        AtomicInteger pages = new AtomicInteger();
        List<HttpEndpoint.Recorded> wire = onTheWire(() -> {
            String token = null;
            do {
                DescribeAlarmHistoryRequest request = DescribeAlarmHistoryRequest.builder().alarmName("history")
                        .startDate(since).endDate(sandbox.now().plus(Duration.ofDays(1)))
                        .scanBy(ScanBy.TIMESTAMP_DESCENDING).maxRecords(2).nextToken(token).build();
                DescribeAlarmHistoryResponse page = cw.describeAlarmHistory(request);
                pages.incrementAndGet();
                items.addAll(page.alarmHistoryItems());
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        });
        assertCbor(wire, "DescribeAlarmHistory");
        assertThat(pages.get()).isEqualTo(3);
        assertThat(items).hasSize(5);
        assertThat(items).extracting(AlarmHistoryItem::timestamp).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(items.get(0).historySummary()).isEqualTo("Alarm updated from ALARM to OK");
        assertThat(items.get(0).historyItemType()).isEqualTo(HistoryItemType.STATE_UPDATE);
        assertThat(items.get(0).alarmName()).isEqualTo("history");
        assertThat(items.get(0).historyData()).contains("\"newState\"");
        assertThat(items.get(4).historyItemType()).isEqualTo(HistoryItemType.CONFIGURATION_UPDATE);
        cw.deleteAlarms(b -> b.alarmNames("history"));
    }

    @Test
    void listMetricsWithADimensionFilter() {
        List<HttpEndpoint.Recorded> wire = onTheWire(() -> {
            List<Metric> ecs = cw.listMetrics(b -> b.namespace("AWS/ECS").metricName("CPUUtilization")
                    .dimensions(DimensionFilter.builder().name("ServiceName").value("api").build())).metrics();
            assertThat(ecs).hasSize(1);
            assertThat(ecs.get(0).dimensions()).extracting(Dimension::value).containsExactlyInAnyOrder("dev", "api");
            assertThat(cw.listMetrics(b -> b.namespace("AWS/ECS")
                    .dimensions(DimensionFilter.builder().name("ServiceName").value("web").build())).metrics()).isEmpty();
        });
        assertCbor(wire, "ListMetrics");
    }

    // ---------------------------------------------------------------- errors

    /**
     * CloudWatch's throttling error ({@code Throttling}, HTTP 400) arrives with its query code in
     * {@code x-amzn-query-error}; the SDK must see it as throttling and retry it with its standard strategy.
     */
    @Test
    void throttlingIsRetriedByTheSdkAndSeenAsThrottlingWhenItLasts() {
        sandbox.throttler().setEnabled(true);
        drain(() -> cw.describeAlarms(b -> b.alarmTypes(AlarmType.METRIC_ALARM).maxRecords(100)));

        CloudWatchException throttled = catchThrowableOfType(CloudWatchException.class,
                () -> cw.describeAlarms(b -> b.alarmTypes(AlarmType.METRIC_ALARM).maxRecords(100)));
        assertThat(throttled.isThrottlingException()).isTrue();
        assertThat(throttled.statusCode()).isEqualTo(400);
        assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("Throttling");
        assertThat(throttled.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
        assertThat(throttled.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amzn-query-error"))
                .contains("Throttling;Sender");
        assertThat(throttled.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("smithy-protocol"))
                .contains("rpc-v2-cbor");
        assertThat(throttled.requestId()).isNotBlank();

        // The app's clients retry with the standard strategy: the second attempt, once a token is back, succeeds.
        AtomicInteger attempts = new AtomicInteger();
        try (CloudWatchClient retrying = retryingClient(attempts, Duration.ofSeconds(1))) {
            List<HttpEndpoint.Recorded> wire = onTheWire(() ->
                    retrying.describeAlarms(b -> b.alarmTypes(AlarmType.METRIC_ALARM).maxRecords(100)));
            assertCbor(wire, "DescribeAlarms");
            assertThat(wire).extracting(HttpEndpoint.Recorded::status).containsExactly(400, 200);
            assertThat(attempts.get()).isEqualTo(2);
        }

        // A bucket that stays empty: every attempt the strategy allows is made, and the last error still says why.
        drain(() -> cw.getMetricData(b -> b.startTime(now.minus(Duration.ofHours(1))).endTime(now)
                .metricDataQueries(query("cpu", CPU, "Average", 300))));
        AtomicInteger tries = new AtomicInteger();
        try (CloudWatchClient retrying = retryingClient(tries, Duration.ZERO)) {
            CloudWatchException lasting = catchThrowableOfType(CloudWatchException.class,
                    () -> retrying.getMetricData(b -> b.startTime(now.minus(Duration.ofHours(1))).endTime(now)
                            .metricDataQueries(query("cpu", CPU, "Average", 300))));
            assertThat(lasting.isThrottlingException()).isTrue();
            assertThat(lasting.numAttempts()).isEqualTo(3);
            assertThat(tries.get()).isEqualTo(3);
        }
    }

    /** Calls until the bucket is empty (its clock stands still, so it stays empty). */
    private static void drain(Runnable call) {
        for (int i = 0; i < 1000; i++) {
            try {
                call.run();
            } catch (CloudWatchException e) {
                if (e.isThrottlingException()) {
                    return;
                }
                throw e;
            }
        }
        throw new AssertionError("never throttled");
    }

    /** A client with the app's retry strategy that refills the buckets by {@code refill} before every retry. */
    private static CloudWatchClient retryingClient(AtomicInteger attempts, Duration refill) {
        ExecutionInterceptor counting = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (attempts.incrementAndGet() > 1) {
                    sandbox.refillThrottles(refill);
                }
            }
        };
        return CloudWatchClient.builder().endpointOverride(sandbox.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(sandbox.credentials(TelemetrySandbox.DEV, "admin"))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy())
                        .addExecutionInterceptor(counting))
                .build();
    }

    @Test
    void validationErrorsCarryAwsCodeAndMessage() {
        List<MetricDataQuery> tooMany = IntStream.range(0, 501).mapToObj(i -> query("q" + i, CPU, "Average", 60))
                .toList();
        CloudWatchException queries = validation(() -> cw.getMetricData(b -> b.startTime(now.minus(Duration.ofHours(1)))
                .endTime(now).scanBy(ScanBy.TIMESTAMP_ASCENDING).metricDataQueries(tooMany)));
        assertThat(queries.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value at "
                + "'metricDataQueries' failed to satisfy constraint: Member must have length less than or equal to 500");

        CloudWatchException stat = validation(() -> cw.getMetricData(b -> b.startTime(now.minus(Duration.ofHours(1)))
                .endTime(now).metricDataQueries(query("bad", LATENCY, "p101", 60))));
        assertThat(stat.awsErrorDetails().errorMessage()).contains("p101");

        CloudWatchException records = validation(() -> cw.describeAlarms(b -> b.alarmTypes(AlarmType.METRIC_ALARM)
                .maxRecords(101)));
        assertThat(records.awsErrorDetails().errorMessage()).contains("'maxRecords'").contains("101");

        CloudWatchException history = validation(() -> cw.describeAlarmHistory(b -> b.alarmName("x").maxRecords(0)));
        assertThat(history.awsErrorDetails().errorMessage()).contains("'maxRecords'");
    }

    private static CloudWatchException validation(Runnable call) {
        List<CloudWatchException> caught = new ArrayList<>();
        List<HttpEndpoint.Recorded> wire = onTheWire(() -> caught.add(catchThrowableOfType(CloudWatchException.class,
                call::run)));
        assertThat(wire).extracting(HttpEndpoint.Recorded::status).containsExactly(400);
        CloudWatchException e = caught.get(0);
        // The model's ValidationException shape is CloudWatch's query error ValidationError (the Ruby SDK, which
        // names errors by query code, calls its class ValidationError): the SDK picks the class from __type.
        assertThat(e).isExactlyInstanceOf(ValidationException.class);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.isThrottlingException()).isFalse();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("1 validation error detected: ");
        assertThat(e.getMessage()).contains("Service: CloudWatch").contains("Status Code: 400");
        return e;
    }

    @Test
    void modelledErrorsBecomeTheirOwnExceptions() {
        MissingRequiredParameterException missing = catchThrowableOfType(MissingRequiredParameterException.class,
                () -> cw.getMetricData(b -> b.startTime(now.minus(Duration.ofHours(1))).endTime(now)));
        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("MissingParameter");
        assertThat(missing.awsErrorDetails().errorMessage()).isEqualTo(
                "The parameter MetricDataQueries is required.");

        Supplier<DescribeAlarmsRequest.Builder> alarms = () -> DescribeAlarmsRequest.builder()
                .alarmTypes(AlarmType.METRIC_ALARM).maxRecords(100);
        InvalidNextTokenException token = catchThrowableOfType(InvalidNextTokenException.class,
                () -> cw.describeAlarms(alarms.get().nextToken("not-a-token").build()));
        assertThat(token.awsErrorDetails().errorCode()).isEqualTo("InvalidNextToken");
        assertThat(token.statusCode()).isEqualTo(400);
        InvalidNextTokenException metrics = catchThrowableOfType(InvalidNextTokenException.class,
                () -> cw.listMetrics(b -> b.namespace("AWS/ECS").nextToken("not-a-token")));
        assertThat(metrics.awsErrorDetails().errorMessage()).isEqualTo("The NextToken is invalid.");
    }
}
