package io.harbormaster.model.deploy.fit;

import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.packing.TaskShape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The fit check for one service of a fleet snapshot: its cluster's hosts, its placement rules, its tasks. */
public final class ServiceFit {

    private ServiceFit() {
    }

    /**
     * @param newTask    what one task of the new revision reserves ({@link TaskShape#of} the new task definition)
     * @param extraTasks from {@link PeakDemand} for the chosen strategy
     */
    public static FitResult check(FleetSnapshot fleet, Service service, TaskShape newTask, int extraTasks) {
        if ("FARGATE".equals(service.launchType())) {
            return new FitResult(extraTasks, extraTasks, List.of(), Map.of(), 0, 0, 0, "",
                    List.of("Fargate: AWS finds the capacity for each task; there are no hosts to check"));
        }
        Map<String, Integer> perHost = new HashMap<>();
        for (Task task : fleet.tasksOf(service.arn())) {
            if (!task.containerInstanceArn().isEmpty() && !"STOPPED".equals(task.lastStatus())) {
                perHost.merge(task.containerInstanceArn(), 1, Integer::sum);
            }
        }
        boolean tasksKnown = fleet.complete() && (service.runningCount() == 0 || !perHost.isEmpty());
        FitRequest request = new FitRequest(fleet.hostsIn(service.clusterArn()), newTask, extraTasks,
                service.placementStrategy(), service.placementConstraints(), perHost, tasksKnown);
        return FitCheck.check(request);
    }
}
