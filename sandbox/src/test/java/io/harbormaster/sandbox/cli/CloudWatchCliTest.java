package io.harbormaster.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.sandbox.SandboxControl;
import io.harbormaster.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's AWS CLI v2 ({@code /usr/bin/aws}) against a running sandbox: cloudwatch get-metric-data / list-metrics /
 * describe-alarms and logs filter-log-events, asserting on the parsed output. Skipped when the CLI is absent,
 * except on CI ({@code CI=true}), where its absence fails the build.
 *
 * <p>Debian's awscli is 2.9, which predates {@code endpoint_url} in profiles (2.13): a {@code --profile sandbox-dev}
 * role profile would send its AssumeRole to the real STS. So the test assumes dev's admin role once with
 * {@code aws sts assume-role --profile sandbox-ops --endpoint-url …} (the sandbox-ops keys come from the generated
 * credentials file) and runs every command with those session credentials and {@code --endpoint-url}.
 */
class CloudWatchCliTest {

    static final Path AWS = Path.of("/usr/bin/aws");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;
    static Sandbox sandbox;
    static JsonNode session;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        if (!Files.isExecutable(AWS)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("/usr/bin/aws (Debian's awscli) is required on CI");
            }
            assumeTrue(false, "/usr/bin/aws is not installed");
        }
        sandbox = Sandbox.start(SandboxOptions.forTests());
        Files.writeString(home.resolve("config"), sandbox.awsConfig("alice"));
        Files.writeString(home.resolve("credentials"), sandbox.awsCredentials("alice"));
        session = run(List.of("sts", "assume-role", "--role-arn", "arn:aws:iam::222222222222:role/admin",
                "--role-session-name", "alice", "--profile", "sandbox-ops"), false).get("Credentials");
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** Runs {@code aws <args>} as alice in dev's admin role and parses its JSON output. */
    static JsonNode aws(String... args) throws IOException, InterruptedException {
        return run(List.of(args), true);
    }

    private static JsonNode run(List<String> args, boolean asDevAdmin) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(AWS.toString()));
        cmd.addAll(args);
        cmd.addAll(List.of("--endpoint-url", sandbox.endpoint().toString(), "--region", "us-east-1", "--output", "json"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        Map<String, String> env = pb.environment();
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("HOME", home.toString());
        env.remove("AWS_PROFILE");
        env.remove("AWS_DEFAULT_PROFILE");
        env.remove("AWS_ACCESS_KEY_ID");
        env.remove("AWS_SECRET_ACCESS_KEY");
        env.remove("AWS_SESSION_TOKEN");
        if (asDevAdmin) {
            env.put("AWS_ACCESS_KEY_ID", session.get("AccessKeyId").asText());
            env.put("AWS_SECRET_ACCESS_KEY", session.get("SecretAccessKey").asText());
            env.put("AWS_SESSION_TOKEN", session.get("SessionToken").asText());
        }
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("aws " + String.join(" ", args) + " did not finish");
            return null;
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("aws %s\nstdout: %s\nstderr: %s", String.join(" ", args), text, err).isZero();
        return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
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
        SandboxControl.RecordedRequest put = wire.stream().filter(r -> r.headers().getOrDefault("authorization", "")
                .contains("/monitoring/aws4_request")).findFirst().orElseThrow();
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
        JsonNode alarms = aws("cloudwatch", "describe-alarms", "--alarm-name-prefix", "cli-");
        assertThat(alarms.get("MetricAlarms")).hasSize(1);
        JsonNode a = alarms.at("/MetricAlarms/0");
        assertThat(a.get("AlarmName").asText()).isEqualTo("cli-queue-deep");
        assertThat(a.get("StateValue").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(a.get("Threshold").asDouble()).isEqualTo(100.0);
        assertThat(a.get("AlarmArn").asText()).isEqualTo("arn:aws:cloudwatch:us-east-1:222222222222:alarm:cli-queue-deep");
        assertThat(a.at("/Dimensions/0/Value").asText()).isEqualTo("emails");
        assertThat(aws("cloudwatch", "describe-alarms", "--state-value", "ALARM").get("MetricAlarms")).isEmpty();
    }

    @Test
    void filterLogEventsWithTheCli() throws Exception {
        long start = sandbox.clock().now().minus(Duration.ofMinutes(10)).toEpochMilli();
        JsonNode out = aws("logs", "filter-log-events", "--log-group-name", "/ecs/dev/api", "--start-time", Long.toString(start),
                "--filter-pattern", "access", "--max-items", "20");
        assertThat(out.get("events")).isNotEmpty().hasSizeLessThanOrEqualTo(20);
        for (JsonNode e : out.get("events")) {
            assertThat(e.get("logStreamName").asText()).startsWith("api/");
            assertThat(e.get("message").asText()).contains(" access ");
            assertThat(e.get("timestamp").asLong()).isGreaterThanOrEqualTo(start);
        }
        JsonNode groups = aws("logs", "describe-log-groups", "--log-group-name-prefix", "/ecs/dev/");
        assertThat(groups.get("logGroups")).isNotEmpty();
        assertThat(groups.at("/logGroups/0/logGroupName").asText()).startsWith("/ecs/dev/");
    }
}
