package io.harbormaster.sandbox.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.sandbox.SandboxOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** CloudWatch and Logs over the real traffic model's Telemetry, in a whole sandbox. */
class CloudWatchTrafficTest {

    static Sandbox sandbox;
    static StaticCredentialsProvider dev;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        var key = sandbox.control().accessKey("alice");
        try (StsClient sts = StsClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
                .build()) {
            Credentials c = sts.assumeRole(b -> b.roleArn("arn:aws:iam::222222222222:role/readonly").roleSessionName("alice")).credentials();
            dev = StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
        }
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static CloudWatchClient cloudWatch() {
        return CloudWatchClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1).credentialsProvider(dev)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @Test
    void servesTheFleetsMetricsWithPercentiles() {
        try (CloudWatchClient cw = cloudWatch()) {
            List<Metric> latency = cw.listMetricsPaginator(b -> b.namespace("AWS/ApplicationELB").metricName("TargetResponseTime"))
                    .metrics().stream().filter(m -> m.dimensions().size() == 2).toList();
            assertThat(latency).isNotEmpty();
            assertThat(cw.listMetrics(b -> b.namespace("AWS/ECS").metricName("CPUUtilization")).metrics()).isNotEmpty();
            Metric m = latency.get(0);
            Instant now = sandbox.clock().now();
            GetMetricDataResponse r = cw.getMetricData(b -> b.startTime(now.minus(Duration.ofMinutes(30))).endTime(now)
                    .metricDataQueries(
                            q -> q.id("p50").metricStat(s -> s.metric(m).period(60).stat("p50")),
                            q -> q.id("p99").metricStat(s -> s.metric(m).period(60).stat("p99")),
                            q -> q.id("avg").metricStat(s -> s.metric(m).period(300).stat("Average"))));
            List<Double> p50 = r.metricDataResults().get(0).values();
            List<Double> p99 = r.metricDataResults().get(1).values();
            assertThat(p50).isNotEmpty().hasSameSizeAs(p99);
            for (int i = 0; i < p50.size(); i++) {
                assertThat(p99.get(i)).isGreaterThanOrEqualTo(p50.get(i));
            }
            assertThat(r.metricDataResults().get(2).values()).isNotEmpty().allSatisfy(v -> assertThat(v).isPositive());
        }
    }

    @Test
    void accessLinesFollowTheTrafficModel() {
        try (CloudWatchLogsClient logs = CloudWatchLogsClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(dev).overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            long from = sandbox.clock().now().minus(Duration.ofMinutes(5)).toEpochMilli();
            var events = logs.filterLogEvents(b -> b.logGroupName("/ecs/api").startTime(from).filterPattern("access")).events();
            assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.message()).contains(" access "));
        }
    }
}
