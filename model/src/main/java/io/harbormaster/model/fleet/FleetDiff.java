package io.harbormaster.model.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What moved between two snapshots of the same environment: services added, removed or changed, tasks started or
 * stopped (or changed status), hosts added, removed or changed. Lists keep the order of the snapshot they come from.
 *
 * @param changedTasks tasks in both snapshots whose status or host moved (PENDING → RUNNING, …)
 * @param changedHosts hosts in both whose capacity, status, agent or task counts moved
 */
public record FleetDiff(
        List<Service> addedServices,
        List<Service> removedServices,
        List<ServiceChange> changedServices,
        List<Task> startedTasks,
        List<Task> stoppedTasks,
        List<Task> changedTasks,
        List<Host> addedHosts,
        List<Host> removedHosts,
        List<Host> changedHosts) {

    public FleetDiff {
        addedServices = List.copyOf(addedServices);
        removedServices = List.copyOf(removedServices);
        changedServices = List.copyOf(changedServices);
        startedTasks = List.copyOf(startedTasks);
        stoppedTasks = List.copyOf(stoppedTasks);
        changedTasks = List.copyOf(changedTasks);
        addedHosts = List.copyOf(addedHosts);
        removedHosts = List.copyOf(removedHosts);
        changedHosts = List.copyOf(changedHosts);
    }

    public static FleetDiff between(FleetSnapshot before, FleetSnapshot after) {
        List<Service> addedServices = new ArrayList<>();
        List<ServiceChange> changedServices = new ArrayList<>();
        for (Service s : after.services()) {
            var old = before.service(s.arn());
            if (old.isEmpty()) {
                addedServices.add(s);
            } else {
                Set<ServiceChange.Aspect> moved = ServiceChange.between(old.get(), s);
                if (!moved.isEmpty()) {
                    changedServices.add(new ServiceChange(s.arn(), s.name(), moved));
                }
            }
        }
        List<Service> removedServices = before.services().stream().filter(s -> after.service(s.arn()).isEmpty())
                .toList();

        List<Task> started = new ArrayList<>();
        List<Task> changedTasks = new ArrayList<>();
        for (Task t : after.tasks()) {
            var old = before.task(t.arn());
            if (old.isEmpty()) {
                started.add(t);
            } else if (!old.get().lastStatus().equals(t.lastStatus())
                    || !old.get().desiredStatus().equals(t.desiredStatus())
                    || !old.get().containerInstanceArn().equals(t.containerInstanceArn())) {
                changedTasks.add(t);
            }
        }
        List<Task> stopped = before.tasks().stream().filter(t -> after.task(t.arn()).isEmpty()).toList();

        List<Host> addedHosts = new ArrayList<>();
        List<Host> changedHosts = new ArrayList<>();
        for (Host h : after.hosts()) {
            var old = before.host(h.arn());
            if (old.isEmpty()) {
                addedHosts.add(h);
            } else if (!old.get().equals(h)) {
                changedHosts.add(h);
            }
        }
        List<Host> removedHosts = before.hosts().stream().filter(h -> after.host(h.arn()).isEmpty()).toList();
        return new FleetDiff(addedServices, removedServices, changedServices, started, stopped, changedTasks,
                addedHosts, removedHosts, changedHosts);
    }

    public boolean isEmpty() {
        return addedServices.isEmpty() && removedServices.isEmpty() && changedServices.isEmpty()
                && startedTasks.isEmpty() && stoppedTasks.isEmpty() && changedTasks.isEmpty()
                && addedHosts.isEmpty() && removedHosts.isEmpty() && changedHosts.isEmpty();
    }
}
