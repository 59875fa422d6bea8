package io.harbormaster.model.fleet;

import java.util.Objects;

/**
 * A container instance: an EC2 host registered in a cluster, with what it offers and what is left.
 *
 * @param ec2InstanceId    blank for external instances
 * @param instanceType     from the {@code ecs.instance-type} attribute; blank when unknown
 * @param availabilityZone from the {@code ecs.availability-zone} attribute; blank when unknown
 * @param status           ACTIVE, DRAINING, INACTIVE, REGISTERING, …
 * @param registeredCpu    CPU units the host offers (1024 a vCPU)
 * @param registeredMemory MiB the host offers
 * @param remainingCpu     CPU units not reserved by tasks
 * @param remainingMemory  MiB not reserved by tasks
 * @param registeredPorts  ports the agent keeps for itself (22, 2375, 51678, …)
 * @param usedPorts        every TCP port taken on the host: the agent's plus those of running tasks (ECS's
 *                         "remaining resources" PORTS, which despite its name lists ports that are in use)
 */
public record Host(
        String arn,
        String clusterArn,
        String ec2InstanceId,
        String instanceType,
        String availabilityZone,
        String status,
        boolean agentConnected,
        int registeredCpu,
        int registeredMemory,
        int remainingCpu,
        int remainingMemory,
        PortSet registeredPorts,
        PortSet usedPorts,
        int runningTasks,
        int pendingTasks) {

    public static final String ACTIVE = "ACTIVE";

    public Host {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(clusterArn, "clusterArn");
        ec2InstanceId = ec2InstanceId == null ? "" : ec2InstanceId;
        instanceType = instanceType == null ? "" : instanceType;
        availabilityZone = availabilityZone == null ? "" : availabilityZone;
        status = status == null ? "" : status;
        registeredPorts = registeredPorts == null ? PortSet.EMPTY : registeredPorts;
        usedPorts = usedPorts == null ? PortSet.EMPTY : usedPorts;
        if (registeredCpu < 0 || registeredMemory < 0 || remainingCpu < 0 || remainingMemory < 0
                || runningTasks < 0 || pendingTasks < 0) {
            throw new IllegalArgumentException("host capacity and counts cannot be negative");
        }
        if (remainingCpu > registeredCpu || remainingMemory > registeredMemory) {
            throw new IllegalArgumentException("a host cannot have more remaining than registered: cpu "
                    + remainingCpu + "/" + registeredCpu + ", memory " + remainingMemory + "/" + registeredMemory);
        }
    }

    public int reservedCpu() {
        return registeredCpu - remainingCpu;
    }

    public int reservedMemory() {
        return registeredMemory - remainingMemory;
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }

    /** What the operator calls it: the EC2 instance id when there is one, else the tail of the ARN. */
    public String displayName() {
        return ec2InstanceId.isEmpty() ? Arns.name(arn) : ec2InstanceId;
    }
}
