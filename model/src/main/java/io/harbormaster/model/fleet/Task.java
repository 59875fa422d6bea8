package io.harbormaster.model.fleet;

import java.time.Instant;
import java.util.Objects;

/**
 * A running (or starting, or stopping) task. Kept small: a fleet has hundreds of thousands of them, so the
 * repeated strings (cluster, group, host, task definition, statuses) should come from a {@link StringPool}.
 *
 * @param group                {@code service:<name>} for a service's task, else whatever started it
 * @param containerInstanceArn blank on Fargate
 * @param lastStatus           PROVISIONING, PENDING, ACTIVATING, RUNNING, DEACTIVATING, STOPPING, STOPPED, …
 * @param desiredStatus        RUNNING or STOPPED
 * @param cpu                  CPU units reserved: the task's size, or the sum of its containers'
 * @param memory               MiB reserved: the task's size, or the sum of its containers' reservations
 * @param hostPorts            host ports bound on its host (bridge/host network mode); empty for awsvpc
 * @param startedAt            null until started
 * @param stoppedAt            null unless stopped
 * @param stoppedReason        blank unless stopped
 */
public record Task(
        String arn,
        String clusterArn,
        String group,
        String containerInstanceArn,
        String taskDefinitionArn,
        String lastStatus,
        String desiredStatus,
        int cpu,
        int memory,
        PortSet hostPorts,
        Instant startedAt,
        Instant stoppedAt,
        String stoppedReason) {

    public static final String RUNNING = "RUNNING";
    public static final String PENDING = "PENDING";
    private static final String SERVICE_PREFIX = "service:";

    public Task {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(clusterArn, "clusterArn");
        group = group == null ? "" : group;
        containerInstanceArn = containerInstanceArn == null ? "" : containerInstanceArn;
        taskDefinitionArn = taskDefinitionArn == null ? "" : taskDefinitionArn;
        lastStatus = lastStatus == null ? "" : lastStatus;
        desiredStatus = desiredStatus == null ? "" : desiredStatus;
        hostPorts = hostPorts == null ? PortSet.EMPTY : hostPorts;
        stoppedReason = stoppedReason == null ? "" : stoppedReason;
        if (cpu < 0 || memory < 0) {
            throw new IllegalArgumentException("task reservations cannot be negative");
        }
    }

    /** The service that started it, or blank for a standalone task. */
    public String serviceName() {
        return group.startsWith(SERVICE_PREFIX) ? group.substring(SERVICE_PREFIX.length()) : "";
    }

    public boolean running() {
        return RUNNING.equals(lastStatus);
    }

    public boolean pending() {
        return PENDING.equals(lastStatus) || "PROVISIONING".equals(lastStatus) || "ACTIVATING".equals(lastStatus);
    }

    /** On its way somewhere: its last status is not (yet) what is desired of it. */
    public boolean inTransition() {
        return !lastStatus.equals(desiredStatus);
    }

    public int taskDefinitionRevision() {
        return Arns.revision(taskDefinitionArn);
    }

    /** The same task with its reservations filled in (from its task definition when DescribeTasks gave none). */
    public Task withReservation(int cpuUnits, int memoryMib) {
        return new Task(arn, clusterArn, group, containerInstanceArn, taskDefinitionArn, lastStatus, desiredStatus,
                cpuUnits, memoryMib, hostPorts, startedAt, stoppedAt, stoppedReason);
    }
}
