package io.harbormaster.model.fleet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fewest API calls AWS's batch limits allow for a load or a refresh. A page or a batch is one call; a list
 * call is made at least once even when it finds nothing (that is how one learns there is nothing). Describe calls
 * name one cluster each, so batches are counted cluster by cluster.
 *
 * <p>Limits used: ListClusters, ListServices, ListContainerInstances, ListTasks 100 a page (ListServices defaults
 * to 10: ask for 100); DescribeClusters 100; DescribeServices 10; DescribeContainerInstances and DescribeTasks 100;
 * DescribeTaskDefinition and DescribeTargetHealth one each.
 */
public final class CallPlanner {

    public static final int LIST_PAGE = 100;
    public static final int DESCRIBE_CLUSTERS_BATCH = 100;
    public static final int DESCRIBE_SERVICES_BATCH = 10;
    public static final int DESCRIBE_CONTAINER_INSTANCES_BATCH = 100;
    public static final int DESCRIBE_TASKS_BATCH = 100;

    private CallPlanner() {
    }

    /** Everything from nothing: every list, every describe, each task definition and target group once. */
    public static CallPlan fullLoad(FleetShape shape) {
        Map<String, Integer> calls = new HashMap<>();
        int clusters = shape.clusters().size();
        add(calls, CallPlan.LIST_CLUSTERS, pages(clusters));
        add(calls, CallPlan.DESCRIBE_CLUSTERS, batches(clusters, DESCRIBE_CLUSTERS_BATCH));
        for (ClusterShape c : shape.clusters()) {
            add(calls, CallPlan.LIST_SERVICES, pages(c.services()));
            add(calls, CallPlan.DESCRIBE_SERVICES, batches(c.services(), DESCRIBE_SERVICES_BATCH));
            add(calls, CallPlan.LIST_CONTAINER_INSTANCES, pages(c.hosts()));
            add(calls, CallPlan.DESCRIBE_CONTAINER_INSTANCES, batches(c.hosts(), DESCRIBE_CONTAINER_INSTANCES_BATCH));
            add(calls, CallPlan.LIST_TASKS, pages(c.tasks()));
            add(calls, CallPlan.DESCRIBE_TASKS, batches(c.tasks(), DESCRIBE_TASKS_BATCH));
        }
        add(calls, CallPlan.DESCRIBE_TASK_DEFINITION, shape.taskDefinitions());
        add(calls, CallPlan.DESCRIBE_TARGET_HEALTH, shape.targetGroups());
        return new CallPlan(calls);
    }

    /**
     * A refresh where nothing moved: every cluster, service and container instance list, DescribeClusters and
     * DescribeServices for all (their counts, deployments and events are how movement shows), and no task list.
     */
    public static CallPlan idleRefresh(FleetShape shape) {
        return refresh(shape, RefreshWork.NONE);
    }

    /** A refresh that also lists and describes what moved. */
    public static CallPlan refresh(FleetShape shape, RefreshWork work) {
        Map<String, Integer> calls = new HashMap<>();
        int clusters = shape.clusters().size();
        add(calls, CallPlan.LIST_CLUSTERS, pages(clusters));
        add(calls, CallPlan.DESCRIBE_CLUSTERS, batches(clusters, DESCRIBE_CLUSTERS_BATCH));
        for (ClusterShape c : shape.clusters()) {
            add(calls, CallPlan.LIST_SERVICES, pages(c.services()));
            add(calls, CallPlan.DESCRIBE_SERVICES, batches(c.services(), DESCRIBE_SERVICES_BATCH));
            add(calls, CallPlan.LIST_CONTAINER_INSTANCES, pages(c.hosts()));
        }
        for (ClusterWork w : work.clusters()) {
            add(calls, CallPlan.LIST_TASKS, w.taskListPages());
            add(calls, CallPlan.DESCRIBE_CONTAINER_INSTANCES, batches(w.hostsToDescribe(),
                    DESCRIBE_CONTAINER_INSTANCES_BATCH));
            add(calls, CallPlan.DESCRIBE_TASKS, batches(w.tasksToDescribe(), DESCRIBE_TASKS_BATCH));
        }
        add(calls, CallPlan.DESCRIBE_TASK_DEFINITION, work.taskDefinitionsToDescribe());
        add(calls, CallPlan.DESCRIBE_TARGET_HEALTH, work.targetGroupsToCheck());
        return new CallPlan(calls);
    }

    /** Pages a list call needs: at least one, even for an empty list. */
    public static int pages(int items) {
        return Math.max(1, batches(items, LIST_PAGE));
    }

    /** Batches of {@code size} for {@code items}: ceil(items / size), 0 for none. */
    public static int batches(int items, int size) {
        if (items < 0 || size <= 0) {
            throw new IllegalArgumentException("items " + items + ", batch size " + size);
        }
        return (items + size - 1) / size;
    }

    private static void add(Map<String, Integer> calls, String op, int n) {
        calls.merge(op, n, Integer::sum);
    }

    /**
     * What a refresh found moved in one cluster.
     *
     * @param taskListPages ListTasks pages made where tasks moved (for the cluster, or per moved service)
     */
    public record ClusterWork(int taskListPages, int hostsToDescribe, int tasksToDescribe) {
        public ClusterWork {
            if (taskListPages < 0 || hostsToDescribe < 0 || tasksToDescribe < 0) {
                throw new IllegalArgumentException("counts cannot be negative");
            }
        }
    }

    /** What a refresh found moved across the fleet. */
    public record RefreshWork(List<ClusterWork> clusters, int taskDefinitionsToDescribe, int targetGroupsToCheck) {

        public static final RefreshWork NONE = new RefreshWork(List.of(), 0, 0);

        public RefreshWork {
            clusters = List.copyOf(clusters);
            if (taskDefinitionsToDescribe < 0 || targetGroupsToCheck < 0) {
                throw new IllegalArgumentException("counts cannot be negative");
            }
        }
    }
}
