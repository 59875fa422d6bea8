package io.harbormaster.sandbox.ecs;

import java.time.Instant;
import java.util.BitSet;
import java.util.TreeMap;

/**
 * An EC2 instance registered in a cluster, with its resources. Reservations are kept as plain counters and bit
 * sets so that placing hundreds of thousands of tasks stays cheap.
 */
public final class ContainerInstance {

    /** Ports the ECS agent reserves on every Linux instance. */
    static final int[] RESERVED_PORTS = {22, 2375, 2376, 51678, 51679};
    static final int EPHEMERAL_FIRST = 32768;
    static final int EPHEMERAL_LAST = 60999;

    final String id;
    final int index;
    final Cluster cluster;
    final String ec2InstanceId;
    final InstanceType type;
    final String availabilityZone;
    final String amiId;
    final Instant registeredAt;
    String status = "ACTIVE";
    boolean agentConnected = true;
    int usedCpu;
    int usedMemory;
    /** Every host port taken (reserved, static, dynamic), TCP and UDP. */
    final BitSet tcp = new BitSet();
    final BitSet udp = new BitSet();
    /** Static host ports only: the PORTS resource ECS reports. */
    final BitSet staticTcp = new BitSet();
    final BitSet staticUdp = new BitSet();
    /** Tasks on this instance (stopped ones too, until they are purged), by id. */
    final TreeMap<String, Task> tasks = new TreeMap<>();
    long version = 1;

    ContainerInstance(String id, int index, Cluster cluster, String ec2InstanceId, InstanceType type,
                      String availabilityZone, String amiId, Instant registeredAt) {
        this.id = id;
        this.index = index;
        this.cluster = cluster;
        this.ec2InstanceId = ec2InstanceId;
        this.type = type;
        this.availabilityZone = availabilityZone;
        this.amiId = amiId;
        this.registeredAt = registeredAt;
        for (int p : RESERVED_PORTS) {
            tcp.set(p);
            staticTcp.set(p);
        }
    }

    public String id() {
        return id;
    }

    public String arn() {
        return cluster.region.arn("container-instance/" + cluster.name + "/" + id);
    }

    public String ec2InstanceId() {
        return ec2InstanceId;
    }

    public InstanceType type() {
        return type;
    }

    public String availabilityZone() {
        return availabilityZone;
    }

    public int remainingCpu() {
        return type.cpu() - usedCpu;
    }

    public int remainingMemory() {
        return type.memory() - usedMemory;
    }

    public Cluster cluster() {
        return cluster;
    }

    /** The value of a placement attribute, as memberOf expressions and spread strategies see it. */
    public String attribute(String name) {
        return switch (name) {
            case "ecs.instance-type" -> type.name();
            case "ecs.availability-zone" -> availabilityZone;
            case "ecs.ami-id" -> amiId;
            case "ecs.os-type" -> "linux";
            case "ecs.cpu-architecture" -> "x86_64";
            case "ecs.instance-family" -> type.name().substring(0, type.name().indexOf('.'));
            default -> null;
        };
    }

    boolean usable() {
        return "ACTIVE".equals(status) && agentConnected;
    }

    /** Whether every static host port of the definition is free here. */
    boolean portsFree(TaskDefinition td) {
        if (!td.hasStaticPorts) {
            return true;
        }
        for (PortMapping p : td.portMappings()) {
            if (!p.dynamic() && (p.udp() ? udp.get(p.hostPort()) : tcp.get(p.hostPort()))) {
                return false;
            }
        }
        return true;
    }

    /** Reserves a task's resources and returns the host port chosen for each mapping. */
    int[] reserve(TaskDefinition td) {
        usedCpu += td.cpu();
        usedMemory += td.memory();
        int[] ports = new int[td.portMappings().size()];
        for (int i = 0; i < ports.length; i++) {
            PortMapping p = td.portMappings().get(i);
            BitSet taken = p.udp() ? udp : tcp;
            int port;
            if (p.dynamic()) {
                port = taken.nextClearBit(EPHEMERAL_FIRST);
                if (port > EPHEMERAL_LAST) {
                    port = taken.nextClearBit(EPHEMERAL_FIRST / 2);
                }
            } else {
                port = p.hostPort();
                (p.udp() ? staticUdp : staticTcp).set(port);
            }
            taken.set(port);
            ports[i] = port;
        }
        version++;
        return ports;
    }

    void release(TaskDefinition td, int[] ports) {
        usedCpu -= td.cpu();
        usedMemory -= td.memory();
        for (int i = 0; i < ports.length; i++) {
            PortMapping p = td.portMappings().get(i);
            (p.udp() ? udp : tcp).clear(ports[i]);
            if (!p.dynamic()) {
                (p.udp() ? staticUdp : staticTcp).clear(ports[i]);
            }
        }
        version++;
    }
}
