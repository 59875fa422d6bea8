package io.harbormaster.aws.ecs;

import io.harbormaster.model.fleet.CallPlanner;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.fleet.TaskDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The ECS read calls of one load or refresh, each asking for AWS's largest page or batch, each metered, each with
 * the adapter's patient retry strategy. Blocking; thread-safe (the client is).
 */
final class EcsReads {

    private final EcsClient ecs;
    private final EcsMapping mapping;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> override;

    EcsReads(EcsClient ecs, EcsMapping mapping, Consumer<AwsRequestOverrideConfiguration.Builder> override) {
        this.ecs = ecs;
        this.mapping = mapping;
        this.override = override;
    }

    List<String> clusterArns() {
        List<String> arns = new ArrayList<>();
        ecs.listClustersPaginator(r -> r.maxResults(CallPlanner.LIST_PAGE).overrideConfiguration(override))
                .clusterArns().forEach(arns::add);
        return arns;
    }

    /** At most 100 a call. */
    List<Cluster> describeClusters(List<String> arns) {
        return ecs.describeClusters(r -> r.clusters(arns).overrideConfiguration(override)).clusters().stream()
                .map(mapping::cluster).toList();
    }

    /** Lazy: each page is fetched as the iteration reaches it. */
    SdkIterable<String> serviceArns(String cluster) {
        return ecs.listServicesPaginator(r -> r.cluster(cluster).maxResults(CallPlanner.LIST_PAGE)
                .overrideConfiguration(override)).serviceArns();
    }

    /** At most 10 a call; services gone since they were listed are left out. */
    List<Service> describeServices(String cluster, List<String> arns) {
        return ecs.describeServices(r -> r.cluster(cluster).services(arns).overrideConfiguration(override))
                .services().stream().map(mapping::service).toList();
    }

    SdkIterable<String> containerInstanceArns(String cluster) {
        return ecs.listContainerInstancesPaginator(r -> r.cluster(cluster).maxResults(CallPlanner.LIST_PAGE)
                .overrideConfiguration(override)).containerInstanceArns();
    }

    /** At most 100 a call. */
    List<Host> describeContainerInstances(String cluster, List<String> arns) {
        return ecs.describeContainerInstances(r -> r.cluster(cluster).containerInstances(arns)
                .overrideConfiguration(override)).containerInstances().stream()
                .map(ci -> mapping.host(cluster, ci)).toList();
    }

    /** Tasks whose desired status is RUNNING (ListTasks' default): those starting, running, or being stopped. */
    SdkIterable<String> taskArns(String cluster) {
        return ecs.listTasksPaginator(r -> r.cluster(cluster).maxResults(CallPlanner.LIST_PAGE)
                .overrideConfiguration(override)).taskArns();
    }

    /** A service's tasks whose desired status is RUNNING. */
    SdkIterable<String> taskArnsOf(String cluster, String serviceName) {
        return ecs.listTasksPaginator(r -> r.cluster(cluster).serviceName(serviceName)
                .maxResults(CallPlanner.LIST_PAGE).overrideConfiguration(override)).taskArns();
    }

    /** At most 100 a call; tasks gone since they were listed are left out. */
    List<Task> describeTasks(String cluster, List<String> arns) {
        return ecs.describeTasks(r -> r.cluster(cluster).tasks(arns).overrideConfiguration(override)).tasks()
                .stream().map(mapping::task).toList();
    }

    TaskDefinition describeTaskDefinition(String taskDefinition) {
        return mapping.taskDefinition(ecs.describeTaskDefinition(r -> r.taskDefinition(taskDefinition)
                .overrideConfiguration(override)).taskDefinition());
    }
}
