package io.harbormaster.model.metrics;

/** The namespaces, metric names and dimensions of the metrics Harbormaster reads, as AWS publishes them. */
public final class CloudWatchNames {

    public static final String ECS = "AWS/ECS";
    public static final String ALB = "AWS/ApplicationELB";

    public static final String CPU_UTILIZATION = "CPUUtilization";
    public static final String MEMORY_UTILIZATION = "MemoryUtilization";
    public static final String CPU_RESERVATION = "CPUReservation";
    public static final String MEMORY_RESERVATION = "MemoryReservation";
    public static final String REQUEST_COUNT = "RequestCount";
    public static final String TARGET_5XX = "HTTPCode_Target_5XX_Count";
    public static final String TARGET_RESPONSE_TIME = "TargetResponseTime";
    public static final String HEALTHY_HOSTS = "HealthyHostCount";

    public static final String CLUSTER_NAME = "ClusterName";
    public static final String SERVICE_NAME = "ServiceName";
    public static final String LOAD_BALANCER = "LoadBalancer";
    public static final String TARGET_GROUP = "TargetGroup";

    private CloudWatchNames() {
    }
}
