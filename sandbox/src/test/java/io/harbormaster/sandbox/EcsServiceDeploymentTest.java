package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ConflictException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookDetail;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * ECS service deployments through SDK 2.59.1: every strategy to SUCCESSFUL with the listener rule's weights moving
 * step by step on the sandbox clock, lifecycle hooks (PAUSE continued, Lambda failing), rollbacks by the circuit
 * breaker (faulty canary, threshold), by an alarm and by StopServiceDeployment, and the validation ECS does.
 */
class EcsServiceDeploymentTest {

    static final String ROLE = "arn:aws:iam::333333333333:role/ecsInfrastructureRoleForLoadBalancers";
    /** Each test deploys a service of its own in stage (a smaller mirror of prod), so they do not meet. */
    static final java.util.Map<String, String> CLUSTER = java.util.Map.ofEntries(
            java.util.Map.entry("app-billing", "app"), java.util.Map.entry("api-docs", "api"),
            java.util.Map.entry("api-admin", "api"), java.util.Map.entry("app-sessions", "app"),
            java.util.Map.entry("status-page", "internal"), java.util.Map.entry("feature-flags", "internal"),
            java.util.Map.entry("app-websocket", "app"), java.util.Map.entry("app-notifications", "app"),
            java.util.Map.entry("admin-dashboard", "internal"), java.util.Map.entry("api-graphql", "api"),
            java.util.Map.entry("api-webhooks", "api"), java.util.Map.entry("api-ratelimit", "api"),
            java.util.Map.entry("grafana", "internal"), java.util.Map.entry("image-resizer", "cdn"));

    static Sandbox sandbox;
    static SdkClients clients;
    static EcsClient ecs;
    static ElasticLoadBalancingV2Client elb;
    static CloudWatchClient cloudWatch;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        sandbox.control().setCredentialExpiry(false); // the tests run the clock for hours
        clients = new SdkClients(sandbox);
        var creds = clients.role("alice", "stage", "admin");
        ecs = clients.ecs(creds);
        elb = clients.elb(creds);
        cloudWatch = clients.cloudWatch(creds);
    }

    @AfterAll
    static void stop() {
        ecs.close();
        elb.close();
        cloudWatch.close();
        clients.close();
        sandbox.close();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    static Service describe(String service) {
        return ecs.describeServices(b -> b.cluster(CLUSTER.get(service)).services(service)).services().get(0);
    }

    static TaskDefinition revision(String service, String tag) {
        Service s = describe(service);
        TaskDefinition current = ecs.describeTaskDefinition(b -> b.taskDefinition(s.taskDefinition())).taskDefinition();
        ContainerDefinition c = current.containerDefinitions().get(0);
        String image = c.image().substring(0, c.image().lastIndexOf(':') + 1) + tag;
        return ecs.registerTaskDefinition(b -> b.family(current.family()).networkMode(current.networkMode())
                .containerDefinitions(c.toBuilder().image(image).build())).taskDefinition();
    }

    /** The service's target group, its {@code -alt} twin and the dev-alb rule that forwards to it. */
    record Wiring(LoadBalancer lb, String alternate, String rule) {
        LoadBalancer advanced() {
            return lb.toBuilder().advancedConfiguration(a -> a.alternateTargetGroupArn(alternate)
                    .productionListenerRule(rule).roleArn(ROLE)).build();
        }
    }

    static Wiring wiring(String service) {
        LoadBalancer lb = describe(service).loadBalancers().get(0);
        String tgName = lb.targetGroupArn().split("/")[1];
        String alternate = elb.describeTargetGroups(b -> b.names(tgName + "-alt")).targetGroups().get(0).targetGroupArn();
        String lbArn = elb.describeTargetGroups(b -> b.targetGroupArns(lb.targetGroupArn())).targetGroups().get(0)
                .loadBalancerArns().get(0);
        for (var l : elb.describeListeners(b -> b.loadBalancerArn(lbArn)).listeners()) {
            for (Rule r : elb.describeRules(b -> b.listenerArn(l.listenerArn())).rules()) {
                boolean forwards = r.actions().stream().anyMatch(a -> a.forwardConfig() != null && a.forwardConfig()
                        .targetGroups().stream().anyMatch(t -> t.targetGroupArn().equals(lb.targetGroupArn())));
                if (forwards) {
                    return new Wiring(lb, alternate, r.ruleArn());
                }
            }
        }
        throw new AssertionError("no rule forwards to " + lb.targetGroupArn());
    }

    static List<String> weights(String ruleArn) {
        Rule r = elb.describeRules(b -> b.ruleArns(ruleArn)).rules().get(0);
        List<String> out = new ArrayList<>();
        for (TargetGroupTuple t : r.actions().get(0).forwardConfig().targetGroups()) {
            out.add(t.targetGroupArn().split("/")[1] + "=" + t.weight());
        }
        return out;
    }

    static String deploy(String service, TaskDefinition td, Wiring w, DeploymentConfiguration config) {
        Service s = ecs.updateService(b -> b.cluster(CLUSTER.get(service)).service(service).taskDefinition(td.taskDefinitionArn())
                .loadBalancers(w == null ? describe(service).loadBalancers() : List.of(w.advanced()))
                .deploymentConfiguration(config)).service();
        assertThat(s.currentServiceDeployment()).contains(":service-deployment/" + CLUSTER.get(service) + "/" + service + "/");
        return s.currentServiceDeployment();
    }

    /** RequestCount of a target group behind the rule's load balancer over the minute starting at {@code from}. */
    static double requests(String ruleArn, String targetGroupArn, Instant from) {
        String lb = ruleArn.substring(ruleArn.indexOf("listener-rule/") + "listener-rule/".length());
        String lbDimension = String.join("/", java.util.Arrays.copyOfRange(lb.split("/"), 0, 3));
        String tgDimension = targetGroupArn.substring(targetGroupArn.indexOf("targetgroup/"));
        var points = cloudWatch.getMetricStatistics(b -> b.namespace("AWS/ApplicationELB").metricName("RequestCount")
                .dimensions(d -> d.name("LoadBalancer").value(lbDimension), d -> d.name("TargetGroup").value(tgDimension))
                .startTime(from).endTime(from.plusSeconds(60)).period(60).statistics(Statistic.SUM)).datapoints();
        return points.isEmpty() ? 0 : points.get(0).sum();
    }

    static ServiceDeployment sd(String arn) {
        return ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(arn)).serviceDeployments().get(0);
    }

    /** Advances the sandbox clock 10 s at a time until the deployment satisfies {@code done}; records what it saw. */
    static ServiceDeployment until(String arn, Predicate<ServiceDeployment> done, Duration max, List<String> seen) {
        Instant end = sandbox.clock().now().plus(max);
        ServiceDeployment d = sd(arn);
        while (!done.test(d) && sandbox.clock().now().isBefore(end)) {
            sandbox.clock().advance(Duration.ofSeconds(10));
            d = sd(arn);
            String stage = d.statusAsString() + "/" + d.lifecycleStageAsString() + "/"
                    + d.targetServiceRevision().requestedProductionTrafficWeight();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(stage)) {
                seen.add(stage);
            }
        }
        return d;
    }

    static boolean finished(ServiceDeployment d) {
        return Set.of("SUCCESSFUL", "STOPPED", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED").contains(d.statusAsString());
    }

    // ---- strategies -----------------------------------------------------------------------------------------

    @Test
    void rollingDeploymentIsAServiceDeploymentToSuccessful() {
        TaskDefinition td = revision("app-billing", "9.1.0");
        String arn = deploy("app-billing", td, null, DeploymentConfiguration.builder().strategy("ROLLING").build());
        ServiceDeployment d = until(arn, EcsServiceDeploymentTest::finished, Duration.ofMinutes(15), new ArrayList<>());

        assertThat(d.statusAsString()).isEqualTo("SUCCESSFUL");
        assertThat(d.finishedAt()).isAfter(d.startedAt());
        assertThat(d.sourceServiceRevisions()).hasSize(1);
        assertThat(d.targetServiceRevision().runningTaskCount()).isEqualTo(describe("app-billing").desiredCount());
        boolean breaker = describe("app-billing").deploymentConfiguration().deploymentCircuitBreaker().enable();
        assertThat(d.deploymentCircuitBreaker().statusAsString()).isEqualTo(breaker ? "MONITORING_COMPLETE" : "DISABLED");
        ServiceRevision target = ecs.describeServiceRevisions(b -> b.serviceRevisionArns(d.targetServiceRevision().arn()))
                .serviceRevisions().get(0);
        assertThat(target.taskDefinition()).isEqualTo(td.taskDefinitionArn());
        assertThat(target.containerImages().get(0).image()).endsWith(":9.1.0");

        List<ServiceDeploymentBrief> history = ecs.listServiceDeployments(b -> b.cluster(CLUSTER.get("app-billing")).service("app-billing"))
                .serviceDeployments();
        assertThat(history).hasSizeGreaterThanOrEqualTo(2);
        assertThat(history.get(0).serviceDeploymentArn()).isEqualTo(arn);
        assertThat(history.get(0).statusAsString()).isEqualTo("SUCCESSFUL");
        assertThat(history.get(history.size() - 1).statusAsString()).as("the fleet's own first deployment").isEqualTo("SUCCESSFUL");
        assertThat(ecs.listServiceDeployments(b -> b.cluster(CLUSTER.get("app-billing")).service("app-billing")
                        .statusWithStrings("ROLLBACK_SUCCESSFUL"))
                .serviceDeployments()).isEmpty();
    }

    @Test
    void blueGreenStartsGreenInTheAlternateGroupShiftsAllTrafficBakesAndCleansUp() {
        Wiring w = wiring("api-docs");
        TaskDefinition td = revision("api-docs", "1.45.0");
        String arn = deploy("api-docs", td, w, DeploymentConfiguration.builder().strategy("BLUE_GREEN").bakeTimeInMinutes(5).build());
        List<String> seen = new ArrayList<>();

        ServiceDeployment shifted = until(arn, d -> "BAKE_TIME".equals(d.lifecycleStageAsString()), Duration.ofMinutes(10), seen);
        assertThat(shifted.targetServiceRevision().requestedProductionTrafficWeight()).isEqualTo(100.0);
        assertThat(shifted.sourceServiceRevisions().get(0).requestedProductionTrafficWeight()).isEqualTo(0.0);
        assertThat(shifted.sourceServiceRevisions().get(0).runningTaskCount()).as("blue keeps running through bake").isPositive();
        assertThat(weights(w.rule())).containsExactly(w.lb().targetGroupArn().split("/")[1] + "=0",
                w.alternate().split("/")[1] + "=1");
        assertThat(elb.describeTargetHealth(b -> b.targetGroupArn(w.alternate())).targetHealthDescriptions())
                .isNotEmpty().allSatisfy(t -> assertThat(t.targetHealth().stateAsString()).isEqualTo("healthy"));

        Instant bakeStarted = sandbox.clock().now();
        ServiceDeployment done = until(arn, EcsServiceDeploymentTest::finished, Duration.ofMinutes(15), seen);
        assertThat(done.statusAsString()).as("seen %s", seen).isEqualTo("SUCCESSFUL");
        assertThat(Duration.between(bakeStarted, done.finishedAt())).isGreaterThanOrEqualTo(Duration.ofMinutes(4));
        assertThat(seen).extracting(s -> s.split("/")[1]).containsSubsequence("SCALE_UP", "BAKE_TIME", "CLEAN_UP");
        assertThat(elb.describeTargetHealth(b -> b.targetGroupArn(w.lb().targetGroupArn())).targetHealthDescriptions())
                .as("blue is gone from the primary group").isEmpty();
        ServiceRevision green = ecs.describeServiceRevisions(b -> b.serviceRevisionArns(done.targetServiceRevision().arn()))
                .serviceRevisions().get(0);
        assertThat(green.resolvedConfiguration().loadBalancers().get(0).targetGroupArn()).isEqualTo(w.alternate());
        assertThat(green.loadBalancers().get(0).advancedConfiguration().alternateTargetGroupArn()).isEqualTo(w.alternate());
        assertThat(describe("api-docs").deployments()).singleElement().satisfies(d ->
                assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED"));

        // The next deployment goes back to the primary group: the groups swap roles.
        TaskDefinition next = revision("api-docs", "1.45.1");
        String second = deploy("api-docs", next, w, DeploymentConfiguration.builder().strategy("BLUE_GREEN").bakeTimeInMinutes(0).build());
        ServiceDeployment again = until(second, EcsServiceDeploymentTest::finished, Duration.ofMinutes(15), new ArrayList<>());
        assertThat(again.statusAsString()).isEqualTo("SUCCESSFUL");
        assertThat(weights(w.rule())).containsExactly(w.alternate().split("/")[1] + "=0",
                w.lb().targetGroupArn().split("/")[1] + "=1");
    }

    @Test
    void linearShiftsInEqualStepsWithTheirBakeTime() {
        Wiring w = wiring("api-admin");
        TaskDefinition td = revision("api-admin", "3.0.0");
        String arn = deploy("api-admin", td, w, DeploymentConfiguration.builder().strategy("LINEAR")
                .linearConfiguration(l -> l.stepPercent(25.0).stepBakeTimeInMinutes(2)).bakeTimeInMinutes(0).build());
        List<Double> weights = new ArrayList<>();
        List<String> ruleWeights = new ArrayList<>();
        Instant end = sandbox.clock().now().plus(Duration.ofMinutes(20));
        ServiceDeployment d = sd(arn);
        while (!finished(d) && sandbox.clock().now().isBefore(end)) {
            sandbox.clock().advance(Duration.ofSeconds(10));
            d = sd(arn);
            Double pct = d.targetServiceRevision().requestedProductionTrafficWeight();
            if (weights.isEmpty() || !weights.get(weights.size() - 1).equals(pct)) {
                weights.add(pct);
                ruleWeights.add(String.join(",", weights(w.rule())));
            }
        }
        assertThat(d.statusAsString()).isEqualTo("SUCCESSFUL");
        assertThat(weights).containsSubsequence(0.0, 25.0, 50.0, 75.0, 100.0);
        assertThat(ruleWeights.get(weights.indexOf(25.0))).as("25 %% is 3 : 1 on the rule").endsWith("=3," + w.alternate().split("/")[1] + "=1");
        assertThat(d.deploymentConfiguration().linearConfiguration().stepPercent()).isEqualTo(25.0);
    }

    @Test
    void canaryShiftsItsPercentBakesThenTheRest() {
        Wiring w = wiring("app-sessions");
        TaskDefinition td = revision("app-sessions", "5.0.0");
        String arn = deploy("app-sessions", td, w, DeploymentConfiguration.builder().strategy("CANARY")
                .canaryConfiguration(c -> c.canaryPercent(10.0).canaryBakeTimeInMinutes(3)).bakeTimeInMinutes(1).build());
        List<String> seen = new ArrayList<>();
        ServiceDeployment canary = until(arn, d -> Double.valueOf(10.0).equals(d.targetServiceRevision()
                .requestedProductionTrafficWeight()), Duration.ofMinutes(10), seen);
        assertThat(weights(w.rule())).containsExactly(w.lb().targetGroupArn().split("/")[1] + "=9",
                w.alternate().split("/")[1] + "=1");
        Instant at = sandbox.clock().now();
        // The traffic model follows the rule: over a whole minute of the canary phase the alternate group serves ~10 %.
        sandbox.clock().advance(Duration.ofSeconds(150));
        Instant minute = Instant.ofEpochSecond((at.getEpochSecond() / 60 + 1) * 60);
        double green = requests(w.rule(), w.alternate(), minute);
        double blue = requests(w.rule(), w.lb().targetGroupArn(), minute);
        assertThat(green / (green + blue)).as("green %s, blue %s", green, blue).isBetween(0.05, 0.15);
        ServiceDeployment full = until(arn, d -> Double.valueOf(100.0).equals(d.targetServiceRevision()
                .requestedProductionTrafficWeight()), Duration.ofMinutes(10), seen);
        assertThat(Duration.between(at, sandbox.clock().now())).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(4));
        ServiceDeployment done = until(arn, EcsServiceDeploymentTest::finished, Duration.ofMinutes(10), seen);
        assertThat(done.statusAsString()).as("seen %s", seen).isEqualTo("SUCCESSFUL");
        assertThat(canary.deploymentConfiguration().canaryConfiguration().canaryPercent()).isEqualTo(10.0);
        assertThat(full.lifecycleStageAsString()).isIn("PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME");
    }

    // ---- hooks ----------------------------------------------------------------------------------------------

    @Test
    void pauseHookWaitsForContinueServiceDeployment() {
        Wiring w = wiring("status-page");
        TaskDefinition td = revision("status-page", "2.0.0");
        DeploymentLifecycleHook pause = DeploymentLifecycleHook.builder().targetType("PAUSE")
                .lifecycleStagesWithStrings("POST_TEST_TRAFFIC_SHIFT").build();
        DeploymentLifecycleHook lambda = DeploymentLifecycleHook.builder()
                .hookTargetArn("arn:aws:lambda:us-east-1:222222222222:function:smoke-test").roleArn(ROLE)
                .lifecycleStagesWithStrings("POST_SCALE_UP").build();
        String arn = deploy("status-page", td, w, DeploymentConfiguration.builder().strategy("BLUE_GREEN")
                .bakeTimeInMinutes(0).lifecycleHooks(lambda, pause).build());
        ServiceDeployment paused = until(arn, d -> d.lifecycleHookDetails().stream()
                .anyMatch(h -> "AWAITING_ACTION".equals(h.statusAsString())), Duration.ofMinutes(10), new ArrayList<>());
        DeploymentLifecycleHookDetail hook = paused.lifecycleHookDetails().stream()
                .filter(h -> "PAUSE".equals(h.targetTypeAsString())).findFirst().orElseThrow();
        assertThat(hook.statusAsString()).isEqualTo("AWAITING_ACTION");
        assertThat(hook.expiresAt()).isAfter(sandbox.clock().now().plus(Duration.ofHours(23)));
        assertThat(paused.lifecycleHookDetails()).anySatisfy(h -> {
            assertThat(h.targetArn()).endsWith(":function:smoke-test");
            assertThat(h.statusAsString()).isEqualTo("SUCCEEDED");
        });
        assertThat(paused.lifecycleStageAsString()).isEqualTo("POST_TEST_TRAFFIC_SHIFT");

        sandbox.clock().advance(Duration.ofMinutes(30));
        ServiceDeployment still = sd(arn);
        assertThat(still.statusAsString()).isEqualTo("IN_PROGRESS");
        assertThat(still.targetServiceRevision().requestedProductionTrafficWeight()).isEqualTo(0.0);

        ecs.continueServiceDeployment(b -> b.serviceDeploymentArn(arn).hookId(hook.hookId()));
        ServiceDeployment done = until(arn, EcsServiceDeploymentTest::finished, Duration.ofMinutes(15), new ArrayList<>());
        assertThat(done.statusAsString()).isEqualTo("SUCCESSFUL");
        assertThat(done.lifecycleHookDetails()).filteredOn(h -> h.hookId().equals(hook.hookId()))
                .singleElement().satisfies(h -> assertThat(h.statusAsString()).isEqualTo("SUCCEEDED"));
        assertThat(describe("status-page").events()).extracting(ServiceEvent::message)
                .anyMatch(m -> m.contains("continued past (hook " + hook.hookId() + ")"));
    }

    @Test
    void aLambdaHookThatFailsRollsBack() {
        Wiring w = wiring("feature-flags");
        TaskDefinition td = revision("feature-flags", "4.0.0");
        DeploymentLifecycleHook failing = DeploymentLifecycleHook.builder()
                .hookTargetArn("arn:aws:lambda:us-east-1:222222222222:function:validate-fail").roleArn(ROLE)
                .lifecycleStagesWithStrings("POST_TEST_TRAFFIC_SHIFT").build();
        String arn = deploy("feature-flags", td, w, DeploymentConfiguration.builder().strategy("BLUE_GREEN")
                .bakeTimeInMinutes(0).lifecycleHooks(failing).build());
        ServiceDeployment d = until(arn, EcsServiceDeploymentTest::finished, Duration.ofMinutes(15), new ArrayList<>());
        assertThat(d.statusAsString()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(d.rollback().reason()).contains("validate-fail").contains("FAILED");
        assertThat(d.rollback().serviceRevisionArn()).isEqualTo(d.sourceServiceRevisions().get(0).arn());
        assertThat(describe("feature-flags").taskDefinition()).isNotEqualTo(td.taskDefinitionArn());
    }

    // ---- rollbacks ------------------------------------------------------------------------------------------

    @Test
    void aFaultyCanaryFailsItsHealthChecksAndRollsBack() {
        Wiring w = wiring("app-websocket");
        Service before = describe("app-websocket");
        TaskDefinition faulty = revision("app-websocket", "6.0.0-faulty");
        String arn = deploy("app-websocket", faulty, w, DeploymentConfiguration.builder().strategy("CANARY")
                .deploymentCircuitBreaker(c -> c.enable(true).rollback(true))
                .canaryConfiguration(c -> c.canaryPercent(5.0).canaryBakeTimeInMinutes(5)).bakeTimeInMinutes(5).build());
        Set<String> altStates = new LinkedHashSet<>();
        Instant end = sandbox.clock().now().plus(Duration.ofMinutes(20));
        ServiceDeployment d = sd(arn);
        while (!finished(d) && sandbox.clock().now().isBefore(end)) {
            sandbox.clock().advance(Duration.ofSeconds(5));
            elb.describeTargetHealth(b -> b.targetGroupArn(w.alternate())).targetHealthDescriptions()
                    .forEach(t -> altStates.add(t.targetHealth().stateAsString()));
            d = sd(arn);
        }
        assertThat(d.statusAsString()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(altStates).as("green failed its health checks in the alternate group").contains("unhealthy");
        assertThat(d.deploymentCircuitBreaker().statusAsString()).isEqualTo("TRIGGERED");
        assertThat(d.deploymentCircuitBreaker().failureCount()).isGreaterThanOrEqualTo(d.deploymentCircuitBreaker().threshold());
        assertThat(d.deploymentCircuitBreaker().threshold()).isEqualTo(3);
        assertThat(d.rollback().reason()).contains("circuit breaker");
        assertThat(d.targetServiceRevision().requestedProductionTrafficWeight()).isEqualTo(0.0);
        assertThat(weights(w.rule())).containsExactly(w.lb().targetGroupArn().split("/")[1] + "=1",
                w.alternate().split("/")[1] + "=0");
        Service after = describe("app-websocket");
        assertThat(after.taskDefinition()).isEqualTo(before.taskDefinition());
        assertThat(after.runningCount()).isEqualTo(after.desiredCount());
        assertThat(after.events()).extracting(ServiceEvent::message)
                .anyMatch(m -> m.contains("is unhealthy in (target-group " + w.alternate() + ")"))
                .anyMatch(m -> m.contains("deployment failed: tasks failed to start."))
                .anyMatch(m -> m.contains("rollback completed."));
    }

    @Test
    void theCircuitBreakerTripsAtHalfTheDesiredCountAndRollsBack() {
        ecs.updateService(b -> b.cluster(CLUSTER.get("app-notifications")).service("app-notifications").desiredCount(8));
        sandbox.clock().advance(Duration.ofMinutes(3));
        TaskDefinition crashing = revision("app-notifications", "3.0.0-crashloop");
        String arn = deploy("app-notifications", crashing, null, DeploymentConfiguration.builder().strategy("ROLLING")
                .deploymentCircuitBreaker(c -> c.enable(true).rollback(true)).build());
        ServiceDeployment running = sd(arn);
        assertThat(running.deploymentCircuitBreaker().threshold()).as("ceil(0.5 × 8)").isEqualTo(4);
        assertThat(running.deploymentCircuitBreaker().statusAsString()).isEqualTo("MONITORING");
        ServiceDeployment d = until(arn, EcsServiceDeploymentTest::finished, Duration.ofMinutes(20), new ArrayList<>());
        assertThat(d.statusAsString()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(d.deploymentCircuitBreaker().failureCount()).isGreaterThanOrEqualTo(4);
        assertThat(d.rollback().serviceRevisionArn()).isEqualTo(d.sourceServiceRevisions().get(0).arn());

        // thresholdConfiguration COUNT 2 sets the threshold itself
        TaskDefinition again = revision("app-notifications", "3.0.1-crashloop");
        String second = deploy("app-notifications", again, null, DeploymentConfiguration.builder().strategy("ROLLING")
                .deploymentCircuitBreaker(c -> c.enable(true).rollback(false)
                        .thresholdConfiguration(t -> t.type("COUNT").value(2))).build());
        assertThat(sd(second).deploymentCircuitBreaker().threshold()).isEqualTo(2);
        ServiceDeployment stopped = until(second, EcsServiceDeploymentTest::finished, Duration.ofMinutes(20), new ArrayList<>());
        assertThat(stopped.statusAsString()).as("no rollback asked: the deployment stops where it is").isEqualTo("STOPPED");
        assertThat(describe("app-notifications").deployments().get(0).rolloutStateAsString()).isEqualTo("FAILED");
    }

    @Test
    void anAlarmInAlarmStateRollsTheDeploymentBack() {
        cloudWatch.putMetricAlarm(b -> b.alarmName("admin-dashboard-errors").namespace("Harbormaster/Test")
                .metricName("Errors").statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(0.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
        Wiring w = wiring("admin-dashboard");
        TaskDefinition td = revision("admin-dashboard", "8.0.0");
        String arn = deploy("admin-dashboard", td, w, DeploymentConfiguration.builder().strategy("BLUE_GREEN")
                .bakeTimeInMinutes(20).alarms(a -> a.alarmNames("admin-dashboard-errors").enable(true).rollback(true)).build());
        ServiceDeployment baking = until(arn, d -> "BAKE_TIME".equals(d.lifecycleStageAsString()), Duration.ofMinutes(10), new ArrayList<>());
        assertThat(baking.alarms().statusAsString()).isEqualTo("MONITORING");
        Instant now = sandbox.clock().now();
        cloudWatch.putMetricData(b -> b.namespace("Harbormaster/Test").metricData(m -> m.metricName("Errors").value(7.0)
                .timestamp(now)));
        ServiceDeployment d = until(arn, EcsServiceDeploymentTest::finished, Duration.ofMinutes(10), new ArrayList<>());
        assertThat(d.statusAsString()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(d.alarms().statusAsString()).isEqualTo("TRIGGERED");
        assertThat(d.alarms().triggeredAlarmNames()).containsExactly("admin-dashboard-errors");
        assertThat(d.rollback().reason()).contains("admin-dashboard-errors");
        assertThat(weights(w.rule())).containsExactly(w.lb().targetGroupArn().split("/")[1] + "=1",
                w.alternate().split("/")[1] + "=0");
    }

    @Test
    void aRollingDeploymentWatchedByAlarmsBakesAndAnAlarmRollsItBack() {
        cloudWatch.putMetricAlarm(b -> b.alarmName("ratelimit-errors").namespace("Harbormaster/Test")
                .metricName("RatelimitErrors").statistic(Statistic.SUM).period(60).evaluationPeriods(5).datapointsToAlarm(1)
                .threshold(0.0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
        Service before = describe("api-ratelimit");
        TaskDefinition td = revision("api-ratelimit", "2.2.0");
        String arn = deploy("api-ratelimit", td, null, DeploymentConfiguration.builder().strategy("ROLLING")
                .alarms(a -> a.alarmNames("ratelimit-errors").enable(true).rollback(true)).build());
        until(arn, d -> describe("api-ratelimit").events().get(0).message().endsWith("has reached a steady state."),
                Duration.ofMinutes(15), new ArrayList<>());
        assertThat(describe("api-ratelimit").deployments().get(0).rolloutStateAsString())
                .as("with alarms, the rollout stays IN_PROGRESS through the bake time").isEqualTo("IN_PROGRESS");
        ServiceDeployment baking = sd(arn);
        assertThat(baking.statusAsString()).as("steady, but still in the alarms' bake time").isEqualTo("IN_PROGRESS");
        assertThat(baking.alarms().statusAsString()).isEqualTo("MONITORING");
        Instant now = sandbox.clock().now();
        cloudWatch.putMetricData(b -> b.namespace("Harbormaster/Test").metricData(m -> m.metricName("RatelimitErrors")
                .value(3.0).timestamp(now)));
        ServiceDeployment d = until(arn, EcsServiceDeploymentTest::finished, Duration.ofMinutes(15), new ArrayList<>());
        assertThat(d.statusAsString()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(d.alarms().triggeredAlarmNames()).containsExactly("ratelimit-errors");
        assertThat(describe("api-ratelimit").taskDefinition()).isEqualTo(before.taskDefinition());
        assertThat(describe("api-ratelimit").deployments()).singleElement().satisfies(x -> {
            assertThat(x.taskDefinition()).isEqualTo(before.taskDefinition());
            assertThat(x.rolloutStateAsString()).isEqualTo("COMPLETED");
        });
    }

    @Test
    void stopWithRollbackThenConflictOnceFinished() {
        Wiring w = wiring("api-graphql");
        TaskDefinition td = revision("api-graphql", "2.2.0");
        String arn = deploy("api-graphql", td, w, DeploymentConfiguration.builder().strategy("BLUE_GREEN")
                .bakeTimeInMinutes(30).build());
        until(arn, d -> "BAKE_TIME".equals(d.lifecycleStageAsString()), Duration.ofMinutes(10), new ArrayList<>());
        assertThat(catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.stopServiceDeployment(b -> b.serviceDeploymentArn(arn).stopType("ABORT")))).isNotNull();
        ecs.stopServiceDeployment(b -> b.serviceDeploymentArn(arn).stopType("ROLLBACK"));
        assertThat(sd(arn).statusAsString()).isEqualTo("ROLLBACK_REQUESTED");
        ServiceDeployment d = until(arn, EcsServiceDeploymentTest::finished, Duration.ofMinutes(10), new ArrayList<>());
        assertThat(d.statusAsString()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(d.rollback().reason()).contains("StopServiceDeployment");
        ConflictException conflict = catchThrowableOfType(ConflictException.class,
                () -> ecs.stopServiceDeployment(b -> b.serviceDeploymentArn(arn).stopType("ROLLBACK")));
        assertThat(conflict).isNotNull();
        assertThat(conflict.awsErrorDetails().errorCode()).isEqualTo("ConflictException");
        assertThat(ecs.listServiceDeployments(b -> b.cluster(CLUSTER.get("api-graphql")).service("api-graphql")
                .statusWithStrings("ROLLBACK_SUCCESSFUL")).serviceDeployments()).extracting(ServiceDeploymentBrief::serviceDeploymentArn)
                .containsExactly(arn);
    }

    @Test
    void continueWithRollbackAndStoppingARollingDeploymentBothReturnToTheLastRevision() {
        Wiring w = wiring("grafana");
        Service grafana = describe("grafana");
        String paused = deploy("grafana", revision("grafana", "11.1.0"), w, DeploymentConfiguration.builder()
                .strategy("BLUE_GREEN").bakeTimeInMinutes(0).lifecycleHooks(h -> h.targetType("PAUSE")
                        .lifecycleStagesWithStrings("POST_SCALE_UP")).build());
        ServiceDeployment waiting = until(paused, d -> d.hasLifecycleHookDetails() && !d.lifecycleHookDetails().isEmpty(),
                Duration.ofMinutes(10), new ArrayList<>());
        String hookId = waiting.lifecycleHookDetails().get(0).hookId();
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> ecs.continueServiceDeployment(b -> b
                .serviceDeploymentArn(paused).hookId("no-such-hook")))).isNotNull();
        ecs.continueServiceDeployment(b -> b.serviceDeploymentArn(paused).hookId(hookId).action("ROLLBACK"));
        ServiceDeployment rolledBack = until(paused, EcsServiceDeploymentTest::finished, Duration.ofMinutes(10), new ArrayList<>());
        assertThat(rolledBack.statusAsString()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(rolledBack.rollback().reason()).contains("ContinueServiceDeployment");
        assertThat(describe("grafana").taskDefinition()).isEqualTo(grafana.taskDefinition());

        Service resizer = describe("image-resizer");
        String rolling = deploy("image-resizer", revision("image-resizer", "1.20.0"), null,
                DeploymentConfiguration.builder().strategy("ROLLING").build());
        sandbox.clock().advance(Duration.ofSeconds(20));
        ecs.stopServiceDeployment(b -> b.serviceDeploymentArn(rolling));
        ServiceDeployment stopped = until(rolling, EcsServiceDeploymentTest::finished, Duration.ofMinutes(15), new ArrayList<>());
        assertThat(stopped.statusAsString()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(stopped.rollback().serviceRevisionArn()).isEqualTo(stopped.sourceServiceRevisions().get(0).arn());
        Service after = describe("image-resizer");
        assertThat(after.taskDefinition()).isEqualTo(resizer.taskDefinition());
        assertThat(after.deployments()).singleElement().satisfies(d -> assertThat(d.taskDefinition())
                .isEqualTo(resizer.taskDefinition()));
        assertThat(after.runningCount()).isEqualTo(after.desiredCount());
    }

    // ---- validation -----------------------------------------------------------------------------------------

    @Test
    void invalidConfigurationsGetEcsErrors() {
        Wiring w = wiring("api-webhooks");
        String tdArn = describe("api-webhooks").taskDefinition();
        List<DeploymentConfiguration> bad = List.of(
                DeploymentConfiguration.builder().strategy("BLUE_GREEN").build(),
                DeploymentConfiguration.builder().strategy("CANARY").bakeTimeInMinutes(1)
                        .linearConfiguration(l -> l.stepPercent(10.0)).build(),
                DeploymentConfiguration.builder().strategy("LINEAR").linearConfiguration(l -> l.stepPercent(2.0)).build(),
                DeploymentConfiguration.builder().strategy("CANARY").canaryConfiguration(c -> c.canaryPercent(5.05)).build(),
                DeploymentConfiguration.builder().strategy("BLUE_GREEN").bakeTimeInMinutes(1).lifecycleHooks(h -> h
                        .targetType("PAUSE").lifecycleStagesWithStrings("PRODUCTION_TRAFFIC_SHIFT")).build(),
                DeploymentConfiguration.builder().strategy("BLUE_GREEN").bakeTimeInMinutes(2000).build());
        for (DeploymentConfiguration c : bad) {
            InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class, () ->
                    ecs.updateService(b -> b.cluster(CLUSTER.get("api-webhooks")).service("api-webhooks").taskDefinition(tdArn)
                            .loadBalancers(w.advanced()).deploymentConfiguration(c)));
            assertThat(e).as("%s", c).isNotNull();
        }
        // BLUE_GREEN without an advancedConfiguration, and one naming a target group that does not exist
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> ecs.updateService(b -> b.cluster(CLUSTER.get("api-webhooks"))
                .service("api-webhooks").deploymentConfiguration(c -> c.strategy("BLUE_GREEN").bakeTimeInMinutes(1)))))
                .hasMessageContaining("advancedConfiguration");
        String missing = w.alternate().replace("-alt/", "-nope/");
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> ecs.updateService(b -> b.cluster(CLUSTER.get("api-webhooks"))
                .service("api-webhooks").loadBalancers(w.lb().toBuilder().advancedConfiguration(a -> a
                        .alternateTargetGroupArn(missing).productionListenerRule(w.rule()).roleArn(ROLE)).build())
                .deploymentConfiguration(c -> c.strategy("BLUE_GREEN").bakeTimeInMinutes(1)))))
                .hasMessageContaining(missing);
        assertThat(describe("api-webhooks").deploymentConfiguration().strategyAsString()).as("nothing applied").isIn("ROLLING", null);
    }
}
