package io.harbormaster.model.cost.repack;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.FleetStats;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A repacking what-if as hosts to draw: the cluster as it runs today, and its tasks as the what-if packed them, each
 * a {@link FleetSnapshot} of that one cluster, so the Hosts page draws both with its own painter and the same
 * service colours. The packed hosts and their tasks exist nowhere in AWS: their ARNs start with {@link #PREFIX}.
 * Today's hosts the packing would not need are drawn after the packed ones, empty, in status {@link #FREED}.
 */
public final class RepackPicture {

    /** What every made-up ARN starts with. */
    public static final String PREFIX = "what-if:";

    /** The status of a card standing for one of today's hosts the packed fleet would leave empty. */
    public static final String FREED = "EMPTY AFTER REPACKING";

    private RepackPicture() {
    }

    /** The cluster as it runs today: its hosts, services and tasks, nothing else of the fleet. */
    public static FleetSnapshot today(FleetSnapshot s, String clusterArn) {
        return new FleetSnapshot(s.environmentId(), s.region(), s.asOf(), clusterOf(s, clusterArn),
                s.servicesIn(clusterArn), s.hostsIn(clusterArn), s.tasksIn(clusterArn), s.taskDefinitions(),
                Map.of(), List.of(), FleetStats.NONE);
    }

    /**
     * The cluster's tasks as {@code r} packed them: a host of the target type for each packed host (named
     * "packed 1", "packed 2", … in the order the packing opened them) with a task for each task placed there,
     * shaped as its demand (static host ports kept when the what-if kept them), then a card for each of today's hosts
     * left over, empty.
     */
    public static FleetSnapshot repacked(FleetSnapshot s, RepackResult r) {
        String cluster = r.clusterArn();
        Map<String, Service> services = s.servicesIn(cluster).stream()
                .collect(Collectors.toMap(Service::arn, Function.identity()));
        TargetType type = r.target();
        List<Host> hosts = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        int n = 0;
        for (RepackResult.PackedHost packed : r.hosts()) {
            n++;
            String hostArn = PREFIX + "container-instance/" + cluster + "/packed-" + n;
            PortSet used = PortSet.EMPTY;
            int k = 0;
            for (RepackResult.Run run : packed.runs()) {
                Demand d = run.demand();
                Optional<Service> service = Optional.ofNullable(services.get(d.serviceArn()));
                PortSet ports = r.portMode() == PortMode.STATIC ? d.shape().staticPorts() : PortSet.EMPTY;
                used = used.union(ports);
                String group = service.map(x -> "service:" + x.name()).orElseGet(() -> standaloneGroup(d));
                String definition = service.map(Service::taskDefinitionArn).orElse("");
                for (int t = 0; t < run.tasks(); t++) {
                    tasks.add(new Task(hostArn.replace("container-instance/", "task/") + "-" + k++, cluster, group,
                            hostArn, definition, Task.RUNNING, Task.RUNNING, d.shape().cpu(), d.shape().memory(),
                            ports, null, null, ""));
                }
            }
            hosts.add(new Host(hostArn, cluster, "packed " + n, type.instanceType(), "", Host.ACTIVE, true,
                    type.cpu(), type.memory(), type.cpu() - packed.cpuUsed(), type.memory() - packed.memoryUsed(),
                    PortSet.EMPTY, used, packed.tasks(), 0));
        }
        List<Host> today = s.hostsIn(cluster);
        for (int i = 0; i < r.hostsFreed() && i < today.size(); i++) {
            Host was = today.get(today.size() - 1 - i);
            hosts.add(new Host(PREFIX + "container-instance/" + cluster + "/freed-" + (i + 1), cluster,
                    "not needed " + (i + 1), was.instanceType(), was.availabilityZone(), FREED, false,
                    was.registeredCpu(), was.registeredMemory(), was.registeredCpu(), was.registeredMemory(),
                    PortSet.EMPTY, PortSet.EMPTY, 0, 0));
        }
        return new FleetSnapshot(s.environmentId(), s.region(), s.asOf(), clusterOf(s, cluster),
                s.servicesIn(cluster), hosts, tasks, s.taskDefinitions(), Map.of(), List.of(), FleetStats.NONE);
    }

    /** A standalone demand keeps its tasks' group (see {@link RepackWhatIf}: "standalone:" group, CPU, memory). */
    private static String standaloneGroup(Demand d) {
        String key = d.serviceArn();
        int end = key.indexOf('\n');
        return key.startsWith("standalone:") && end > 0 ? key.substring("standalone:".length(), end) : d.name();
    }

    private static List<Cluster> clusterOf(FleetSnapshot s, String clusterArn) {
        return s.clusters().stream().filter(c -> c.arn().equals(clusterArn)).toList();
    }
}
