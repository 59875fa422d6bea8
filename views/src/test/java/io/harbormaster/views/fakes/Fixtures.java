package io.harbormaster.views.fakes;

import io.harbormaster.model.environment.CallerIdentity;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The same three environments and a few clusters, for every test. */
public final class Fixtures {

    private Fixtures() {
    }

    public static final Instant NOW = Instant.parse("2026-11-22T14:02:11Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    public static final Environment DEV = env("dev", "dev", "222222222222", "#2e7d32", false, 1);
    public static final Environment STAGE = env("stage", "stage", "333333333333", "#f9a825", false, 2);
    public static final Environment PROD = env("prod", "prod", "444444444444", "#c62828", true, 3);

    public static Environment env(String id, String name, String account, String colour, boolean production, int order) {
        return EnvironmentBuilder.anEnvironment(id).displayName(name).login("ops").account(account)
                .role(account.isEmpty() ? "" : "arn:aws:iam::" + account + ":role/admin").regions("eu-west-1")
                .colour(colour).production(production).order(order).build();
    }

    public static EnvironmentSession session(Environment environment) {
        String account = environment.accountId().isEmpty() ? "555555555555" : environment.accountId();
        return new EnvironmentSession(environment,
                new CallerIdentity(account, "arn:aws:sts::" + account + ":assumed-role/admin/alice", "AROA:alice"),
                environment.defaultRegion(), NOW.plus(Duration.ofMinutes(55)));
    }

    public static List<Cluster> devClusters() {
        return List.of(
                cluster("payments-api", "ACTIVE", 12, 8, 96, 0),
                cluster("batch-workers", "ACTIVE", 30, 3, 140, 4),
                cluster("legacy-cron", "INACTIVE", 0, 0, 0, 0));
    }

    public static List<Cluster> stageClusters() {
        return List.of(cluster("stage-web", "ACTIVE", 4, 6, 18, 1));
    }

    public static Cluster cluster(String name, String status, int instances, int services, int running, int pending) {
        return new Cluster("arn:aws:ecs:eu-west-1:222222222222:cluster/" + name, name, status, instances, services,
                running, pending);
    }

    public static OperatorException denied(Environment environment) {
        return new OperatorException(new Problem(Problem.Kind.ACCESS_DENIED, "Role not trusted",
                "alice (ops 111111111111) is not trusted by role admin in " + environment.displayName(),
                "Ask the " + environment.displayName() + " account owners to add ops to the role's trust policy.",
                "AccessDenied: User: arn:aws:iam::111111111111:user/alice is not authorized to perform: "
                        + "sts:AssumeRole on resource: " + environment.roleArn() + " (request id 6f1c…)"));
    }
}
