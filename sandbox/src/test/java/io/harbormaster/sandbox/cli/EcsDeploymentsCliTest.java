package io.harbormaster.sandbox.cli;

import static io.harbormaster.sandbox.cli.AwsCli.cmd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * A client we did not write drives one deploy of each ECS strategy against the sandbox and reads it back: an
 * {@code aws} on PATH that knows the service-deployment APIs (the pyenv awscli 1.45 / botocore 1.43 here; Debian's
 * 2.9 does not). It updates four stage services — ROLLING, BLUE_GREEN with a PAUSE hook, LINEAR, CANARY — continues
 * the pause, and reads the deployments, revisions and listener-rule weights back, all through the CLI; only the
 * sandbox clock is moved in-process. Skipped, saying so, where no such CLI is found.
 */
@Execution(ExecutionMode.CONCURRENT) // runs beside the in-process tests; see junit-platform.properties
class EcsDeploymentsCliTest {

    private static final System.Logger LOG = System.getLogger(EcsDeploymentsCliTest.class.getName());
    private static final String NO_CLI = "no aws CLI on PATH knows ecs list-service-deployments and "
            + "continue-service-deployment (Debian's awscli 2.9 predates them): the CLI deployment test is skipped";

    @TempDir
    static Path home;
    static Sandbox sandbox;
    static AwsCli cli;
    static AwsCli.Creds stageAdmin;

    @BeforeAll
    static void start() throws IOException {
        Optional<Path> aws = NewerAwsCli.find();
        if (aws.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, NO_CLI);
            return; // the test reports itself skipped, with the reason
        }
        LOG.log(System.Logger.Level.INFO, "driving ECS deployments with " + aws.get());
        sandbox = Sandbox.start(SandboxOptions.forTests());
        sandbox.control().setCredentialExpiry(false);
        cli = AwsCli.on(sandbox, home, aws.get());
        var key = sandbox.control().accessKey("alice");
        try (StsClient sts = StsClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
                .build()) {
            Credentials role = sts.assumeRole(b -> b.roleArn("arn:aws:iam::333333333333:role/admin")
                    .roleSessionName("alice-cli")).credentials();
            stageAdmin = new AwsCli.Creds(role.accessKeyId(), role.secretAccessKey(), role.sessionToken());
        }
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static JsonNode aws(String... args) {
        return cli.ok(stageAdmin, args);
    }

    private static List<JsonNode> all(List<String[]> commands) {
        return cli.okAll(stageAdmin, commands);
    }

    private static void advance(Duration d) {
        for (Duration done = Duration.ZERO; done.compareTo(d) < 0; done = done.plusSeconds(10)) {
            sandbox.clock().advance(Duration.ofSeconds(10));
        }
    }

    /** A service, its cluster, and what a blue/green-family deployment needs of its load balancer. */
    record Target(String cluster, String service, String strategy) {
    }

    @Test
    void eachStrategyDeploysThroughTheCliAndReadsBack() {
        assumeTrue(cli != null, NO_CLI);
        List<Target> targets = List.of(new Target("app", "app-billing", "ROLLING"),
                new Target("api", "api-docs", "BLUE_GREEN"), new Target("api", "api-admin", "LINEAR"),
                new Target("app", "app-sessions", "CANARY"));

        // Discover the target groups, their -alt twins and the rules forwarding to them, through the CLI.
        List<JsonNode> described = all(List.of(
                cmd("ecs", "describe-services", "--cluster", "app", "--services", "app-billing", "app-sessions"),
                cmd("ecs", "describe-services", "--cluster", "api", "--services", "api-docs", "api-admin")));
        Map<String, JsonNode> services = new LinkedHashMap<>();
        for (JsonNode d : described) {
            d.get("services").forEach(s -> services.put(s.get("serviceName").asText(), s));
        }
        Map<String, String> primary = new LinkedHashMap<>();
        for (Target t : targets.subList(1, 4)) {
            primary.put(t.service(), services.get(t.service()).get("loadBalancers").get(0).get("targetGroupArn").asText());
        }
        List<String> altNames = primary.values().stream().map(a -> a.split("/")[1] + "-alt").toList();
        List<String> describeGroups = new ArrayList<>(List.of("elbv2", "describe-target-groups", "--target-group-arns"));
        describeGroups.addAll(primary.values());
        List<String> describeAlt = new ArrayList<>(List.of("elbv2", "describe-target-groups", "--names"));
        describeAlt.addAll(altNames);
        List<JsonNode> groups = all(List.of(describeGroups.toArray(String[]::new), describeAlt.toArray(String[]::new)));
        Map<String, String> alternate = new LinkedHashMap<>();
        List<String> lbs = new ArrayList<>();
        for (Map.Entry<String, String> e : primary.entrySet()) {
            JsonNode tg = AwsCli.find(groups.get(0).get("TargetGroups"), "TargetGroupArn", e.getValue());
            String lb = tg.get("LoadBalancerArns").get(0).asText();
            if (!lbs.contains(lb)) {
                lbs.add(lb);
            }
            alternate.put(e.getKey(), AwsCli.find(groups.get(1).get("TargetGroups"), "TargetGroupName",
                    e.getValue().split("/")[1] + "-alt").get("TargetGroupArn").asText());
        }
        List<String[]> listenerCalls = lbs.stream().map(lb -> cmd("elbv2", "describe-listeners", "--load-balancer-arn", lb)).toList();
        List<String[]> ruleCalls = new ArrayList<>();
        for (JsonNode l : all(listenerCalls)) {
            for (JsonNode listener : l.get("Listeners")) {
                ruleCalls.add(cmd("elbv2", "describe-rules", "--listener-arn", listener.get("ListenerArn").asText()));
            }
        }
        Map<String, String> rule = new LinkedHashMap<>();
        for (JsonNode r : all(ruleCalls)) {
            for (JsonNode candidate : r.get("Rules")) {
                for (JsonNode action : candidate.get("Actions")) {
                    for (Map.Entry<String, String> e : primary.entrySet()) {
                        if (e.getValue().equals(action.path("TargetGroupArn").asText())) {
                            rule.put(e.getKey(), candidate.get("RuleArn").asText());
                        }
                    }
                }
            }
        }
        assertThat(rule).containsOnlyKeys(primary.keySet());

        // Deploy all four at once.
        String role = "arn:aws:iam::333333333333:role/ecsInfrastructureRoleForLoadBalancers";
        Map<String, String> configs = Map.of(
                "ROLLING", "{\"strategy\":\"ROLLING\"}",
                "BLUE_GREEN", "{\"strategy\":\"BLUE_GREEN\",\"bakeTimeInMinutes\":2,\"lifecycleHooks\":[{\"targetType\":"
                        + "\"PAUSE\",\"lifecycleStages\":[\"POST_SCALE_UP\"]}]}",
                "LINEAR", "{\"strategy\":\"LINEAR\",\"bakeTimeInMinutes\":0,\"linearConfiguration\":{\"stepPercent\":50.0,"
                        + "\"stepBakeTimeInMinutes\":1}}",
                "CANARY", "{\"strategy\":\"CANARY\",\"bakeTimeInMinutes\":0,\"canaryConfiguration\":{\"canaryPercent\":20.0,"
                        + "\"canaryBakeTimeInMinutes\":3}}");
        List<String[]> updates = new ArrayList<>();
        for (Target t : targets) {
            List<String> args = new ArrayList<>(List.of("ecs", "update-service", "--cluster", t.cluster(), "--service",
                    t.service(), "--force-new-deployment", "--deployment-configuration", configs.get(t.strategy())));
            if (primary.containsKey(t.service())) {
                JsonNode lb = services.get(t.service()).get("loadBalancers").get(0);
                args.addAll(List.of("--load-balancers", "[{\"targetGroupArn\":\"" + primary.get(t.service())
                        + "\",\"containerName\":\"" + lb.get("containerName").asText() + "\",\"containerPort\":"
                        + lb.get("containerPort").asInt() + ",\"advancedConfiguration\":{\"alternateTargetGroupArn\":\""
                        + alternate.get(t.service()) + "\",\"productionListenerRule\":\"" + rule.get(t.service())
                        + "\",\"roleArn\":\"" + role + "\"}}]"));
            }
            updates.add(args.toArray(String[]::new));
        }
        Map<String, String> deployment = new LinkedHashMap<>();
        List<JsonNode> updated = all(updates);
        for (int i = 0; i < targets.size(); i++) {
            JsonNode s = updated.get(i).get("service");
            assertThat(s.get("deploymentConfiguration").get("strategy").asText()).isEqualTo(targets.get(i).strategy());
            deployment.put(targets.get(i).service(), s.get("currentServiceDeployment").asText());
        }

        // Three minutes in: blue/green waits at its PAUSE hook, the canary has 20 % (4 : 1 on the rule).
        advance(Duration.ofMinutes(3));
        List<JsonNode> midway = all(List.of(
                cmd("ecs", "describe-service-deployments", "--service-deployment-arns", deployment.get("api-docs"),
                        deployment.get("app-sessions")),
                cmd("elbv2", "describe-rules", "--rule-arns", rule.get("app-sessions"))));
        JsonNode blueGreen = AwsCli.find(midway.get(0).get("serviceDeployments"), "serviceDeploymentArn", deployment.get("api-docs"));
        JsonNode canary = AwsCli.find(midway.get(0).get("serviceDeployments"), "serviceDeploymentArn", deployment.get("app-sessions"));
        assertThat(blueGreen.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(blueGreen.get("lifecycleStage").asText()).isEqualTo("POST_SCALE_UP");
        JsonNode hook = blueGreen.get("lifecycleHookDetails").get(0);
        assertThat(hook.get("status").asText()).isEqualTo("AWAITING_ACTION");
        assertThat(canary.get("targetServiceRevision").get("requestedProductionTrafficWeight").asDouble()).isEqualTo(20.0);
        JsonNode forward = midway.get(1).get("Rules").get(0).get("Actions").get(0).get("ForwardConfig").get("TargetGroups");
        assertThat(AwsCli.find(forward, "TargetGroupArn", alternate.get("app-sessions")).get("Weight").asInt()).isEqualTo(1);
        assertThat(AwsCli.find(forward, "TargetGroupArn", primary.get("app-sessions")).get("Weight").asInt()).isEqualTo(4);

        aws("ecs", "continue-service-deployment", "--service-deployment-arn", deployment.get("api-docs"),
                "--hook-id", hook.get("hookId").asText());
        advance(Duration.ofMinutes(20));

        // Read it all back.
        List<String[]> reads = new ArrayList<>();
        for (Target t : targets) {
            reads.add(cmd("ecs", "list-service-deployments", "--cluster", t.cluster(), "--service", t.service()));
        }
        List<String> describeAll = new ArrayList<>(List.of("ecs", "describe-service-deployments",
                "--service-deployment-arns"));
        describeAll.addAll(deployment.values());
        reads.add(describeAll.toArray(String[]::new));
        List<JsonNode> back = all(reads);
        for (int i = 0; i < targets.size(); i++) {
            JsonNode latest = back.get(i).get("serviceDeployments").get(0);
            assertThat(latest.get("serviceDeploymentArn").asText()).isEqualTo(deployment.get(targets.get(i).service()));
            assertThat(latest.get("status").asText()).as(targets.get(i).toString()).isEqualTo("SUCCESSFUL");
            assertThat(back.get(i).get("serviceDeployments").size()).isGreaterThanOrEqualTo(2);
        }
        JsonNode finished = back.get(targets.size()).get("serviceDeployments");
        assertThat(finished).hasSize(4);
        List<String> revisions = new ArrayList<>(List.of("ecs", "describe-service-revisions", "--service-revision-arns"));
        for (JsonNode d : finished) {
            assertThat(d.get("finishedAt")).isNotNull();
            revisions.add(d.get("targetServiceRevision").get("arn").asText());
        }
        JsonNode linear = AwsCli.find(finished, "serviceDeploymentArn", deployment.get("api-admin"));
        assertThat(linear.get("deploymentConfiguration").get("linearConfiguration").get("stepPercent").asDouble()).isEqualTo(50.0);
        assertThat(linear.get("targetServiceRevision").get("requestedProductionTrafficWeight").asDouble()).isEqualTo(100.0);
        JsonNode revs = aws(revisions.toArray(String[]::new));
        assertThat(revs.get("serviceRevisions")).hasSize(4);
        JsonNode green = AwsCli.find(revs.get("serviceRevisions"), "serviceRevisionArn",
                AwsCli.find(finished, "serviceDeploymentArn", deployment.get("api-docs")).get("targetServiceRevision")
                        .get("arn").asText());
        assertThat(green.get("resolvedConfiguration").get("loadBalancers").get(0).get("targetGroupArn").asText())
                .isEqualTo(alternate.get("api-docs"));

        String conflict = cli.fails(stageAdmin, "ecs", "stop-service-deployment", "--service-deployment-arn",
                deployment.get("api-docs"), "--stop-type", "ROLLBACK");
        assertThat(conflict).contains("ConflictException");
    }
}
