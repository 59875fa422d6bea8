package io.harbormaster.sandbox.ecs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An ECS cluster: its container instances, services and tasks. */
public final class Cluster {

    final String name;
    final EcsRegion region;
    final Instant createdAt;
    String status = "ACTIVE";
    final List<ContainerInstance> instances = new ArrayList<>();
    final Map<String, ContainerInstance> instancesById = new LinkedHashMap<>();
    final TreeMap<String, Service> services = new TreeMap<>();
    /** All tasks, stopped ones until they are purged an hour after stopping, by id. */
    final TreeMap<String, Task> tasks = new TreeMap<>();
    final Map<String, String> settings = new LinkedHashMap<>();

    Cluster(String name, EcsRegion region, Instant createdAt) {
        this.name = name;
        this.region = region;
        this.createdAt = createdAt;
        settings.put("containerInsights", "disabled");
    }

    public String name() {
        return name;
    }

    /** A cluster setting's value (containerInsights: enhanced, enabled or disabled), or null when not set. */
    public String setting(String settingName) {
        return settings.get(settingName);
    }

    public String arn() {
        return region.arn("cluster/" + name);
    }

    public List<ContainerInstance> instances() {
        return List.copyOf(instances);
    }

    public List<Service> services() {
        return List.copyOf(services.values());
    }

    public Service service(String name) {
        return services.get(name);
    }

    public EcsRegion region() {
        return region;
    }
}
