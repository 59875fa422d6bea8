package io.harbormaster.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Debian's AWS CLI v2 ({@code /usr/bin/aws}) against a running sandbox: sts get-caller-identity and assume-role
 * (trusted, untrusted, MFA wrong and right), and ecs list-clusters / describe-clusters / list-services /
 * describe-services / list-container-instances / describe-container-instances / list-tasks / describe-tasks /
 * register-task-definition / update-service / stop-task, asserting on the parsed output. The ECS commands run in prod's admin
 * role, assumed by the CLI itself with {@code --serial-number} and {@code --token-code}. Skipped when the CLI is
 * absent, except on CI ({@code CI=true}).
 */
@Execution(ExecutionMode.CONCURRENT) // runs beside the in-process tests; see junit-platform.properties
class StsEcsCliTest {

    static final String PROD_ADMIN = "arn:aws:iam::444444444444:role/admin";

    @TempDir
    static Path home;
    static Sandbox sandbox;
    static AwsCli cli;
    static AwsCli.Creds prodAdmin;

    @BeforeAll
    static void start() throws IOException {
        AwsCli.require();
        sandbox = Sandbox.start(SandboxOptions.forTests());
        cli = AwsCli.on(sandbox, home);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** The current code with its first digit changed: a code no authenticator shows now. */
    private static String wrongCode(String code) {
        return (char) ('0' + (code.charAt(0) - '0' + 5) % 10) + code.substring(1);
    }

    @Test
    void stsWithTheCli() {
        AwsCli.Creds alice = cli.user("alice");
        String serial = "arn:aws:iam::111111111111:mfa/alice";
        String code = sandbox.currentTotpCode("alice");
        // Untrusted: bob is not named by stage's admin role (run beside alice's batch).
        var untrusted = java.util.concurrent.CompletableFuture.supplyAsync(() -> cli.run(cli.user("bob"), "sts",
                "assume-role", "--role-arn", "arn:aws:iam::333333333333:role/admin", "--role-session-name", "bob"));
        List<AwsCli.Result> r = cli.parallel(alice, List.of(
                AwsCli.cmd("sts", "get-caller-identity"),
                // Trusted: alice may assume dev's admin role.
                AwsCli.cmd("sts", "assume-role", "--role-arn", "arn:aws:iam::222222222222:role/admin",
                        "--role-session-name", "alice-cli", "--duration-seconds", "900"),
                // MFA: prod's admin role with a wrong code, without one, and with the right one.
                AwsCli.cmd("sts", "assume-role", "--role-arn", PROD_ADMIN, "--role-session-name", "alice",
                        "--serial-number", serial, "--token-code", wrongCode(code)),
                AwsCli.cmd("sts", "assume-role", "--role-arn", PROD_ADMIN, "--role-session-name", "alice"),
                AwsCli.cmd("sts", "assume-role", "--role-arn", PROD_ADMIN, "--role-session-name", "alice",
                        "--serial-number", serial, "--token-code", code)));

        assertThat(r.get(0).exit()).as(r.get(0).err()).isZero();
        JsonNode me = r.get(0).json();
        assertThat(me.get("Account").asText()).isEqualTo("111111111111");
        assertThat(me.get("Arn").asText()).isEqualTo("arn:aws:iam::111111111111:user/alice");
        assertThat(me.get("UserId").asText()).startsWith("AIDA");

        assertThat(r.get(1).exit()).as(r.get(1).err()).isZero();
        JsonNode assumed = r.get(1).json();
        JsonNode c = assumed.get("Credentials");
        assertThat(c.get("AccessKeyId").asText()).startsWith("ASIA").hasSize(20);
        assertThat(c.get("SecretAccessKey").asText()).hasSize(40);
        assertThat(c.get("SessionToken").asText()).isNotBlank();
        Instant expiry = Instant.parse(c.get("Expiration").asText().replace("+00:00", "Z"));
        assertThat(Duration.between(sandbox.clock().now(), expiry).toSeconds()).isBetween(895L, 905L);
        assertThat(assumed.at("/AssumedRoleUser/Arn").asText())
                .isEqualTo("arn:aws:sts::222222222222:assumed-role/admin/alice-cli");

        assertThat(r.get(2).exit()).isNotZero();
        assertThat(r.get(2).err()).contains("AccessDenied")
                .contains("MultiFactorAuthentication failed with invalid MFA one time pass code");
        assertThat(r.get(3).exit()).isNotZero();
        assertThat(r.get(3).err()).contains("AccessDenied")
                .contains("is not authorized to perform: sts:AssumeRole on resource: " + PROD_ADMIN);
        assertThat(r.get(4).exit()).as(r.get(4).err()).isZero();
        JsonNode prod = r.get(4).json();
        assertThat(prod.at("/Credentials/AccessKeyId").asText()).startsWith("ASIA");
        assertThat(prod.at("/AssumedRoleUser/Arn").asText()).isEqualTo("arn:aws:sts::444444444444:assumed-role/admin/alice");

        AwsCli.Result denied = untrusted.join();
        assertThat(denied.exit()).isNotZero();
        assertThat(denied.err()).contains("AccessDenied")
                .contains("is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::333333333333:role/admin");

        // The session is the role's: get-caller-identity with it names the assumed role in dev's account.
        JsonNode asRole = cli.ok(AwsCli.Creds.of(c), "sts", "get-caller-identity");
        assertThat(asRole.get("Account").asText()).isEqualTo("222222222222");
        assertThat(asRole.get("Arn").asText()).isEqualTo("arn:aws:sts::222222222222:assumed-role/admin/alice-cli");
    }

    /** Prod's admin session, assumed by the CLI with MFA (shared by the ECS tests). */
    private static synchronized AwsCli.Creds prodAdmin() {
        if (prodAdmin == null) {
            prodAdmin = cli.assumeRole(cli.user("alice"), PROD_ADMIN, "alice", "--serial-number",
                    "arn:aws:iam::111111111111:mfa/alice", "--token-code", sandbox.currentTotpCode("alice"));
        }
        return prodAdmin;
    }

    @Test
    void ecsReadsWithTheCli() {
        AwsCli.Creds prod = prodAdmin();
        List<AwsCli.Result> r = cli.parallel(prod, List.of(
                AwsCli.cmd("ecs", "list-clusters"),
                AwsCli.cmd("ecs", "describe-clusters", "--clusters", "api", "nope"),
                // Pages of 4: the CLI follows nextToken itself.
                AwsCli.cmd("ecs", "list-services", "--cluster", "api", "--page-size", "4"),
                AwsCli.cmd("ecs", "describe-services", "--cluster", "api", "--services", "api-docs", "api-blue"),
                AwsCli.cmd("ecs", "describe-services", "--cluster", "api", "--services",
                        "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11"),
                AwsCli.cmd("ecs", "list-container-instances", "--cluster", "api"),
                AwsCli.cmd("ecs", "list-tasks", "--cluster", "api", "--service-name", "api-docs")));
        for (int i : new int[] {0, 1, 2, 3, 5, 6}) {
            assertThat(r.get(i).exit()).as("command %d: %s", i, r.get(i).err()).isZero();
        }
        List<String> arns = new ArrayList<>();
        r.get(0).json().get("clusterArns").forEach(a -> arns.add(a.asText()));
        assertThat(arns).contains("arn:aws:ecs:us-east-1:444444444444:cluster/api",
                "arn:aws:ecs:us-east-1:444444444444:cluster/cdn", "arn:aws:ecs:us-east-1:444444444444:cluster/warehouses");

        JsonNode dc = r.get(1).json();
        assertThat(dc.get("clusters")).hasSize(1);
        assertThat(dc.at("/failures/0/reason").asText()).isEqualTo("MISSING");
        JsonNode api = dc.at("/clusters/0");
        assertThat(api.get("clusterName").asText()).isEqualTo("api");
        assertThat(api.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(api.get("registeredContainerInstancesCount").asInt()).isPositive();
        assertThat(api.get("runningTasksCount").asInt()).isPositive();

        List<String> serviceArns = new ArrayList<>();
        r.get(2).json().get("serviceArns").forEach(a -> serviceArns.add(a.asText()));
        assertThat(serviceArns).hasSize(9).doesNotHaveDuplicates().contains(
                "arn:aws:ecs:us-east-1:444444444444:service/api/api-blue",
                "arn:aws:ecs:us-east-1:444444444444:service/api/api-docs");

        JsonNode ds = r.get(3).json();
        JsonNode docs = AwsCli.find(ds.get("services"), "serviceName", "api-docs");
        assertThat(docs.get("desiredCount").asInt()).isEqualTo(6);
        assertThat(docs.get("runningCount").asInt()).isEqualTo(6);
        assertThat(docs.get("taskDefinition").asText()).startsWith("arn:aws:ecs:us-east-1:444444444444:task-definition/docs:");
        assertThat(docs.at("/deployments/0/rolloutState").asText()).isEqualTo("COMPLETED");
        JsonNode blue = AwsCli.find(ds.get("services"), "serviceName", "api-blue");
        assertThat(blue.at("/loadBalancers/0/targetGroupArn").asText()).contains(":targetgroup/api-blue/");
        assertThat(r.get(4).exit()).isNotZero();
        assertThat(r.get(4).err()).contains("InvalidParameterException");

        JsonNode instances = r.get(5).json().get("containerInstanceArns");
        assertThat(instances.size()).isEqualTo(api.get("registeredContainerInstancesCount").asInt());
        JsonNode taskArns = r.get(6).json().get("taskArns");
        assertThat(taskArns).hasSize(6);

        List<JsonNode> d = cli.okAll(prod, List.of(
                AwsCli.cmd("ecs", "describe-container-instances", "--cluster", "api", "--container-instances",
                        instances.get(0).asText(), instances.get(1).asText()),
                AwsCli.cmd("ecs", "describe-tasks", "--cluster", "api", "--tasks", taskArns.get(0).asText(),
                        taskArns.get(1).asText(), "arn:aws:ecs:us-east-1:444444444444:task/api/00000000000000000000000000000000")));
        JsonNode dci = d.get(0).get("containerInstances");
        assertThat(dci).hasSize(2);
        JsonNode ci = dci.get(0);
        assertThat(ci.get("containerInstanceArn").asText()).isEqualTo(instances.get(0).asText());
        assertThat(ci.get("ec2InstanceId").asText()).startsWith("i-0");
        assertThat(ci.get("agentConnected").asBoolean()).isTrue();
        assertThat(ci.get("registeredResources").toString()).contains("\"name\":\"CPU\"").contains("\"name\":\"MEMORY\"");
        assertThat(ci.get("remainingResources").toString()).contains("\"name\":\"PORTS\"");
        assertThat(ci.get("attributes").toString()).contains("ecs.instance-type").contains("ecs.availability-zone");

        JsonNode tasks = d.get(1).get("tasks");
        assertThat(tasks).hasSize(2);
        assertThat(d.get(1).at("/failures/0/reason").asText()).isEqualTo("MISSING");
        for (JsonNode t : tasks) {
            assertThat(t.get("lastStatus").asText()).isEqualTo("RUNNING");
            assertThat(t.get("group").asText()).isEqualTo("service:api-docs");
            assertThat(t.get("containerInstanceArn").asText()).startsWith("arn:aws:ecs:us-east-1:444444444444:container-instance/api/");
            assertThat(t.has("startedAt")).isTrue();
        }
    }

    @Test
    void ecsWritesWithTheCli() {
        AwsCli.Creds prod = prodAdmin();
        var unknown = java.util.concurrent.CompletableFuture.supplyAsync(() -> cli.run(prod, "ecs", "update-service",
                "--cluster", "api", "--service", "no-such-service", "--desired-count", "1"));
        JsonNode registered = cli.ok(prod, "ecs", "register-task-definition", "--family", "admin-api",
                "--container-definitions", "[{\"name\":\"admin-api\",\"image\":\"registry.example.com/admin-api:2.3.1\","
                        + "\"cpu\":256,\"memory\":512,\"essential\":true,"
                        + "\"portMappings\":[{\"containerPort\":8080,\"hostPort\":0,\"protocol\":\"tcp\"}]}]")
                .get("taskDefinition");
        String td = registered.get("taskDefinitionArn").asText();
        assertThat(td).startsWith("arn:aws:ecs:us-east-1:444444444444:task-definition/admin-api:");
        assertThat(registered.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(registered.at("/containerDefinitions/0/image").asText()).isEqualTo("registry.example.com/admin-api:2.3.1");
        assertThat(registered.at("/containerDefinitions/0/portMappings/0/hostPort").asInt()).isZero();

        JsonNode updated = cli.ok(prod, "ecs", "update-service", "--cluster", "api", "--service", "api-admin",
                "--task-definition", td, "--desired-count", "17").get("service");
        assertThat(updated.get("taskDefinition").asText()).isEqualTo(td);
        assertThat(updated.get("desiredCount").asInt()).isEqualTo(17);
        assertThat(updated.at("/deployments/0/status").asText()).isEqualTo("PRIMARY");
        assertThat(updated.at("/deployments/0/rolloutState").asText()).isEqualTo("IN_PROGRESS");
        assertThat(updated.at("/deployments/0/taskDefinition").asText()).isEqualTo(td);
        assertThat(updated.get("deployments")).hasSize(2);

        assertThat(unknown.join().exit()).isNotZero();
        assertThat(unknown.join().err()).contains("ServiceNotFoundException");
    }

    /**
     * stop-task as the API reference describes it: the answer has desiredStatus STOPPED, stop code UserInitiated and
     * the reason given; behind a load balancer the task drains (DEACTIVATING), then STOPPING, then STOPPED; the
     * service starts a replacement. A reason over 255 characters and a task that is not there are refused. On a
     * service nothing else here changes and Service Auto Scaling does not scale (image-resizer, scaled, grew from 56
     * to 59 tasks while the clock moved on: a flake in CI).
     */
    @Test
    void stopTaskWithTheCli() {
        AwsCli.Creds prod = prodAdmin();
        JsonNode before = cli.ok(prod, "ecs", "list-tasks", "--cluster", "api", "--service-name", "api-graphql")
                .get("taskArns");
        String victim = before.get(0).asText();
        List<AwsCli.Result> refused = cli.parallel(prod, List.of(
                AwsCli.cmd("ecs", "stop-task", "--cluster", "api", "--task", victim, "--reason", "x".repeat(256)),
                AwsCli.cmd("ecs", "stop-task", "--cluster", "api", "--task", "0123456789abcdef0123456789abcdef")));

        JsonNode stopped = cli.ok(prod, "ecs", "stop-task", "--cluster", "api", "--task", victim,
                "--reason", "leaking memory, restarted by alice").get("task");
        assertThat(stopped.get("taskArn").asText()).isEqualTo(victim);
        assertThat(stopped.get("desiredStatus").asText()).isEqualTo("STOPPED");
        assertThat(stopped.get("lastStatus").asText()).isEqualTo("DEACTIVATING");
        assertThat(stopped.get("stopCode").asText()).isEqualTo("UserInitiated");
        assertThat(stopped.get("stoppedReason").asText()).isEqualTo("leaking memory, restarted by alice");
        assertThat(stopped.has("stoppingAt")).isTrue();

        sandbox.clock().advance(Duration.ofSeconds(31));
        assertThat(describeTask(prod, victim).get("lastStatus").asText()).isEqualTo("STOPPING");
        sandbox.clock().advance(Duration.ofMinutes(1));
        JsonNode after = describeTask(prod, victim);
        assertThat(after.get("lastStatus").asText()).isEqualTo("STOPPED");
        assertThat(after.has("stoppedAt")).isTrue();
        assertThat(after.get("stoppedReason").asText()).isEqualTo("leaking memory, restarted by alice");

        JsonNode now = cli.ok(prod, "ecs", "list-tasks", "--cluster", "api", "--service-name", "api-graphql")
                .get("taskArns");
        assertThat(now.size()).as("the scheduler replaced it").isEqualTo(before.size());
        assertThat(now.toString()).doesNotContain(victim);
        JsonNode service = cli.ok(prod, "ecs", "describe-services", "--cluster", "api", "--services",
                "api-graphql").at("/services/0");
        List<String> events = new ArrayList<>();
        service.get("events").forEach(e -> events.add(e.get("message").asText()));
        assertThat(events).anyMatch(m -> m.startsWith("(service api-graphql) has started 1 tasks"));

        assertThat(refused.get(0).exit()).isNotZero();
        assertThat(refused.get(0).err()).contains("InvalidParameterException").contains("255");
        assertThat(refused.get(1).exit()).isNotZero();
        assertThat(refused.get(1).err()).contains("InvalidParameterException")
                .contains("The referenced task was not found");
    }

    private static JsonNode describeTask(AwsCli.Creds creds, String task) {
        return cli.ok(creds, "ecs", "describe-tasks", "--cluster", "api", "--tasks", task).at("/tasks/0");
    }

    /**
     * Per-host metrics as AWS publishes them: AWS/EC2 CPUUtilization for every instance (basic monitoring, one
     * datapoint per five minutes), and Container Insights' instance-level metrics only in the cluster whose setting
     * is {@code enhanced}; DescribeClusters reports each cluster's setting with {@code --include SETTINGS}.
     */
    @Test
    void hostMetricsFollowEachClustersContainerInsightsSetting() {
        AwsCli.Creds prod = prodAdmin();
        JsonNode clusters = cli.ok(prod, "ecs", "describe-clusters", "--clusters", "api", "app", "cdn",
                "--include", "SETTINGS");
        List<String> settings = new ArrayList<>();
        clusters.get("clusters").forEach(c -> settings.add(c.get("clusterName").asText() + "="
                + c.at("/settings/0/name").asText() + ":" + c.at("/settings/0/value").asText()));
        assertThat(settings).containsExactly("api=containerInsights:enhanced", "app=containerInsights:enabled",
                "cdn=containerInsights:disabled");
        assertThat(cli.ok(prod, "ecs", "describe-clusters", "--clusters", "api").at("/clusters/0/settings")
                .isMissingNode()).as("settings only when asked for").isTrue();

        List<String> ec2Ids = new ArrayList<>();
        for (String cluster : List.of("api", "app", "cdn")) {
            JsonNode arns = cli.ok(prod, "ecs", "list-container-instances", "--cluster", cluster)
                    .get("containerInstanceArns");
            List<String> args = new ArrayList<>(List.of("ecs", "describe-container-instances", "--cluster", cluster,
                    "--container-instances"));
            arns.forEach(a -> args.add(a.asText()));
            cli.ok(prod, args.toArray(String[]::new)).get("containerInstances")
                    .forEach(ci -> ec2Ids.add(ci.get("ec2InstanceId").asText()));
        }
        List<String> listedEc2 = new ArrayList<>();
        cli.ok(prod, "cloudwatch", "list-metrics", "--namespace", "AWS/EC2", "--metric-name", "CPUUtilization")
                .get("Metrics").forEach(m -> {
                    assertThat(m.at("/Dimensions/0/Name").asText()).isEqualTo("InstanceId");
                    listedEc2.add(m.at("/Dimensions/0/Value").asText());
                });
        assertThat(listedEc2).containsAll(ec2Ids);
        assertThat(cli.ok(prod, "cloudwatch", "list-metrics", "--namespace", "Harbormaster/ContainerInstance")
                .get("Metrics")).isEmpty();

        List<String> insightClusters = new ArrayList<>();
        JsonNode insights = cli.ok(prod, "cloudwatch", "list-metrics", "--namespace", "ECS/ContainerInsights",
                "--metric-name", "instance_cpu_utilization").get("Metrics");
        insights.forEach(m -> {
            List<String> names = new ArrayList<>();
            m.get("Dimensions").forEach(d -> {
                names.add(d.get("Name").asText());
                if (d.get("Name").asText().equals("ClusterName")) {
                    insightClusters.add(d.get("Value").asText());
                }
            });
            assertThat(names).containsExactlyInAnyOrder("ClusterName", "ContainerInstanceId", "EC2InstanceId");
        });
        assertThat(insightClusters).isNotEmpty().containsOnly("api");

        Instant end = sandbox.clock().now();
        JsonNode stats = cli.ok(prod, "cloudwatch", "get-metric-statistics", "--namespace", "AWS/EC2",
                "--metric-name", "CPUUtilization", "--dimensions", "Name=InstanceId,Value=" + ec2Ids.get(0),
                "--statistics", "Average", "--period", "60",
                "--start-time", end.minus(Duration.ofMinutes(30)).toString(), "--end-time", end.toString());
        List<Instant> at = new ArrayList<>();
        stats.get("Datapoints").forEach(p -> at.add(Instant.parse(p.get("Timestamp").asText())));
        assertThat(at).as("basic monitoring: one datapoint per five minutes").hasSizeBetween(5, 6)
                .allSatisfy(t -> assertThat(t.getEpochSecond() % 300).isZero());
    }
}
