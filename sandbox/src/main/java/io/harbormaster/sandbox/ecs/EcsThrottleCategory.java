package io.harbormaster.sandbox.ecs;

import io.harbormaster.sandbox.core.Throttler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ECS's API throttling categories: each is one token bucket per account and Region, shared by all its actions.
 * Sizes and actions as AWS publishes them in the Amazon ECS API Reference, "Request throttling for the Amazon ECS
 * API", throttling-quotas table (bucket maximum capacity = burst, bucket refill rate = sustained per second):
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html#throttling-quotas
 * The whole table is here, including actions the sandbox does not serve, so an operation added later finds its
 * bucket; {@link #of} refuses an action AWS does not list.
 */
enum EcsThrottleCategory {

    CLUSTER_MODIFY("cluster-modify", 20, 1, "CreateCluster", "DeleteCluster", "PutClusterCapacityProviders",
            "UpdateCluster", "UpdateClusterSettings"),
    CLUSTER_READ("cluster-read", 50, 20, "DescribeClusters", "ListClusters"),
    TASK_DEFINITION_MODIFY("task-definition-modify", 20, 1, "DeregisterTaskDefinition", "RegisterTaskDefinition"),
    TASK_DEFINITION_READ("task-definition-read", 50, 20, "DescribeTaskDefinition", "ListTaskDefinitions",
            "ListTaskDefinitionFamilies"),
    TASK_DEFINITION_DELETION("task-definition-deletion", 5, 1, "DeleteTaskDefinitions"),
    CAPACITY_PROVIDER_MODIFY("capacity-provider-modify", 10, 1, "CreateCapacityProvider", "DeleteCapacityProvider",
            "UpdateCapacityProvider"),
    CAPACITY_PROVIDER_READ("capacity-provider-read", 50, 20, "DescribeCapacityProviders"),
    TAG_MODIFY("tag-modify", 20, 10, "TagResource", "UntagResource"),
    TAG_READ("tag-read", 50, 20, "ListTagsForResource"),
    SETTING_MODIFY("setting-modify", 10, 1, "DeleteAccountSetting", "PutAccountSetting", "PutAccountSettingDefault"),
    SETTING_READ("setting-read", 50, 20, "ListAccountSettings"),
    CLUSTER_RESOURCE_MODIFY("cluster-resource-modify", 100, 40, "DeleteAttributes", "DeregisterContainerInstance",
            "ExecuteCommand", "PutAttributes", "RunTask", "StartTask", "StopTask", "UpdateContainerAgent",
            "UpdateContainerInstancesStates"),
    CLUSTER_RESOURCE_READ("cluster-resource-read", 100, 20, "DescribeContainerInstances", "DescribeTasks",
            "ListAttributes", "ListContainerInstances", "ListTasks"),
    AGENT_MODIFY("agent-modify", 200, 120, "RegisterContainerInstance", "SubmitAttachmentStateChanges",
            "SubmitContainerStateChange", "SubmitTaskStateChange"),
    // StopServiceDeployment and ContinueServiceDeployment are newer than AWS's table; the sandbox counts them with
    // the other service writes.
    SERVICE_MODIFY("service-modify", 50, 5, "CreateService", "DeleteService", "UpdateService",
            "StopServiceDeployment", "ContinueServiceDeployment"),
    SERVICE_READ("service-read", 100, 20, "DescribeServices", "ListServices"),
    SERVICE_DEPLOYMENT("service-deployment", 50, 20, "DescribeServiceDeployments", "ListServiceDeployments"),
    SERVICE_REVISION("service-revision", 50, 20, "DescribeServiceRevisions"),
    TASK_PROTECTION("task-protection", 200, 80, "UpdateTaskProtection", "GetTaskProtection"),
    CLUSTER_SERVICE_RESOURCE_READ("cluster-service-resource-read", 10, 1, "ListServicesByNamespace");

    private static final Map<String, EcsThrottleCategory> BY_ACTION = new HashMap<>();
    private static final Map<String, EcsThrottleCategory> BY_FAMILY = new HashMap<>();

    static {
        for (EcsThrottleCategory c : values()) {
            BY_FAMILY.put(c.family, c);
            for (String action : c.actions) {
                if (BY_ACTION.put(action, c) != null) {
                    throw new IllegalStateException(action + " is in two ECS throttling categories");
                }
            }
        }
    }

    private final String family;
    private final Throttler.Rate rate;
    private final List<String> actions;

    EcsThrottleCategory(String family, int burst, double perSecond, String... actions) {
        this.family = family;
        this.rate = new Throttler.Rate(burst, perSecond);
        this.actions = List.of(actions);
    }

    /** The throttle family the bucket is keyed by (with the account, Region and the "ecs:" prefix). */
    String family() {
        return family;
    }

    Throttler.Rate rate() {
        return rate;
    }

    List<String> actions() {
        return actions;
    }

    /** The category of an ECS action; an action AWS does not list has no bucket to share, so it is refused. */
    static EcsThrottleCategory of(String action) {
        EcsThrottleCategory c = BY_ACTION.get(action);
        if (c == null) {
            throw new IllegalArgumentException("ECS action " + action + " has no throttling category in AWS's table");
        }
        return c;
    }

    static EcsThrottleCategory ofFamily(String family) {
        EcsThrottleCategory c = BY_FAMILY.get(family);
        if (c == null) {
            throw new IllegalArgumentException("No ECS throttling category " + family);
        }
        return c;
    }
}
