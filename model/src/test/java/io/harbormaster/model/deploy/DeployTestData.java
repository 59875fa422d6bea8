package io.harbormaster.model.deploy;

import io.harbormaster.model.environment.CallerIdentity;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.EnvironmentVariable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builders for deploy records: a two-container web service as the seeds have it. */
final class DeployTestData {

    static final String ACCOUNT = "111111111111";
    static final ServiceRef WEB = new ServiceRef("apps", "web");
    static final String WEB_ARN = "arn:aws:ecs:eu-west-1:" + ACCOUNT + ":service/apps/web";
    static final String TG_BLUE = "arn:aws:elasticloadbalancing:eu-west-1:" + ACCOUNT + ":targetgroup/web-blue/1";
    static final String TG_GREEN = "arn:aws:elasticloadbalancing:eu-west-1:" + ACCOUNT + ":targetgroup/web-green/2";
    static final String RULE = "arn:aws:elasticloadbalancing:eu-west-1:" + ACCOUNT
            + ":listener-rule/app/web/1/2/3";
    static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/ecs-infra";

    private DeployTestData() {
    }

    static EnvironmentSession session(String env) {
        Environment environment = new Environment(env, env, env, "ops", ACCOUNT, "", List.of("eu-west-1"),
                "#336699", env.equals("prod"), false, 0);
        return new EnvironmentSession(environment, new CallerIdentity(ACCOUNT,
                "arn:aws:sts::" + ACCOUNT + ":assumed-role/admin/alice", "AID"), "eu-west-1", null);
    }

    static ContainerSpec web(String tag) {
        return new ContainerSpec("web", "registry.example/web:" + tag,
                List.of(new EnvironmentVariable("LOG_LEVEL", "info"), new EnvironmentVariable("DB_PASSWORD", "hunter2"),
                        new EnvironmentVariable("REGION", "eu-west-1")),
                List.of(new SecretRef("API_TOKEN", "arn:aws:secretsmanager:eu-west-1:" + ACCOUNT + ":secret:tok")),
                Map.of("cpu", "256", "essential", "true", "portMappings",
                        "[{\"containerPort\":8080,\"hostPort\":0,\"protocol\":\"tcp\"}]", "logConfiguration",
                        "{\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":\"/ecs/web\"}}"));
    }

    static ContainerSpec sidecar(String tag) {
        return new ContainerSpec("envoy", "public.ecr.aws/envoy:" + tag, List.of(), List.of(),
                Map.of("essential", "false", "memoryReservation", "64"));
    }

    static TaskDefinitionSpec definition(int revision, String webTag, Instant registeredAt) {
        return new TaskDefinitionSpec("arn:aws:ecs:eu-west-1:" + ACCOUNT + ":task-definition/web:" + revision, "web",
                revision, registeredAt, "512", "1024", List.of(web(webTag), sidecar("1.29")),
                Map.of("executionRoleArn", "\"arn:aws:iam::" + ACCOUNT + ":role/exec\"", "networkMode",
                        "\"bridge\"", "requiresCompatibilities", "[\"EC2\"]"));
    }

    static List<LoadBalancerRouting> blueGreenRouting() {
        return List.of(new LoadBalancerRouting(TG_BLUE, "web", 8080, TG_GREEN, RULE, "", ROLE));
    }

    static DeploymentSettings settings(DeployStrategy strategy) {
        return new DeploymentSettings(strategy, 100, 200, strategy == DeployStrategy.ROLLING ? 0 : 15,
                strategy == DeployStrategy.LINEAR ? new LinearConfig(25, 4) : null,
                strategy == DeployStrategy.CANARY ? new CanaryConfig(10, 20) : null, CircuitBreaker.ROLL_BACK,
                DeployAlarms.NONE, List.of(), blueGreenRouting());
    }

    static DeployTarget target(int desired) {
        return new DeployTarget(WEB, WEB_ARN, definition(42, "1.4.2", Instant.parse("2026-11-01T10:00:00Z")),
                desired, desired, DeploymentSettings.rolling(List.of(new LoadBalancerRouting(TG_BLUE, "web", 8080,
                        "", "", "", ""))), "EC2", "ECS", List.of(), List.of(), "");
    }
}
