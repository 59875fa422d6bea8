package io.harbormaster.sandbox.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * ECS's state across accounts and regions, and the operations that change it. Registered as a world component so
 * that later services (ELB target registration, metrics, logs) can read the fleet and listen to task changes.
 * Everything here runs under the world lock.
 */
public final class Ecs {

    final World world;
    final ImageFaults faults;
    final Scheduler scheduler;
    final Deployer deployer;
    private final Map<String, EcsRegion> regions = new TreeMap<>();
    final List<EcsListener> listeners = new CopyOnWriteArrayList<>();

    public Ecs(World world, ImageFaults faults) {
        this.world = world;
        this.faults = faults;
        this.scheduler = new Scheduler(this);
        this.deployer = new Deployer(this);
    }

    public ImageFaults faults() {
        return faults;
    }

    public void addListener(EcsListener listener) {
        listeners.add(listener);
    }

    /** The account's view of a region, created empty on first use. */
    public EcsRegion region(String account, String region) {
        return regions.computeIfAbsent(account + "/" + region, k -> new EcsRegion(account, region));
    }

    public List<EcsRegion> regions() {
        return new ArrayList<>(regions.values());
    }

    public Cluster createCluster(EcsRegion region, String name, Instant at) {
        Cluster c = region.clusters.get(name);
        if (c == null) {
            c = new Cluster(name, region, at);
            region.clusters.put(name, c);
        }
        return c;
    }

    /** A cluster setting as PutClusterSettings/UpdateClusterSettings would set it (e.g. containerInsights). */
    public void putClusterSetting(Cluster c, String name, String value) {
        c.settings.put(name, value);
    }

    public ContainerInstance registerInstance(Cluster cluster, InstanceType type, String zone, Instant at) {
        String id = Ids.taskId(world.random());
        ContainerInstance ci = new ContainerInstance(id, cluster.instances.size(), cluster,
                Ids.ec2InstanceId(world.random()), type, zone, "ami-0" + Ids.hex(world.random(), 16), at);
        cluster.instances.add(ci);
        cluster.instancesById.put(id, ci);
        return ci;
    }

    public TaskDefinition registerTaskDefinition(EcsRegion region, ObjectNode request, Instant at, String registeredBy) {
        return TaskDefinitions.register(region, request, at, registeredBy);
    }

    /** Creates a service with its first deployment; the scheduler starts its tasks on its next pass. */
    Service createService(Cluster cluster, String name, TaskDefinition td, int desiredCount, Instant at, String createdBy) {
        Service s = new Service(name, cluster, at, createdBy);
        s.desiredCount = desiredCount;
        s.taskDefinition = td;
        s.lastStableTaskDefinition = td;
        Deployment d = new Deployment(Ids.deploymentId(world.random()), td, desiredCount, at, Deployment.IN_PROGRESS,
                "ECS deployment in progress.");
        s.deployments.add(d);
        cluster.services.put(name, s);
        return s;
    }

    /** Starts the service deployment of a created service's first rollout, once its configuration is applied. */
    void firstDeployment(Service s) {
        deployer.begin(s, s.primary(), List.of());
    }

    /**
     * Creates a service that has been running for a while: its deployment completed, its tasks placed by the
     * scheduler and RUNNING since a (seeded) time between {@code createdAt} and now. Tasks that do not fit are left
     * to the scheduler, which records why on its first pass.
     */
    public Service createRunningService(Cluster cluster, ServiceSpec spec, Instant createdAt, String createdBy) {
        Service s = new Service(spec.name(), cluster, createdAt, createdBy);
        s.desiredCount = spec.desiredCount();
        s.taskDefinition = spec.taskDefinition();
        s.lastStableTaskDefinition = spec.taskDefinition();
        s.placementStrategy = spec.placementStrategy();
        s.placementConstraints = spec.placementConstraints();
        s.loadBalancers = spec.loadBalancers();
        s.minimumHealthyPercent = spec.minimumHealthyPercent();
        s.maximumPercent = spec.maximumPercent();
        s.circuitBreaker = spec.circuitBreaker();
        s.rollback = spec.rollback();
        Instant now = world.now();
        long span = Math.max(60, now.getEpochSecond() - createdAt.getEpochSecond());
        Instant deployedAt = createdAt.plusSeconds((long) (span * (0.3 + 0.6 * world.random().nextDouble())));
        Deployment d = new Deployment(Ids.deploymentId(world.random()), spec.taskDefinition(), spec.desiredCount(),
                deployedAt, Deployment.COMPLETED, null);
        d.rolloutStateReason = "ECS deployment " + d.id + " completed.";
        d.updatedAt = deployedAt.plusSeconds(240);
        s.deployments.add(d);
        cluster.services.put(spec.name(), s);
        deployer.completedAtStart(s, d, deployedAt, d.updatedAt);
        int placed = 0;
        for (int i = 0; i < spec.desiredCount(); i++) {
            Placement.Decision pd = Placement.choose(cluster, spec.taskDefinition(), s, Scheduler.effectiveStrategy(s),
                    s.placementConstraints, world.random());
            if (pd.instance() == null) {
                break;
            }
            long age = (long) ((now.getEpochSecond() - deployedAt.getEpochSecond()) * world.random().nextDouble());
            scheduler.start(s, d, pd.instance(), now.minusSeconds(Math.max(30, age)));
            placed++;
        }
        s.event(Ids.uuid(world.random()), deployedAt.plusSeconds(240), "(service " + s.name + ") (deployment " + d.id
                + ") deployment completed.");
        Instant steadyAt = deployedAt.plusSeconds(245);
        while (steadyAt.isBefore(now) && placed == spec.desiredCount()) {
            s.event(Ids.uuid(world.random()), steadyAt, "(service " + s.name + ") has reached a steady state.");
            steadyAt = steadyAt.plus(java.time.Duration.ofHours(6));
        }
        s.steady = placed == spec.desiredCount();
        scheduler.requestReconcile(s);
        return s;
    }

    /**
     * Sets a service's desired count as Application Auto Scaling does (ECS's UpdateService with only desiredCount):
     * the primary deployment follows and the scheduler starts or stops tasks. False when the service is not ACTIVE.
     */
    public boolean scaleService(Service s, int desired) {
        if (!"ACTIVE".equals(s.status) || desired < 0) {
            return false;
        }
        if (desired != s.desiredCount) {
            s.desiredCount = desired;
            s.steady = false;
            s.primary().desiredCount = desired;
            scheduler.requestReconcile(s);
        }
        return true;
    }

    /** Runs a bulk load such as fleet generation; tasks it starts are indexed once, at its end (see Scheduler). */
    public void bulkLoad(Runnable load) {
        scheduler.bulkLoad(load);
    }

    Scheduler scheduler() {
        return scheduler;
    }
}
