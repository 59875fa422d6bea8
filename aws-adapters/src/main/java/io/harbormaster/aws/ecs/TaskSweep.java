package io.harbormaster.aws.ecs;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.Task;
import java.util.List;

/**
 * What a cluster's task sweep (ListTasks of the whole cluster, then DescribeTasks) shares with work that describes
 * some tasks ahead of it ({@link FocusedTasks}): it describes only the tasks it claims first, and tells what it
 * described. The plain sweep claims every task.
 */
interface TaskSweep {

    TaskSweep ALL = new TaskSweep() {
    };

    /** True when the caller is the first to claim this task and so describes it. */
    default boolean claim(String taskArn) {
        return true;
    }

    /** A batch of the cluster's hosts is in: their tasks can now be looked for host by host. */
    default void hostsDescribed(Cluster cluster, List<Host> hosts) {
    }

    /** A batch of the sweep's tasks is in. */
    default void tasksDescribed(List<Task> tasks) {
    }

    /** The cluster's sweep is over (done or failed): nothing left there to describe ahead of it. */
    default void swept(Cluster cluster) {
    }
}
