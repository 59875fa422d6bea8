package io.harbormaster.sandbox.ecs;

import java.time.Instant;

/** A task: one placement of a task definition on a container instance, and its life from PENDING to STOPPED. */
public final class Task {

    final String id;
    final Cluster cluster;
    final ContainerInstance instance;
    final TaskDefinition taskDefinition;
    /** The service that started the task, or null for a standalone task. */
    final Service service;
    final Deployment deployment;
    final String group;
    final String startedBy;
    final int[] hostPorts;
    final Instant createdAt;
    String lastStatus = "PENDING";
    String desiredStatus = "RUNNING";
    String healthStatus = "UNKNOWN";
    Instant pullStartedAt;
    Instant pullStoppedAt;
    Instant startedAt;
    Instant stoppingAt;
    Instant stoppedAt;
    String stoppedReason;
    String stopCode;
    Integer exitCode;
    long version = 1;

    Task(String id, Cluster cluster, ContainerInstance instance, TaskDefinition taskDefinition, Service service,
         Deployment deployment, String group, String startedBy, int[] hostPorts, Instant createdAt) {
        this.id = id;
        this.cluster = cluster;
        this.instance = instance;
        this.taskDefinition = taskDefinition;
        this.service = service;
        this.deployment = deployment;
        this.group = group;
        this.startedBy = startedBy;
        this.hostPorts = hostPorts;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String arn() {
        return cluster.region.arn("task/" + cluster.name + "/" + id);
    }

    public ContainerInstance instance() {
        return instance;
    }

    public TaskDefinition taskDefinition() {
        return taskDefinition;
    }

    public Service service() {
        return service;
    }

    /**
     * The load balancers this task registers with: its service's, in the target group its revision resolved (a
     * blue/green deployment's green tasks go to the alternate target group).
     */
    public java.util.List<LoadBalancer> loadBalancers() {
        if (deployment != null && deployment.revision != null) {
            return deployment.revision.resolved;
        }
        return service == null ? java.util.List.of() : service.loadBalancers;
    }

    public String lastStatus() {
        return lastStatus;
    }

    public String desiredStatus() {
        return desiredStatus;
    }

    public String healthStatus() {
        return healthStatus;
    }

    /** When ECS began stopping the task (desired STOPPED), or null while it is meant to run. */
    public Instant stoppingAt() {
        return stoppingAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** The host port bound for the i-th port mapping of the task definition. */
    public int hostPort(int mapping) {
        return hostPorts[mapping];
    }

    boolean stopped() {
        return "STOPPED".equals(lastStatus);
    }

    /** Still wanted: not asked to stop. */
    boolean live() {
        return "RUNNING".equals(desiredStatus);
    }

    /** RUNNING, wanted, and not failing its health checks: what counts towards minimumHealthyPercent. */
    boolean healthy() {
        return live() && "RUNNING".equals(lastStatus) && !"UNHEALTHY".equals(healthStatus)
                && ("HEALTHY".equals(healthStatus) || !needsHealthCheck());
    }

    boolean needsHealthCheck() {
        return service != null;
    }
}
