package io.harbormaster.aws.ecs;

/**
 * The ECS throttling buckets the fleet's reads draw on. AWS keeps one token bucket per category, account and
 * Region, shared by every action of the category; sizes as AWS publishes them in the Amazon ECS API Reference,
 * "Request throttling for the Amazon ECS API" (bucket maximum capacity = burst, refill rate = per second):
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html#throttling-quotas
 */
enum EcsThrottle {

    /** ListClusters, DescribeClusters. */
    CLUSTER_READ(50, 20),
    /** ListServices, DescribeServices. */
    SERVICE_READ(100, 20),
    /** ListContainerInstances, DescribeContainerInstances, ListTasks, DescribeTasks. */
    CLUSTER_RESOURCE_READ(100, 20),
    /** DescribeTaskDefinition. */
    TASK_DEFINITION_READ(50, 20);

    final int burst;
    final double perSecond;

    EcsThrottle(int burst, double perSecond) {
        this.burst = burst;
        this.perSecond = perSecond;
    }
}
