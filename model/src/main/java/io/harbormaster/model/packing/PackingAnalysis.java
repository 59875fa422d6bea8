package io.harbormaster.model.packing;

import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.fleet.TaskDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds capacity that is free but cannot be used.
 *
 * <p>A host's free CPU and memory are what ECS reports remaining. The cluster's task shapes are those of its
 * services' task definitions (EC2 services only; Fargate tasks never land on a host) and of the tasks running on
 * its hosts. Then, for an ACTIVE host (a draining host takes nothing, so nothing on it is stranded):
 * <ul>
 *   <li>if some shape fits the free CPU and memory, nothing is stranded;</li>
 *   <li>else if the free CPU would hold the smallest task's CPU but the free memory would not hold the smallest
 *       task's memory, the free CPU is stranded ({@link Stranding#CPU_WITHOUT_MEMORY}); the reverse strands the
 *       memory ({@link Stranding#MEMORY_WITHOUT_CPU});</li>
 *   <li>else if both would, yet no single shape fits both, both are stranded ({@link Stranding#MISMATCHED});</li>
 *   <li>else the host is simply full: what is left is smaller than any task in both dimensions.</li>
 * </ul>
 * Amounts below {@link PackingRules#minimumStrandedCpu()} / {@link PackingRules#minimumStrandedMemory()} are not
 * marked. A cluster with no shape to learn from uses {@link PackingRules#fallbackSmallestTask()}.
 *
 * <p>Separately, a service whose tasks bind static host ports is <em>port-blocked</em> on a host that has the CPU
 * and memory for one more of its tasks but has one of those ports taken.
 */
public final class PackingAnalysis {

    private PackingAnalysis() {
    }

    /** The analysis of one host, given the shapes its cluster runs and the services that bind static ports. */
    public static HostPacking host(Host host, Collection<TaskShape> clusterShapes, List<ServiceSlot> staticPortSlots,
            PackingRules rules) {
        int freeCpu = host.remainingCpu();
        int freeMemory = host.remainingMemory();
        if (!host.active()) {
            return new HostPacking(host.arn(), host.clusterArn(), host.registeredCpu(), host.registeredMemory(),
                    host.reservedCpu(), host.reservedMemory(), Stranding.NONE, 0, 0, List.of());
        }
        Collection<TaskShape> shapes = clusterShapes.isEmpty() ? List.of(rules.fallbackSmallestTask())
                : clusterShapes;

        Stranding stranding = Stranding.NONE;
        int strandedCpu = 0;
        int strandedMemory = 0;
        boolean anyFits = shapes.stream().anyMatch(s -> s.fitsIn(freeCpu, freeMemory));
        if (!anyFits) {
            int smallestCpu = shapes.stream().mapToInt(TaskShape::cpu).min().orElse(0);
            int smallestMemory = shapes.stream().mapToInt(TaskShape::memory).min().orElse(0);
            boolean cpuWouldDo = freeCpu >= smallestCpu;
            boolean memoryWouldDo = freeMemory >= smallestMemory;
            boolean cpuWorthIt = freeCpu >= rules.minimumStrandedCpu();
            boolean memoryWorthIt = freeMemory >= rules.minimumStrandedMemory();
            if (cpuWouldDo && !memoryWouldDo && cpuWorthIt) {
                stranding = Stranding.CPU_WITHOUT_MEMORY;
                strandedCpu = freeCpu;
            } else if (memoryWouldDo && !cpuWouldDo && memoryWorthIt) {
                stranding = Stranding.MEMORY_WITHOUT_CPU;
                strandedMemory = freeMemory;
            } else if (cpuWouldDo && memoryWouldDo && (cpuWorthIt || memoryWorthIt)) {
                stranding = Stranding.MISMATCHED;
                strandedCpu = freeCpu;
                strandedMemory = freeMemory;
            }
        }

        List<PortBlock> blocks = new ArrayList<>();
        var taken = host.usedPorts().union(host.registeredPorts());
        for (ServiceSlot slot : staticPortSlots) {
            TaskShape shape = slot.shape();
            if (shape.staticPorts().isEmpty() || !shape.fitsIn(freeCpu, freeMemory)) {
                continue;
            }
            var blocked = shape.staticPorts().intersection(taken);
            if (!blocked.isEmpty()) {
                blocks.add(new PortBlock(slot.serviceArn(), slot.serviceName(), blocked));
            }
        }
        return new HostPacking(host.arn(), host.clusterArn(), host.registeredCpu(), host.registeredMemory(),
                host.reservedCpu(), host.reservedMemory(), stranding, strandedCpu, strandedMemory, blocks);
    }

    /** Every host and cluster of a snapshot. */
    public static FleetPacking of(FleetSnapshot snapshot, PackingRules rules) {
        Map<String, HostPacking> hosts = new HashMap<>();
        Map<String, ClusterPacking> clusters = new HashMap<>();
        for (var cluster : snapshot.clusters()) {
            Set<TaskShape> shapes = new LinkedHashSet<>();
            List<ServiceSlot> slots = new ArrayList<>();
            for (Service s : snapshot.servicesIn(cluster.arn())) {
                if ("FARGATE".equals(s.launchType())) {
                    continue;
                }
                TaskDefinition td = snapshot.taskDefinitions().get(s.taskDefinitionArn());
                if (td == null) {
                    continue;
                }
                TaskShape shape = TaskShape.of(td);
                shapes.add(new TaskShape(shape.cpu(), shape.memory()));
                if (!shape.staticPorts().isEmpty()) {
                    slots.add(new ServiceSlot(s.arn(), s.name(), shape));
                }
            }
            for (Task t : snapshot.tasksIn(cluster.arn())) {
                if (!t.containerInstanceArn().isEmpty() && (t.cpu() > 0 || t.memory() > 0)) {
                    shapes.add(new TaskShape(t.cpu(), t.memory()));
                }
            }
            long regCpu = 0;
            long regMem = 0;
            long resCpu = 0;
            long resMem = 0;
            long strCpu = 0;
            long strMem = 0;
            int strandedHosts = 0;
            int blockedHosts = 0;
            List<Host> clusterHosts = snapshot.hostsIn(cluster.arn());
            for (Host h : clusterHosts) {
                HostPacking p = host(h, shapes, slots, rules);
                hosts.put(h.arn(), p);
                regCpu += p.registeredCpu();
                regMem += p.registeredMemory();
                resCpu += p.reservedCpu();
                resMem += p.reservedMemory();
                strCpu += p.strandedCpu();
                strMem += p.strandedMemory();
                strandedHosts += p.stranded() ? 1 : 0;
                blockedHosts += p.portBlocked() ? 1 : 0;
            }
            clusters.put(cluster.arn(), new ClusterPacking(cluster.arn(), clusterHosts.size(), regCpu, regMem, resCpu,
                    resMem, strCpu, strMem, strandedHosts, blockedHosts));
        }
        return new FleetPacking(hosts, clusters);
    }
}
