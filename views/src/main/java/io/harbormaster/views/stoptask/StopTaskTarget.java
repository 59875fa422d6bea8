package io.harbormaster.views.stoptask;

import io.harbormaster.model.fleet.Arns;
import java.util.Objects;

/**
 * The task to stop, with what the preview says about it.
 *
 * @param cluster      the cluster's name or ARN
 * @param task         the task's ARN
 * @param service      the service that runs it (name or ARN); empty for a task no service runs
 * @param desiredCount the service's desired count as last seen (whether a replacement is started)
 * @param host         the host it runs on, as the console names it
 */
public record StopTaskTarget(String cluster, String task, String service, int desiredCount, String host) {

    public StopTaskTarget {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(task, "task");
        service = service == null ? "" : service;
        host = host == null ? "" : host;
    }

    public String taskId() {
        return Arns.name(task);
    }

    public String serviceName() {
        return Arns.name(service);
    }

    public String clusterName() {
        return Arns.clusterName(cluster);
    }
}
