package io.harbormaster.views.hosts;

import io.harbormaster.model.fleet.Arns;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The picked host as the detail beside the canvas shows it: what it is, what is reserved on it, and its tasks in the
 * order the card draws them (by service).
 *
 * @param tasksLoading true while a load has not read every task the host reports reserved
 */
public record HostDetail(String hostArn, String name, String clusterArn, String clusterName, String instanceType,
        String zone, String status, int reservedCpu, int registeredCpu, int reservedMemory, int registeredMemory,
        boolean tasksLoading, List<TaskRow> tasks) {

    /**
     * One of the host's tasks.
     *
     * @param serviceArn   empty for a task no service runs
     * @param serviceName  the service's name, or "standalone (group)" for a task no service runs
     * @param desiredCount the service's desired count (0 for a standalone task)
     * @param startedAt    null until it started
     */
    public record TaskRow(String arn, String taskId, String clusterArn, String serviceArn, String serviceName,
            int desiredCount, String taskDefinition, String status, int cpu, int memory, Instant startedAt) {
    }

    public HostDetail {
        tasks = List.copyOf(tasks);
    }

    /**
     * The host {@code hostArn} of {@code model}; empty when the model does not hold it.
     *
     * @param loading whether a load is still reading the fleet's tasks
     */
    public static Optional<HostDetail> of(HostModel model, String hostArn, boolean loading) {
        if (model == null || hostArn == null) {
            return Optional.empty();
        }
        Optional<Host> host = model.snapshot().host(hostArn);
        HostCell cell = model.cells().stream().filter(c -> c.arn.equals(hostArn)).findFirst().orElse(null);
        if (host.isEmpty() || cell == null) {
            return Optional.empty();
        }
        List<TaskRow> rows = new ArrayList<>(cell.taskCount());
        for (int i = 0; i < cell.taskCount(); i++) {
            Task t = cell.task(i);
            Service s = cell.service[i] < 0 ? null : model.services().get(cell.service[i]);
            rows.add(new TaskRow(t.arn(), Arns.name(t.arn()), t.clusterArn(), s == null ? "" : s.arn(),
                    s == null ? "standalone (" + t.group() + ")" : s.name(), s == null ? 0 : s.desiredCount(),
                    Arns.name(t.taskDefinitionArn()), t.lastStatus(), t.cpu(), t.memory(), t.startedAt()));
        }
        Host h = host.get();
        return Optional.of(new HostDetail(hostArn, cell.name, h.clusterArn(), cell.cluster, cell.instanceType,
                cell.zone, cell.status, cell.reservedCpu, cell.registeredCpu, cell.reservedMemory,
                cell.registeredMemory, loading && cell.unread(), rows));
    }

    /** The task {@code taskArn} on this host; empty when it is not here (stopped, or never was). */
    public Optional<TaskRow> task(String taskArn) {
        return taskArn == null ? Optional.empty() : tasks.stream().filter(t -> t.arn().equals(taskArn)).findFirst();
    }
}
