package io.harbormaster.aws.ecs;

import io.harbormaster.model.fleet.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cluster's tasks after a refresh, and what moved: tasks started, stopped or changed status or host; the hosts
 * they touched (to be described again) and the task groups they belong to (whose target health is checked again).
 */
record TaskMoves(List<Task> tasks, Set<String> touchedHosts, Set<String> movedGroups) {

    static TaskMoves none(List<Task> unchanged) {
        return new TaskMoves(unchanged, Set.of(), Set.of());
    }

    /**
     * @param before    the cluster's tasks in the previous snapshot, by ARN
     * @param scope     where tasks were listed: a previous task outside it is kept as it was
     * @param listed    ARNs listed within the scope
     * @param described the listed tasks that were described again (new or in transition)
     */
    static TaskMoves of(Map<String, Task> before, TaskScope scope, List<String> listed, List<Task> described) {
        Map<String, Task> fresh = FleetRefresh.index(described, Task::arn);
        Set<String> listedSet = new HashSet<>(listed);
        Set<String> touched = new HashSet<>();
        Set<String> groups = new HashSet<>();
        List<Task> tasks = new ArrayList<>(before.size() + described.size());
        for (Task old : before.values()) {
            if (!scope.covers(old.group()) || listedSet.contains(old.arn())) {
                continue;
            }
            touched.add(old.containerInstanceArn());
            groups.add(old.group());
        }
        for (Task old : before.values()) {
            if (!scope.covers(old.group())) {
                tasks.add(old);
            }
        }
        for (String arn : listed) {
            Task old = before.get(arn);
            Task t = fresh.getOrDefault(arn, old);
            if (t == null) {
                continue;
            }
            tasks.add(t);
            if (old == null || !old.lastStatus().equals(t.lastStatus())
                    || !old.desiredStatus().equals(t.desiredStatus())
                    || !old.containerInstanceArn().equals(t.containerInstanceArn())) {
                touched.add(t.containerInstanceArn());
                groups.add(t.group());
                if (old != null) {
                    touched.add(old.containerInstanceArn());
                }
            }
        }
        touched.remove("");
        return new TaskMoves(tasks, touched, groups);
    }
}
