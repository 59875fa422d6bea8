package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/** The benchmark fleet generates quickly and 100-item answers stay fast on a 200,000-task cluster. */
@Isolated // timing-sensitive: never beside the concurrent CLI tests (junit-platform.properties)
class LargeFleetTest {

    @Test
    void giantClusterAnswersQuickly() {
        long t0 = System.nanoTime();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withFleet("large"));
             SdkClients clients = new SdkClients(sandbox);
             EcsClient ecs = clients.ecs(clients.role("alice", "prod", "readonly"))) {
            long startMs = (System.nanoTime() - t0) / 1_000_000;
            System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "large fleet started in " + startMs + " ms");
            assertThat(startMs).isLessThan(30_000);

            assertThat(ecs.listClusters().clusterArns()).hasSize(6 + 1 + 14);
            Cluster giant = ecs.describeClusters(b -> b.clusters("giant")).clusters().get(0);
            assertThat(giant.registeredContainerInstancesCount()).isEqualTo(1_000);
            assertThat(giant.runningTasksCount()).isEqualTo(200_000);
            assertThat(giant.activeServicesCount()).isEqualTo(100);

            ListTasksResponse page = ecs.listTasks(b -> b.cluster("giant").maxResults(100));
            ecs.describeTasks(b -> b.cluster("giant").tasks(page.taskArns())); // warm up
            long d0 = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                ListTasksResponse p = ecs.listTasks(b -> b.cluster("giant").maxResults(100).nextToken(page.nextToken()));
                List<Task> tasks = ecs.describeTasks(b -> b.cluster("giant").tasks(p.taskArns())).tasks();
                assertThat(tasks).hasSize(100);
            }
            long perPair = (System.nanoTime() - d0) / 10 / 1_000_000;
            System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
                    "ListTasks + DescribeTasks(100) on 200,000 tasks: " + perPair + " ms");
            assertThat(perPair).isLessThan(1_500); // generous: CI machines are shared

            List<String> instances = ecs.listContainerInstancesPaginator(b -> b.cluster("giant")).containerInstanceArns()
                    .stream().toList();
            assertThat(instances).hasSize(1_000).doesNotHaveDuplicates();
            ecs.describeContainerInstances(b -> b.cluster("giant").containerInstances(instances.subList(0, 100)))
                    .containerInstances().forEach(ci -> assertThat(ci.runningTasksCount()).isEqualTo(200));
        }
    }
}
