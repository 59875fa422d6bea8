package io.harbormaster.sandbox.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * A registered task definition revision. It keeps the container definitions as registered (so every member a
 * client sent is echoed back) and the few derived facts the scheduler needs: reserved CPU and memory and the
 * port mappings.
 */
public final class TaskDefinition {

    /** What the scheduler and the fault knob need to know of a container. */
    public record Container(String name, String image, int cpu, Integer memory, Integer memoryReservation, boolean essential) {
    }

    private final String arn;
    private final String family;
    private final int revision;
    private final ObjectNode registered;
    private final ArrayNode containerDefinitions;
    private final List<Container> containers;
    private final List<PortMapping> portMappings;
    private final String taskCpu;
    private final String taskMemory;
    private final int cpu;
    private final int memory;
    private final Instant registeredAt;
    private final String registeredBy;
    /** Whether any mapping asks for a static host port: the only case where ports constrain placement. */
    final boolean hasStaticPorts;
    private String status = "ACTIVE";
    private Instant deregisteredAt;

    TaskDefinition(String arn, String family, int revision, ObjectNode registered, ArrayNode containerDefinitions,
                   List<Container> containers, List<PortMapping> portMappings, String taskCpu, String taskMemory,
                   int cpu, int memory, Instant registeredAt, String registeredBy) {
        this.arn = arn;
        this.family = family;
        this.revision = revision;
        this.registered = registered;
        this.containerDefinitions = containerDefinitions;
        this.containers = containers;
        this.portMappings = portMappings;
        this.taskCpu = taskCpu;
        this.taskMemory = taskMemory;
        this.cpu = cpu;
        this.memory = memory;
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
        this.hasStaticPorts = portMappings.stream().anyMatch(p -> !p.dynamic());
    }

    public String arn() {
        return arn;
    }

    public String family() {
        return family;
    }

    public int revision() {
        return revision;
    }

    /** The registration request's other top-level members (networkMode, volumes, roles, …), normalised. */
    public ObjectNode registered() {
        return registered;
    }

    public ArrayNode containerDefinitions() {
        return containerDefinitions;
    }

    public List<Container> containers() {
        return containers;
    }

    public List<PortMapping> portMappings() {
        return portMappings;
    }

    public String taskCpu() {
        return taskCpu;
    }

    public String taskMemory() {
        return taskMemory;
    }

    /** CPU units a task reserves on its instance. */
    public int cpu() {
        return cpu;
    }

    /** MiB a task reserves on its instance. */
    public int memory() {
        return memory;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public String status() {
        return status;
    }

    public Instant deregisteredAt() {
        return deregisteredAt;
    }

    void deregister(Instant at) {
        status = "INACTIVE";
        deregisteredAt = at;
    }

    /** The first essential container's image: what "the version" of a task means to an operator. */
    public String mainImage() {
        for (Container c : containers) {
            if (c.essential()) {
                return c.image();
            }
        }
        return containers.get(0).image();
    }

    public int staticPortCount() {
        int n = 0;
        for (PortMapping p : portMappings) {
            if (!p.dynamic()) {
                n++;
            }
        }
        return n;
    }
}
