package io.harbormaster.aws.ecs;

/**
 * The AWS throttling buckets the fleet's reads draw on; AWS keeps one token bucket per bucket, account and Region,
 * shared by every action in it. ECS's as AWS publishes them in the Amazon ECS API Reference, "Request throttling
 * for the Amazon ECS API" (bucket maximum capacity = burst, refill rate = per second):
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html#throttling-quotas
 * ELBv2's describe bucket as the ELB User Guide's "Request throttling for the ELB API" states:
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-api-throttling.html
 */
enum ThrottleBucket {

    /** ECS ListClusters, DescribeClusters. */
    CLUSTER_READ(50, 20),
    /** ECS ListServices, DescribeServices; the service deployment and revision reads are paced here too (not
     *  listed by AWS in a bucket of their own). */
    SERVICE_READ(100, 20),
    /** ECS ListContainerInstances, DescribeContainerInstances, ListTasks, DescribeTasks. */
    CLUSTER_RESOURCE_READ(100, 20),
    /** ECS StopTask (with RunTask, StartTask and the container instance writes). */
    CLUSTER_RESOURCE_MODIFY(100, 40),
    /** ECS DescribeTaskDefinition. */
    TASK_DEFINITION_READ(50, 20),
    /** ECS UpdateService; Stop/ContinueServiceDeployment are taken from it too (AWS publishes no bucket of their
     *  own for them; they modify the same service). */
    SERVICE_MODIFY(50, 5),
    /** ECS RegisterTaskDefinition. */
    TASK_DEFINITION_MODIFY(20, 1),
    /** ELBv2's non-mutating calls: DescribeTargetHealth here. */
    ELBV2_DESCRIBE(40, 10);

    final int burst;
    final double perSecond;

    ThrottleBucket(int burst, double perSecond) {
        this.burst = burst;
        this.perSecond = perSecond;
    }
}
