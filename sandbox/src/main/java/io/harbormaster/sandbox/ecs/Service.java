package io.harbormaster.sandbox.ecs;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An ECS service: desired count, deployments, placement rules and its event log, plus the per-instance and
 * per-zone counts of its tasks that the scheduler's spread strategies and distinctInstance need.
 */
public final class Service {

    static final int MAX_EVENTS = 100;

    final String name;
    final Cluster cluster;
    final Instant createdAt;
    final String createdBy;
    String status = "ACTIVE";
    int desiredCount;
    TaskDefinition taskDefinition;
    final List<Deployment> deployments = new ArrayList<>();
    final Deque<ServiceEvent> events = new ArrayDeque<>();
    List<LoadBalancer> loadBalancers = List.of();
    List<PlacementStrategy> placementStrategy = List.of();
    List<PlacementConstraint> placementConstraints = List.of();
    int minimumHealthyPercent = 100;
    int maximumPercent = 200;
    boolean circuitBreaker;
    boolean rollback;
    int healthCheckGracePeriodSeconds;
    /** Strategy, bake times, hooks, alarms and the circuit breaker's threshold (deploymentConfiguration). */
    DeploymentSettings settings = DeploymentSettings.DEFAULT;
    /** Service deployments, newest first, kept after they finish (ListServiceDeployments). */
    final List<ServiceDeployment> serviceDeployments = new ArrayList<>();
    /** Every revision a service deployment named, by id. */
    final Map<String, ServiceRevision> revisions = new HashMap<>();
    /** For a load balancer with an alternate target group: which of its two groups serves production now. */
    final Map<String, String> productionTargetGroup = new HashMap<>();
    /** The revision of the last deployment that completed: where a rollback goes. */
    ServiceRevision lastStableRevision;
    /** While a blue/green, linear or canary deployment runs its stages, the old revision keeps all its tasks. */
    boolean holdOld;
    /** Tasks not yet STOPPED, by id. */
    final TreeMap<String, Task> tasks = new TreeMap<>();
    /** Non-stopped tasks per container-instance index (distinctInstance, spread(instanceId)). */
    int[] perInstance = new int[0];
    /** Non-stopped tasks per availability zone (spread(attribute:ecs.availability-zone)). */
    final Map<String, Integer> perZone = new HashMap<>();
    /** The task definition of the last deployment that completed: where a circuit-breaker rollback goes. */
    TaskDefinition lastStableTaskDefinition;
    /** Whether the last "has reached a steady state" still holds. */
    boolean steady;
    /** Where the next placement scan starts: just after the instance this service last placed on. */
    int placementCursor;
    boolean reconcileScheduled;
    boolean retryScheduled;
    String lastPlacementFailure;
    Instant lastPlacementFailureAt;

    Service(String name, Cluster cluster, Instant createdAt, String createdBy) {
        this.name = name;
        this.cluster = cluster;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return cluster.region.arn("service/" + cluster.name + "/" + name);
    }

    public Cluster cluster() {
        return cluster;
    }

    public int desiredCount() {
        return desiredCount;
    }

    public TaskDefinition taskDefinition() {
        return taskDefinition;
    }

    public List<LoadBalancer> loadBalancers() {
        return loadBalancers;
    }

    public List<Deployment> deployments() {
        return List.copyOf(deployments);
    }

    public List<ServiceEvent> events() {
        return List.copyOf(events);
    }

    /** Live (not STOPPED) tasks of the service. */
    public List<Task> tasks() {
        return List.copyOf(tasks.values());
    }

    /** Every target group the service's tasks may register in: the configured ones and their alternates. */
    public List<String> targetGroupArns() {
        List<String> out = new ArrayList<>();
        for (LoadBalancer lb : loadBalancers) {
            if (lb.targetGroupArn() != null) {
                out.add(lb.targetGroupArn());
            }
            if (lb.advanced() != null && lb.advanced().alternateTargetGroupArn() != null) {
                out.add(lb.advanced().alternateTargetGroupArn());
            }
        }
        return out;
    }

    /** The service deployment that is running (or the last one), or null before the first. */
    ServiceDeployment currentServiceDeployment() {
        return serviceDeployments.isEmpty() ? null : serviceDeployments.get(0);
    }

    Deployment primary() {
        return deployments.get(0);
    }

    int onInstance(ContainerInstance ci) {
        return ci.index < perInstance.length ? perInstance[ci.index] : 0;
    }

    void count(Task t, int delta) {
        int i = t.instance.index;
        if (i >= perInstance.length) {
            perInstance = java.util.Arrays.copyOf(perInstance, Math.max(i + 1, perInstance.length * 2));
        }
        perInstance[i] += delta;
        perZone.merge(t.instance.availabilityZone, delta, Integer::sum);
    }

    void event(String id, Instant at, String message) {
        events.addFirst(new ServiceEvent(id, at, message));
        while (events.size() > MAX_EVENTS) {
            events.removeLast();
        }
    }

    /** Counts of one deployment's tasks: [running, pending]. */
    int[] counts(Deployment d) {
        int running = 0;
        int pending = 0;
        for (Task t : tasks.values()) {
            if (t.deployment == d && t.live()) {
                if ("RUNNING".equals(t.lastStatus)) {
                    running++;
                } else {
                    pending++;
                }
            }
        }
        return new int[] {running, pending};
    }
}
