package io.harbormaster.model.deploy;

import io.harbormaster.model.fleet.ServiceEvent;
import java.util.List;
import java.util.Objects;

/**
 * The service as a follower sees it between polls (DescribeServices): counts, the deployment ECS runs, events.
 *
 * @param events newest first, as ECS keeps them
 */
public record ServiceState(String serviceArn, int desiredCount, int runningCount, int pendingCount,
                           String currentServiceDeploymentArn, List<String> targetGroupArns,
                           List<ServiceEvent> events) {

    public ServiceState {
        Objects.requireNonNull(serviceArn, "serviceArn");
        currentServiceDeploymentArn = currentServiceDeploymentArn == null ? "" : currentServiceDeploymentArn;
        targetGroupArns = List.copyOf(targetGroupArns);
        events = List.copyOf(events);
    }
}
