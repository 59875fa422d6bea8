package io.harbormaster.aws.ecs;

import io.harbormaster.model.fleet.CallPlanner;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.fleet.TaskDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;

/**
 * The ECS read calls of one load or refresh, each asking for AWS's largest page or batch, each paced to its AWS
 * throttling bucket ({@link CallPacer}), each metered, each with the adapter's patient retry strategy.
 * Blocking; thread-safe (the client is).
 */
final class EcsReads {

    private final EcsClient ecs;
    private final EcsMapping mapping;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> override;
    private final CallPacer pacer;
    private final RunCancellation cancellation;

    /** @param override the metering and retry strategy every call is made with */
    EcsReads(EcsClient ecs, EcsMapping mapping, Consumer<AwsRequestOverrideConfiguration.Builder> override,
            CallPacer pacer) {
        this(ecs, mapping, override, pacer, new RunCancellation());
    }

    /** @param cancellation checked before every call (and after waiting for its token): a cancelled run sends none */
    EcsReads(EcsClient ecs, EcsMapping mapping, Consumer<AwsRequestOverrideConfiguration.Builder> override,
            CallPacer pacer, RunCancellation cancellation) {
        this.ecs = ecs;
        this.mapping = mapping;
        this.override = override;
        this.pacer = pacer;
        this.cancellation = cancellation;
    }

    /** Waits for the bucket's token, unless the run is cancelled before or meanwhile. */
    private void take(ThrottleBucket throttle, boolean listPage) {
        take(throttle, listPage ? Turn.LIST : Turn.QUEUE);
    }

    /** Where a call waits for its token: ahead of all, with the list pages, or behind them. */
    enum Turn { AHEAD, LIST, QUEUE }

    private void take(ThrottleBucket throttle, Turn turn) {
        cancellation.check();
        if (turn == Turn.AHEAD) {
            pacer.takeAhead(throttle);
        } else {
            pacer.take(throttle, turn == Turn.LIST);
        }
        cancellation.check();
    }

    List<String> clusterArns() {
        List<String> arns = new ArrayList<>();
        paged(ThrottleBucket.CLUSTER_READ, token -> {
            ListClustersResponse r = ecs.listClusters(b -> b.maxResults(CallPlanner.LIST_PAGE).nextToken(token)
                    .overrideConfiguration(override));
            return new Page(r.clusterArns(), r.nextToken());
        }).forEach(arns::add);
        return arns;
    }

    /** At most 100 a call. */
    List<Cluster> describeClusters(List<String> arns) {
        take(ThrottleBucket.CLUSTER_READ, false);
        return ecs.describeClusters(r -> r.clusters(arns).include(ClusterField.SETTINGS)
                        .overrideConfiguration(override)).clusters().stream()
                .map(mapping::cluster).toList();
    }

    /** Lazy: each page is fetched as the iteration reaches it. */
    Iterable<String> serviceArns(String cluster) {
        return paged(ThrottleBucket.SERVICE_READ, token -> {
            ListServicesResponse r = ecs.listServices(b -> b.cluster(cluster).maxResults(CallPlanner.LIST_PAGE)
                    .nextToken(token).overrideConfiguration(override));
            return new Page(r.serviceArns(), r.nextToken());
        });
    }

    /** At most 10 a call; services gone since they were listed are left out. */
    List<Service> describeServices(String cluster, List<String> arns) {
        take(ThrottleBucket.SERVICE_READ, false);
        return ecs.describeServices(r -> r.cluster(cluster).services(arns)
                        .overrideConfiguration(override))
                .services().stream().map(mapping::service).toList();
    }

    Iterable<String> containerInstanceArns(String cluster) {
        return containerInstanceArns(cluster, Turn.LIST);
    }

    /** @param turn {@link Turn#AHEAD} for a full load, whose hosts draw the first picture */
    Iterable<String> containerInstanceArns(String cluster, Turn turn) {
        return paged(ThrottleBucket.CLUSTER_RESOURCE_READ, turn, token -> {
            ListContainerInstancesResponse r = ecs.listContainerInstances(b -> b.cluster(cluster)
                    .maxResults(CallPlanner.LIST_PAGE).nextToken(token)
                    .overrideConfiguration(override));
            return new Page(r.containerInstanceArns(), r.nextToken());
        });
    }

    /** At most 100 a call. */
    List<Host> describeContainerInstances(String cluster, List<String> arns) {
        return describeContainerInstances(cluster, arns, Turn.QUEUE);
    }

    /** @param turn {@link Turn#AHEAD} for a full load: its dozen host batches draw the first picture */
    List<Host> describeContainerInstances(String cluster, List<String> arns, Turn turn) {
        take(ThrottleBucket.CLUSTER_RESOURCE_READ, turn);
        return ecs.describeContainerInstances(r -> r.cluster(cluster).containerInstances(arns)
                .overrideConfiguration(override)).containerInstances()
                .stream().map(ci -> mapping.host(cluster, ci)).toList();
    }

    /** Tasks whose desired status is RUNNING (ListTasks' default): those starting, running, or being stopped. */
    Iterable<String> taskArns(String cluster) {
        return taskArns(cluster, null);
    }

    /** A service's tasks whose desired status is RUNNING. */
    Iterable<String> taskArnsOf(String cluster, String serviceName) {
        return taskArns(cluster, Objects.requireNonNull(serviceName, "serviceName"));
    }

    private Iterable<String> taskArns(String cluster, String serviceName) {
        return paged(ThrottleBucket.CLUSTER_RESOURCE_READ, token -> {
            ListTasksResponse r = ecs.listTasks(b -> b.cluster(cluster).serviceName(serviceName)
                    .maxResults(CallPlanner.LIST_PAGE).nextToken(token)
                    .overrideConfiguration(override));
            return new Page(r.taskArns(), r.nextToken());
        });
    }

    /**
     * The tasks on one container instance whose desired status is RUNNING, each page ahead of the bucket's other
     * calls: for the hosts on the operator's screen, described before the cluster's sweep reaches them.
     */
    Iterable<String> taskArnsOn(String cluster, String containerInstance) {
        Objects.requireNonNull(containerInstance, "containerInstance");
        return paged(ThrottleBucket.CLUSTER_RESOURCE_READ, Turn.AHEAD, token -> {
            ListTasksResponse r = ecs.listTasks(b -> b.cluster(cluster).containerInstance(containerInstance)
                    .maxResults(CallPlanner.LIST_PAGE).nextToken(token)
                    .overrideConfiguration(override));
            return new Page(r.taskArns(), r.nextToken());
        });
    }

    /** At most 100 a call; tasks gone since they were listed are left out. */
    List<Task> describeTasks(String cluster, List<String> arns) {
        return describeTasks(cluster, arns, Turn.QUEUE);
    }

    /**
     * @param turn {@link Turn#LIST} for a full load: its describes take turns with the list pages, so tasks arrive
     *             from the start at the bucket's pace (in the queue they would wait for the last of 2,000 pages)
     */
    List<Task> describeTasks(String cluster, List<String> arns, Turn turn) {
        take(ThrottleBucket.CLUSTER_RESOURCE_READ, turn);
        return ecs.describeTasks(r -> r.cluster(cluster).tasks(arns)
                        .overrideConfiguration(override)).tasks()
                .stream().map(mapping::task).toList();
    }

    TaskDefinition describeTaskDefinition(String taskDefinition) {
        take(ThrottleBucket.TASK_DEFINITION_READ, false);
        return mapping.taskDefinition(ecs.describeTaskDefinition(r -> r.taskDefinition(taskDefinition)
                .overrideConfiguration(override)).taskDefinition());
    }

    /** One page of a list: its items and the token of the next, null after the last. */
    private record Page(List<String> items, String next) {
    }

    /**
     * A list being paged through. Its hold on the bucket's reserve lasts until its last page is in, so a reader that
     * stops before that (its run cancelled, a describe of the listed items failed) closes it: the pacer outlives
     * the run, and a hold never given back would leave every later load of the account and Region to the top of
     * the bucket.
     */
    interface Paging extends Iterator<String>, AutoCloseable {
        @Override
        void close();
    }

    /**
     * A list fetched page by page as the iteration reaches it, each page paced ahead of the bucket's other calls,
     * and holding the bucket's reserve from the first page until the last is in (or a page fails).
     */
    private Iterable<String> paged(ThrottleBucket throttle, Function<String, Page> fetch) {
        return paged(throttle, Turn.LIST, fetch);
    }

    private Iterable<String> paged(ThrottleBucket throttle, Turn turn, Function<String, Page> fetch) {
        return () -> new Paging() {
            private Iterator<String> page = java.util.Collections.emptyIterator();
            private String next;
            private boolean started;
            private boolean done;
            private CallPacer.Listing listing;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !done) {
                    fetchNext();
                }
                return page.hasNext();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }

            private void fetchNext() {
                if (listing == null) {
                    listing = pacer.listing(throttle);
                }
                try {
                    take(throttle, turn);
                    Page p = fetch.apply(started ? next : null);
                    started = true;
                    page = p.items().iterator();
                    next = p.next();
                    done = next == null || next.isEmpty();
                } catch (RuntimeException e) {
                    done = true;
                    throw e;
                } finally {
                    if (done) {
                        listing.close();
                    }
                }
            }

            @Override
            public void close() {
                if (!done) {
                    done = true;
                    page = java.util.Collections.emptyIterator();
                    if (listing != null) {
                        listing.close();
                    }
                }
            }
        };
    }
}
