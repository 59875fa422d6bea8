package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Route53Exception;

/**
 * Route 53 and CloudWatch throttle as AWS documents: Route 53 five requests a second per account; CloudWatch one
 * bucket per action (PutMetricAlarm 3/s, GetMetricStatistics 400/s, …) whichever protocol carries it. Counted on a
 * hand-moved throttle clock.
 */
@Isolated // counts calls: never beside the concurrent CLI tests (junit-platform.properties)
class OtherServicesThrottlingTest {

    private final AtomicLong nanos = new AtomicLong();
    private Sandbox sandbox;
    private SdkClients clients;
    private AwsSessionCredentials dev;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests(), nanos::get);
        clients = new SdkClients(sandbox);
        dev = (AwsSessionCredentials) clients.role("alice", "dev", "admin");
        sandbox.control().setThrottling(true);
    }

    @AfterEach
    void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void route53AllowsFiveRequestsASecondPerAccount() {
        try (Route53Client route53 = clients.route53(dev)) {
            assertThat(untilThrottled(route53::listHostedZones)).isEqualTo(5);
            Route53Exception e = null;
            try {
                route53.getHostedZoneCount();
            } catch (Route53Exception thrown) {
                e = thrown;
            }
            assertThat(e).isNotNull();
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
            nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
            assertThat(untilThrottled(route53::getHostedZoneCount)).isEqualTo(5);
        }
    }

    @Test
    void cloudWatchThrottlesEachActionOnItsOwn() {
        try (CloudWatchClient cw = clients.cloudWatch(dev)) {
            int[] n = {0};
            assertThat(untilThrottled(() -> putAlarm(cw, "probe-" + n[0]++))).isEqualTo(3);
            assertThat(untilThrottled(() -> cw.describeAlarms(b -> b.maxRecords(1)))).isEqualTo(9);
            assertThat(untilThrottled(() -> cw.setAlarmState(b -> b.alarmName("probe-0").stateValue("OK")
                    .stateReason("test")))).isEqualTo(3);
            int[] d = {0};
            assertThat(untilThrottled(() -> cw.deleteAlarms(b -> b.alarmNames("probe-" + d[0]++)))).isEqualTo(3);
            Instant now = sandbox.clock().now();
            assertThat(untilThrottled(() -> cw.getMetricStatistics(b -> b.namespace("AWS/ECS")
                    .metricName("CPUUtilization").startTime(now.minus(Duration.ofMinutes(5))).endTime(now).period(60)
                    .statistics(Statistic.AVERAGE)))).isEqualTo(400);
            nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
            assertThat(untilThrottled(() -> putAlarm(cw, "probe-" + n[0]++))).isEqualTo(3);
        }
    }

    @Test
    void cloudWatchProtocolsShareAnActionsBucket() throws Exception {
        try (CloudWatchClient cw = clients.cloudWatch(dev)) { // SDK 2.40.2: the query protocol
            int[] n = {0};
            assertThat(untilThrottled(() -> putAlarm(cw, "probe-" + n[0]++))).isEqualTo(3);
        }
        HttpResponse<String> json = json("PutMetricAlarm", "{\"AlarmName\":\"json-probe\",\"Namespace\":\"AWS/ECS\","
                + "\"MetricName\":\"CPUUtilization\",\"Statistic\":\"Average\",\"Period\":60,\"EvaluationPeriods\":1,"
                + "\"Threshold\":80,\"ComparisonOperator\":\"GreaterThanThreshold\"}");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).contains("Throttling");
        HttpResponse<String> other = json("DescribeAlarms", "{}");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
    }

    private static void putAlarm(CloudWatchClient cw, String name) {
        cw.putMetricAlarm(b -> b.alarmName(name).namespace("AWS/ECS").metricName("CPUUtilization")
                .statistic(Statistic.AVERAGE).period(60).evaluationPeriods(1).threshold(80.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
    }

    private HttpResponse<String> json(String action, String body) throws Exception {
        String date = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + dev.accessKeyId() + "/" + date
                        + "/us-east-1/monitoring/aws4_request, SignedHeaders=host;x-amz-date, Signature=00")
                .header("X-Amz-Date", date + "T000000Z")
                .header("X-Amz-Security-Token", dev.sessionToken())
                .header("X-Amz-Target", "GraniteServiceVersion20100801." + action)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Calls until the first throttle (ThrottlingException or Throttling); answers how many got through before it. */
    private static int untilThrottled(Runnable call) {
        for (int n = 0; n < 1_000; n++) {
            try {
                call.run();
            } catch (AwsServiceException e) {
                String code = e.awsErrorDetails().errorCode();
                if (code.equals("Throttling") || code.equals("ThrottlingException")) {
                    return n;
                }
                throw e;
            }
        }
        throw new AssertionError("never throttled in 1,000 calls");
    }
}
