package io.harbormaster.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.sandbox.SandboxControl;
import io.harbormaster.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Debian's AWS CLI v2 ({@code /usr/bin/aws}) against a running sandbox: cloudwatch get-metric-data / list-metrics /
 * describe-alarms and logs filter-log-events, asserting on the parsed output. Skipped when the CLI is absent,
 * except on CI ({@code CI=true}), where its absence fails the build.
 *
 * <p>Debian's awscli is 2.9, which predates {@code endpoint_url} in profiles (2.13), so the test assumes dev's admin
 * role once with {@code aws sts assume-role --endpoint-url …} and runs every command with those session credentials
 * (see {@link AwsCli}).
 */
@Execution(ExecutionMode.CONCURRENT) // runs beside the in-process tests; see junit-platform.properties
class CloudWatchCliTest {

    @TempDir
    static Path home;
    static Sandbox sandbox;
    static AwsCli cli;
    static AwsCli.Creds devAdmin;

    @BeforeAll
    static void start() throws IOException {
        AwsCli.require();
        sandbox = Sandbox.start(SandboxOptions.forTests());
        cli = AwsCli.on(sandbox, home);
        devAdmin = cli.assumeRole(cli.user("alice"), "arn:aws:iam::222222222222:role/admin", "alice");
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** Runs {@code aws <args>} as alice in dev's admin role and parses its JSON output. */
    static JsonNode aws(String... args) {
        return cli.ok(devAdmin, args);
    }

    @Test
    void putGetAndListMetricsWithTheCli() throws Exception {
        Instant now = sandbox.clock().now();
        sandbox.control().recordRequests(true);
        aws("cloudwatch", "put-metric-data", "--namespace", "Harbormaster/Cli", "--metric-data",
                "[{\"MetricName\":\"QueueDepth\",\"Dimensions\":[{\"Name\":\"Queue\",\"Value\":\"emails\"}],"
                        + "\"Values\":[3,5,7],\"Unit\":\"Count\"}]");
        List<SandboxControl.RecordedRequest> wire = sandbox.control().recordedRequests();
        sandbox.control().recordRequests(false);
        // This class's tests run concurrently on one sandbox: pick this test's call out of whatever else was recorded.
        SandboxControl.RecordedRequest put = wire.stream().filter(r -> r.headers().getOrDefault("authorization", "")
                .contains("/monitoring/aws4_request") && r.body().contains("PutMetricData")).findFirst().orElseThrow();
        // Debian's awscli 2.9 speaks the query protocol to CloudWatch.
        assertThat(put.headers().get("content-type")).startsWith("application/x-www-form-urlencoded");
        assertThat(put.body()).startsWith("Action=PutMetricData&Version=2010-08-01");

        JsonNode listed = aws("cloudwatch", "list-metrics", "--namespace", "Harbormaster/Cli");
        assertThat(listed.get("Metrics")).hasSize(1);
        assertThat(listed.at("/Metrics/0/MetricName").asText()).isEqualTo("QueueDepth");
        assertThat(listed.at("/Metrics/0/Dimensions/0/Name").asText()).isEqualTo("Queue");
        assertThat(listed.at("/Metrics/0/Dimensions/0/Value").asText()).isEqualTo("emails");

        String queries = "[{\"Id\":\"depth\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"Harbormaster/Cli\",\"MetricName\":\"QueueDepth\","
                + "\"Dimensions\":[{\"Name\":\"Queue\",\"Value\":\"emails\"}]},\"Period\":60,\"Stat\":\"Maximum\"}},"
                + "{\"Id\":\"p50\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"Harbormaster/Cli\",\"MetricName\":\"QueueDepth\","
                + "\"Dimensions\":[{\"Name\":\"Queue\",\"Value\":\"emails\"}]},\"Period\":60,\"Stat\":\"p50\"}}]";
        JsonNode data = aws("cloudwatch", "get-metric-data", "--metric-data-queries", queries,
                "--start-time", now.minus(Duration.ofMinutes(10)).toString(), "--end-time", now.plus(Duration.ofMinutes(2)).toString());
        assertThat(data.at("/MetricDataResults/0/Id").asText()).isEqualTo("depth");
        assertThat(data.at("/MetricDataResults/0/Values/0").asDouble()).isEqualTo(7.0);
        assertThat(data.at("/MetricDataResults/0/StatusCode").asText()).isEqualTo("Complete");
        assertThat(Instant.parse(data.at("/MetricDataResults/0/Timestamps/0").asText().replace("+00:00", "Z")))
                .isEqualTo(Instant.ofEpochSecond(now.getEpochSecond() / 60 * 60));
        assertThat(data.at("/MetricDataResults/1/Values/0").asDouble()).isEqualTo(5.0);
    }

    @Test
    void describeAlarmsWithTheCli() throws Exception {
        aws("cloudwatch", "put-metric-alarm", "--alarm-name", "cli-queue-deep", "--namespace", "Harbormaster/Cli",
                "--metric-name", "QueueDepth", "--dimensions", "Name=Queue,Value=emails", "--statistic", "Maximum",
                "--period", "60", "--evaluation-periods", "1", "--threshold", "100",
                "--comparison-operator", "GreaterThanThreshold");
        List<JsonNode> described = cli.okAll(devAdmin, List.of(
                AwsCli.cmd("cloudwatch", "describe-alarms", "--alarm-name-prefix", "cli-"),
                AwsCli.cmd("cloudwatch", "describe-alarms", "--state-value", "ALARM")));
        JsonNode alarms = described.get(0);
        assertThat(alarms.get("MetricAlarms")).hasSize(1);
        JsonNode a = alarms.at("/MetricAlarms/0");
        assertThat(a.get("AlarmName").asText()).isEqualTo("cli-queue-deep");
        assertThat(a.get("StateValue").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(a.get("Threshold").asDouble()).isEqualTo(100.0);
        assertThat(a.get("AlarmArn").asText()).isEqualTo("arn:aws:cloudwatch:us-east-1:222222222222:alarm:cli-queue-deep");
        assertThat(a.at("/Dimensions/0/Value").asText()).isEqualTo("emails");
        assertThat(described.get(1).get("MetricAlarms")).isEmpty();
    }

    @Test
    void filterLogEventsWithTheCli() throws Exception {
        long start = sandbox.clock().now().minus(Duration.ofMinutes(10)).toEpochMilli();
        List<JsonNode> both = cli.okAll(devAdmin, List.of(
                AwsCli.cmd("logs", "filter-log-events", "--log-group-name", "/ecs/api", "--start-time", Long.toString(start),
                        "--filter-pattern", "access", "--max-items", "20"),
                AwsCli.cmd("logs", "describe-log-groups", "--log-group-name-prefix", "/ecs/")));
        JsonNode out = both.get(0);
        assertThat(out.get("events")).isNotEmpty().hasSizeLessThanOrEqualTo(20);
        for (JsonNode e : out.get("events")) {
            assertThat(e.get("logStreamName").asText()).startsWith("ecs/api/");
            assertThat(e.get("message").asText()).contains(" access ");
            assertThat(e.get("timestamp").asLong()).isGreaterThanOrEqualTo(start);
        }
        JsonNode groups = both.get(1);
        assertThat(groups.get("logGroups")).isNotEmpty();
        assertThat(groups.at("/logGroups/0/logGroupName").asText()).startsWith("/ecs/");
    }

    @Test
    void theTeamsWarningAndCriticalAlarmsAreInProdAndStageAndNotInDev() {
        AwsCli.Creds prod = cli.assumeRole(cli.user("alice"), "arn:aws:iam::444444444444:role/readonly", "alice",
                "--serial-number", "arn:aws:iam::111111111111:mfa/alice", "--token-code",
                sandbox.currentTotpCode("alice"));
        JsonNode inProd = cli.ok(prod, "cloudwatch", "describe-alarms", "--alarm-name-prefix", "prod-api-green-");
        List<String> names = new java.util.ArrayList<>();
        inProd.get("MetricAlarms").forEach(a -> names.add(a.get("AlarmName").asText()));
        assertThat(names).containsExactly("prod-api-green-cpu-critical", "prod-api-green-cpu-warning",
                "prod-api-green-memory-critical");
        JsonNode critical = inProd.get("MetricAlarms").get(0);
        assertThat(critical.get("Namespace").asText()).isEqualTo("AWS/ECS");
        assertThat(critical.get("MetricName").asText()).isEqualTo("CPUUtilization");
        assertThat(critical.get("Threshold").asDouble()).isEqualTo(90.0);
        assertThat(critical.get("EvaluationPeriods").asInt()).isEqualTo(3);
        assertThat(critical.get("ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");
        java.util.Map<String, String> dimensions = new java.util.TreeMap<>();
        critical.get("Dimensions").forEach(d -> dimensions.put(d.get("Name").asText(), d.get("Value").asText()));
        assertThat(dimensions).isEqualTo(java.util.Map.of("ClusterName", "api", "ServiceName", "api-green"));

        AwsCli.Creds stage = cli.assumeRole(cli.user("alice"), "arn:aws:iam::333333333333:role/readonly", "alice");
        List<String> inStage = new java.util.ArrayList<>();
        cli.ok(stage, "cloudwatch", "describe-alarms", "--alarm-name-prefix", "stage-api-green-").get("MetricAlarms")
                .forEach(a -> inStage.add(a.get("AlarmName").asText()));
        assertThat(inStage).as("stage mirrors prod's CPU alarms, not its memory one")
                .containsExactly("stage-api-green-cpu-critical", "stage-api-green-cpu-warning");

        assertThat(aws("cloudwatch", "describe-alarms", "--alarm-name-prefix", "dev-").get("MetricAlarms"))
                .as("dev's teams set up none").isEmpty();
    }
}
