package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;

class EcsClustersTest {

    static Sandbox sandbox;
    static SdkClients clients;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        clients = new SdkClients(sandbox);
    }

    @AfterAll
    static void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void prodHasClustersGroupedByConcern() {
        try (EcsClient ecs = clients.ecs(clients.role("alice", "prod", "admin"))) {
            List<String> arns = ecs.listClusters().clusterArns();
            assertThat(arns).containsExactlyInAnyOrder(
                    "arn:aws:ecs:us-east-1:444444444444:cluster/api",
                    "arn:aws:ecs:us-east-1:444444444444:cluster/app",
                    "arn:aws:ecs:us-east-1:444444444444:cluster/cdn",
                    "arn:aws:ecs:us-east-1:444444444444:cluster/integrations",
                    "arn:aws:ecs:us-east-1:444444444444:cluster/internal",
                    "arn:aws:ecs:us-east-1:444444444444:cluster/warehouses");
            DescribeClustersResponse r = ecs.describeClusters(b -> b.clusters(arns).include(ClusterField.STATISTICS, ClusterField.SETTINGS));
            assertThat(r.failures()).isEmpty();
            int instances = r.clusters().stream().mapToInt(Cluster::registeredContainerInstancesCount).sum();
            int tasks = r.clusters().stream().mapToInt(Cluster::runningTasksCount).sum();
            int services = r.clusters().stream().mapToInt(Cluster::activeServicesCount).sum();
            System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, String.format(
                    "prod: %d instances, %d services, %d running tasks", instances, services, tasks));
            assertThat(instances).isBetween(100, 150);
            assertThat(services).isBetween(55, 65);
            assertThat(tasks).isBetween(2_700, 3_300);
            Cluster api = r.clusters().stream().filter(c -> c.clusterName().equals("api")).findFirst().orElseThrow();
            assertThat(api.statistics()).anySatisfy(s -> assertThat(s.name()).isEqualTo("runningEC2TasksCount"));
            assertThat(api.settings()).anySatisfy(s -> assertThat(s.nameAsString()).isEqualTo("containerInsights"));
            // Container Insights is on where a team turned it on, not everywhere: enhanced (instance metrics) on api,
            // plain on app, off on the others
            assertThat(r.clusters()).extracting(c -> c.clusterName() + "=" + c.settings().stream()
                            .filter(s -> s.nameAsString().equals("containerInsights")).findFirst().orElseThrow().value())
                    .contains("api=enhanced", "app=enabled", "cdn=disabled", "warehouses=disabled");
        }
    }

    @Test
    void taskDefinitionsCarryWhatRealRegistrationsCarry() {
        try (EcsClient ecs = clients.ecs(clients.role("alice", "prod", "admin"))) {
            TaskDefinition api = ecs.describeTaskDefinition(b -> b.taskDefinition("api")).taskDefinition();
            ContainerDefinition c = api.containerDefinitions().get(0);
            assertThat(c.logConfiguration().logDriverAsString()).isEqualTo("awslogs");
            assertThat(c.logConfiguration().options()).containsEntry("awslogs-group", "/ecs/api")
                    .containsEntry("awslogs-stream-prefix", "ecs");
            assertThat(c.ulimits()).isNotEmpty();
            assertThat(c.dockerLabels()).containsKey("team");
            assertThat(api.runtimePlatform().cpuArchitectureAsString()).isEqualTo("X86_64");

            ContainerDefinition proxy = ecs.describeTaskDefinition(b -> b.taskDefinition("metrics-proxy"))
                    .taskDefinition().containerDefinitions().get(0);
            assertThat(proxy.logConfiguration().logDriverAsString()).isEqualTo("fluentd");
            ContainerDefinition stripe = ecs.describeTaskDefinition(b -> b.taskDefinition("integration-stripe"))
                    .taskDefinition().containerDefinitions().get(0);
            assertThat(stripe.logConfiguration().options()).containsEntry("awslogs-group", "prod/integrations")
                    .containsEntry("awslogs-stream-prefix", "integration-stripe");
        }
    }

    @Test
    void devIsSmallAndMissingClustersAreFailures() {
        try (EcsClient ecs = clients.ecs(clients.role("bob", "dev", "admin"))) {
            assertThat(ecs.listClusters().clusterArns()).containsExactly(
                    "arn:aws:ecs:us-east-1:222222222222:cluster/dev",
                    "arn:aws:ecs:us-east-1:222222222222:cluster/dev-batch");
            DescribeClustersResponse r = ecs.describeClusters(b -> b.clusters("dev", "nope"));
            assertThat(r.clusters()).extracting(Cluster::clusterName).containsExactly("dev");
            assertThat(r.clusters().get(0).statistics()).isEmpty();
            assertThat(r.failures()).singleElement().satisfies(f -> {
                assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:222222222222:cluster/nope");
                assertThat(f.reason()).isEqualTo("MISSING");
            });
        }
    }
}
