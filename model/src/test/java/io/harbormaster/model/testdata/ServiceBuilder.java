package io.harbormaster.model.testdata;

import io.harbormaster.model.fleet.Deployment;
import io.harbormaster.model.fleet.LoadBalancerTarget;
import io.harbormaster.model.fleet.PlacementConstraint;
import io.harbormaster.model.fleet.PlacementStrategy;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.ServiceEvent;
import java.time.Instant;
import java.util.List;

/**
 * A {@link Service} for a test, saying only what the test is about: {@code aService("web").counts(3, 2, 1).build()}
 * rather than fifteen positional arguments. Defaults: cluster {@code main} in account 111111111111, us-east-1; ACTIVE;
 * one desired and running; EC2; task definition {@code NAME:1}; nothing else. The service's ARN follows its cluster
 * and name unless {@link #arn} sets it.
 */
public final class ServiceBuilder {

    public static final String DEFAULT_CLUSTER = "arn:aws:ecs:us-east-1:111111111111:cluster/main";

    private String arn;
    private String name;
    private String clusterArn = DEFAULT_CLUSTER;
    private String status = "ACTIVE";
    private int desired = 1;
    private int running = 1;
    private int pending;
    private String launchType = "EC2";
    private String taskDefinitionArn;
    private List<Deployment> deployments = List.of();
    private List<ServiceEvent> events = List.of();
    private List<PlacementStrategy> placementStrategy = List.of();
    private List<PlacementConstraint> placementConstraints = List.of();
    private List<LoadBalancerTarget> loadBalancers = List.of();
    private Instant createdAt;

    private ServiceBuilder(String name) {
        this.name = name;
    }

    public static ServiceBuilder aService(String name) {
        return new ServiceBuilder(name);
    }

    /** Everything as the given service has it, to change a field or two. */
    public static ServiceBuilder from(Service s) {
        ServiceBuilder b = new ServiceBuilder(s.name());
        b.arn = s.arn();
        b.clusterArn = s.clusterArn();
        b.status = s.status();
        b.desired = s.desiredCount();
        b.running = s.runningCount();
        b.pending = s.pendingCount();
        b.launchType = s.launchType();
        b.taskDefinitionArn = s.taskDefinitionArn();
        b.deployments = s.deployments();
        b.events = s.events();
        b.placementStrategy = s.placementStrategy();
        b.placementConstraints = s.placementConstraints();
        b.loadBalancers = s.loadBalancers();
        b.createdAt = s.createdAt();
        return b;
    }

    public ServiceBuilder arn(String value) {
        arn = value;
        return this;
    }

    public ServiceBuilder name(String value) {
        name = value;
        return this;
    }

    public ServiceBuilder cluster(String value) {
        clusterArn = value;
        return this;
    }

    public ServiceBuilder status(String value) {
        status = value;
        return this;
    }

    /** Desired, running and pending task counts. */
    public ServiceBuilder counts(int desiredCount, int runningCount, int pendingCount) {
        desired = desiredCount;
        running = runningCount;
        pending = pendingCount;
        return this;
    }

    public ServiceBuilder launchType(String value) {
        launchType = value;
        return this;
    }

    public ServiceBuilder taskDefinition(String value) {
        taskDefinitionArn = value;
        return this;
    }

    public ServiceBuilder deployments(Deployment... values) {
        return deployments(List.of(values));
    }

    public ServiceBuilder deployments(List<Deployment> values) {
        deployments = values;
        return this;
    }

    public ServiceBuilder events(List<ServiceEvent> values) {
        events = values;
        return this;
    }

    public ServiceBuilder placementStrategy(PlacementStrategy... values) {
        return placementStrategy(List.of(values));
    }

    public ServiceBuilder placementStrategy(List<PlacementStrategy> values) {
        placementStrategy = values;
        return this;
    }

    public ServiceBuilder placementConstraints(PlacementConstraint... values) {
        placementConstraints = List.of(values);
        return this;
    }

    public ServiceBuilder loadBalancers(LoadBalancerTarget... values) {
        return loadBalancers(List.of(values));
    }

    public ServiceBuilder loadBalancers(List<LoadBalancerTarget> values) {
        loadBalancers = values;
        return this;
    }

    public ServiceBuilder createdAt(Instant value) {
        createdAt = value;
        return this;
    }

    public Service build() {
        String serviceArn = arn != null ? arn : clusterArn.replace(":cluster/", ":service/") + "/" + name;
        String taskDefinition = taskDefinitionArn != null ? taskDefinitionArn
                : clusterArn.substring(0, clusterArn.indexOf(":cluster/")) + ":task-definition/" + name + ":1";
        return new Service(serviceArn, name, clusterArn, status, desired, running, pending, launchType,
                taskDefinition, deployments, events, placementStrategy, placementConstraints, loadBalancers,
                createdAt);
    }
}
