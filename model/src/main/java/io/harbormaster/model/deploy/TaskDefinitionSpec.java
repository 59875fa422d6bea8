package io.harbormaster.model.deploy;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A task definition in full, as RegisterTaskDefinition accepts it: what a deploy changes (task cpu and memory,
 * containers) typed, every other accepted field (roles, networkMode, volumes, requiresCompatibilities, tags, …) as
 * ECS's JSON text under its API name. Fields DescribeTaskDefinition returns but RegisterTaskDefinition rejects
 * (taskDefinitionArn, revision, status, requiresAttributes, compatibilities, registeredAt/By) are never in
 * {@link #otherFields}; the first three and registeredAt are kept as this record's identity.
 *
 * @param arn          blank for a definition not registered yet
 * @param revision     0 for a definition not registered yet
 * @param registeredAt null for a definition not registered yet (or when ECS did not say)
 * @param cpu          task-level CPU as ECS takes it ("256", "1 vCPU"); blank when unset
 * @param memory       task-level memory as ECS takes it ("512", "1 GB"); blank when unset
 * @param otherFields  ECS RegisterTaskDefinition field name → canonical JSON text, sorted by name
 */
public record TaskDefinitionSpec(String arn, String family, int revision, Instant registeredAt, String cpu,
                                 String memory, List<ContainerSpec> containers, Map<String, String> otherFields) {

    public TaskDefinitionSpec {
        arn = arn == null ? "" : arn;
        if (family == null || family.isBlank()) {
            throw new IllegalArgumentException("a task definition needs a family");
        }
        if (revision < 0) {
            throw new IllegalArgumentException("a revision cannot be negative");
        }
        cpu = cpu == null ? "" : cpu.strip();
        memory = memory == null ? "" : memory.strip();
        containers = List.copyOf(containers);
        if (containers.isEmpty()) {
            throw new IllegalArgumentException("task definition " + family + " has no containers");
        }
        if (containers.stream().map(ContainerSpec::name).distinct().count() != containers.size()) {
            throw new IllegalArgumentException("task definition " + family + " repeats a container name");
        }
        otherFields = checkedFields(otherFields, "family", "cpu", "memory", "containerDefinitions",
                "taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities", "registeredAt",
                "registeredBy", "deregisteredAt");
    }

    /** "api:43" for a registered revision, the family alone otherwise. */
    public String familyRevision() {
        return revision > 0 ? family + ":" + revision : family;
    }

    public Optional<ContainerSpec> container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Container name → image, in definition order. */
    public Map<String, String> imagesByContainer() {
        Map<String, String> images = new LinkedHashMap<>();
        containers.forEach(c -> images.put(c.name(), c.image()));
        return Collections.unmodifiableMap(images);
    }

    /** The containers' images, in definition order. */
    public List<String> images() {
        return containers.stream().map(ContainerSpec::image).toList();
    }

    public Optional<String> field(String apiName) {
        return Optional.ofNullable(otherFields.get(apiName));
    }

    /** The same definition, unregistered (no ARN, revision or time): what a new revision starts from. */
    public TaskDefinitionSpec unregistered(String newCpu, String newMemory, List<ContainerSpec> newContainers) {
        return new TaskDefinitionSpec("", family, 0, null, newCpu, newMemory, newContainers, otherFields);
    }

    /** The same definition as ECS registered it. */
    public TaskDefinitionSpec registered(String newArn, int newRevision, Instant at) {
        return new TaskDefinitionSpec(newArn, family, newRevision, at, cpu, memory, containers, otherFields);
    }

    static Map<String, String> checkedFields(Map<String, String> fields, String... typed) {
        Map<String, String> copy = new TreeMap<>(Objects.requireNonNull(fields, "fields"));
        for (String name : typed) {
            if (copy.containsKey(name)) {
                throw new IllegalArgumentException("field '" + name + "' is not an other field here");
            }
        }
        copy.forEach((k, v) -> {
            if (k.isBlank() || v == null || v.isBlank()) {
                throw new IllegalArgumentException("field '" + k + "' needs a name and JSON text");
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
