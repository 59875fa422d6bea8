package io.harbormaster.views.hosts;

import io.harbormaster.model.fleet.Arns;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.packing.FleetPacking;
import io.harbormaster.model.packing.HostPacking;
import io.harbormaster.model.packing.PortBlock;
import io.harbormaster.model.packing.Stranding;
import io.harbormaster.views.fleet.FleetData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every host of a snapshot as a {@link HostCell}, and the services their tasks belong to. Built off the UI thread. */
public final class HostModel {

    private final FleetSnapshot snapshot;
    private final List<HostCell> cells;
    private final List<Service> services;

    private HostModel(FleetSnapshot snapshot, List<HostCell> cells, List<Service> services) {
        this.snapshot = snapshot;
        this.cells = List.copyOf(cells);
        this.services = List.copyOf(services);
    }

    public static HostModel of(FleetData data) {
        FleetSnapshot snapshot = data.snapshot();
        FleetPacking packing = data.packing();
        List<Service> services = new ArrayList<>(snapshot.services());
        services.sort(Comparator.comparing(Service::name).thenComparing(Service::clusterName));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < services.size(); i++) {
            index.put(services.get(i).arn(), i);
        }
        List<HostCell> cells = new ArrayList<>(snapshot.hosts().size());
        for (Host h : snapshot.hosts()) {
            List<Task> on = snapshot.tasksOn(h.arn());
            Task[] tasks = on.toArray(new Task[0]);
            int[] service = new int[tasks.length];
            Integer[] order = new Integer[tasks.length];
            for (int i = 0; i < tasks.length; i++) {
                order[i] = i;
                service[i] = snapshot.serviceOf(tasks[i]).map(s -> index.get(s.arn())).orElse(-1);
            }
            Arrays.sort(order, Comparator.comparingInt(i -> service[i]));
            Task[] sortedTasks = new Task[tasks.length];
            int[] sortedService = new int[tasks.length];
            for (int i = 0; i < tasks.length; i++) {
                sortedTasks[i] = tasks[order[i]];
                sortedService[i] = service[order[i]];
            }
            HostPacking p = packing.host(h.arn()).orElse(null);
            Stranding stranding = p == null ? Stranding.NONE : p.stranding();
            String blocked = p == null ? "" : p.portBlocks().stream().map(PortBlock::serviceName)
                    .collect(Collectors.joining(", "));
            cells.add(new HostCell(h.arn(), h.displayName(), Arns.clusterName(h.clusterArn()), h.availabilityZone(),
                    h.instanceType(), h.status(), h.registeredCpu(), h.registeredMemory(), h.reservedCpu(),
                    h.reservedMemory(), stranding,
                    p == null ? 0 : p.strandedCpu(), p == null ? 0 : p.strandedMemory(), blocked, sortedTasks,
                    sortedService));
        }
        return new HostModel(snapshot, cells, services);
    }

    public FleetSnapshot snapshot() {
        return snapshot;
    }

    public List<HostCell> cells() {
        return cells;
    }

    /** The services by index, sorted by name: a task's {@code service} index points in here. */
    public List<Service> services() {
        return services;
    }

    public int taskCount() {
        return cells.stream().mapToInt(HostCell::taskCount).sum();
    }
}
