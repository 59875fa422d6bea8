package io.harbormaster.aws.ecs;

import io.harbormaster.aws.SandboxAccess;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.aws.elb.TargetHealthReader;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.aws.session.ClientContext;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetLoadListener;
import io.harbormaster.model.fleet.FleetProblem;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.StringPool;
import io.harbormaster.sandbox.Sandbox;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;

/**
 * One cluster denied, the rest of the fleet loads: the sandbox answers everything, except that calls naming the
 * warehouses cluster are refused on the way out, as an IAM policy scoped to clusters would refuse them.
 */
class PartialFailureTest {

    private static SandboxAccess access;
    private static Sandbox sandbox;
    private static AwsClientFactory clients;
    private static AwsSessions sessions;
    private static EnvironmentSession prod;

    @BeforeAll
    static void enterProd(@TempDir Path dir) throws Exception {
        access = SandboxAccess.start(dir);
        sandbox = access.sandbox();
        clients = access.clients();
        sessions = access.sessionsFor("alice");
        prod = sessions.enter(SandboxAccess.environment("prod"), access.deviceOf("alice"));
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void aDeniedClusterIsAProblemAndEverythingElseLoads() {
        try (PriorityPool pool = new PriorityPool(8)) {
            FleetSnapshot snapshot = new FleetLoad(run(denying("warehouses"), pool), Instant.now()).load();

            Cluster warehouses = cluster(snapshot, "warehouses");
            List<FleetProblem> denied = snapshot.problemsOf(warehouses.arn());
            assertThat(denied).extracting(FleetProblem::missing).containsExactlyInAnyOrder(
                    "services of cluster warehouses", "container instances of cluster warehouses",
                    "tasks of cluster warehouses");
            assertThat(denied).allSatisfy(p -> {
                assertThat(p.problem().kind()).isEqualTo(Problem.Kind.ACCESS_DENIED);
                assertThat(p.problem().message()).contains("warehouses", "prod");
            });
            assertThat(snapshot.servicesIn(warehouses.arn())).isEmpty();
            assertThat(snapshot.tasksIn(warehouses.arn())).isEmpty();
            assertThat(snapshot.complete()).isFalse();
            for (Cluster c : snapshot.clusters()) {
                if (!c.equals(warehouses)) {
                    assertThat(snapshot.problemsOf(c.arn())).isEmpty();
                    assertThat(snapshot.servicesIn(c.arn())).hasSize(c.activeServices());
                    assertThat(snapshot.hostsIn(c.arn())).hasSize(c.registeredInstances());
                }
            }
        }
    }

    @Test
    void aRefreshKeepsTheDeniedClusterAsItWasAndSaysItIsStale() {
        try (PriorityPool pool = new PriorityPool(8)) {
            FleetSnapshot first = new FleetLoad(run(clients.ecs(context()), pool), Instant.now()).load();
            Cluster warehouses = cluster(first, "warehouses");

            FleetSnapshot next = new FleetRefresh(run(denying("warehouses"), pool), first, Instant.now()).refresh();

            assertThat(next.servicesIn(warehouses.arn())).isEqualTo(first.servicesIn(warehouses.arn()));
            assertThat(next.tasksIn(warehouses.arn())).isEqualTo(first.tasksIn(warehouses.arn()));
            assertThat(next.problemsOf(warehouses.arn())).singleElement().satisfies(p -> {
                assertThat(p.missing()).contains("warehouses", "as of " + first.asOf());
                assertThat(p.problem().kind()).isEqualTo(Problem.Kind.ACCESS_DENIED);
            });
            assertThat(next.services()).hasSameSizeAs(first.services());
        }
    }

    private static ClientContext context() {
        return sessions.context(prod);
    }

    private static FleetRun run(EcsClient ecs, PriorityPool pool) {
        CallMeter meter = new CallMeter();
        Consumer<AwsRequestOverrideConfiguration.Builder> override = o -> o.addMetricPublisher(meter);
        CallPacer pacer = new CallPacer();
        return new FleetRun(prod, new EcsReads(ecs, new EcsMapping(new StringPool()), override, pacer),
                new TargetHealthReader(clients.elbv2(context()), override), new TaskDefinitionCache(), pool, meter,
                FleetLoadListener.NONE, pacer);
    }

    /** The real client, except that any request naming the cluster is refused as AccessDenied. */
    private static EcsClient denying(String clusterName) {
        EcsClient real = clients.ecs(context());
        InvocationHandler handler = (proxy, method, args) -> {
            if (args != null && args.length == 1 && args[0] instanceof SdkRequest request) {
                String cluster = request.getValueForField("cluster", String.class).orElse("");
                if (cluster.endsWith("/" + clusterName) || cluster.equals(clusterName)) {
                    throw EcsException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("AccessDeniedException").errorMessage("User is not authorized to perform "
                                    + method.getName() + " on " + cluster).build()).build();
                }
                return invoke(method, real, args);
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return invoke(method, real, args);
        };
        return (EcsClient) Proxy.newProxyInstance(EcsClient.class.getClassLoader(), new Class<?>[] {EcsClient.class},
                handler);
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Cluster cluster(FleetSnapshot snapshot, String name) {
        return snapshot.clusters().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
