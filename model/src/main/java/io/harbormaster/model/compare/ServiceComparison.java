package io.harbormaster.model.compare;

import io.harbormaster.model.fleet.ContainerDefinition;
import io.harbormaster.model.fleet.EnvironmentVariable;
import io.harbormaster.model.fleet.PlacementConstraint;
import io.harbormaster.model.fleet.PlacementStrategy;
import io.harbormaster.model.fleet.SecretNames;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.TaskDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A service in two environments, line by line: desired count, task size, each container's image, CPU and memory,
 * its environment variables (masked for display, compared on their real values) and the placement rules.
 * Containers are matched by name; one that exists on one side only shows "—" on the other.
 */
public final class ServiceComparison {

    private ServiceComparison() {
    }

    /**
     * @param leftDefinition  the left service's task definition; null when it could not be described (its container
     *                        lines then show "—" and count as differences)
     */
    public static List<ComparedLine> of(Service left, TaskDefinition leftDefinition, Service right,
            TaskDefinition rightDefinition) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        List<ComparedLine> lines = new ArrayList<>();
        line(lines, "Service", "Desired count", Integer.toString(left.desiredCount()),
                Integer.toString(right.desiredCount()));
        line(lines, "Service", "Launch type", left.launchType(), right.launchType());
        line(lines, "Service", "Task definition family", family(leftDefinition), family(rightDefinition));
        line(lines, "Service", "Task CPU", units(leftDefinition == null ? 0 : leftDefinition.cpu()),
                units(rightDefinition == null ? 0 : rightDefinition.cpu()));
        line(lines, "Service", "Task memory (MiB)", units(leftDefinition == null ? 0 : leftDefinition.memory()),
                units(rightDefinition == null ? 0 : rightDefinition.memory()));

        Map<String, ContainerDefinition> a = containers(leftDefinition);
        Map<String, ContainerDefinition> b = containers(rightDefinition);
        List<String> names = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(n -> !a.containsKey(n)).forEach(names::add);
        for (String name : names) {
            ContainerDefinition l = a.get(name);
            ContainerDefinition r = b.get(name);
            String section = "Container " + name;
            line(lines, section, "Image", l == null ? null : l.image(), r == null ? null : r.image());
            line(lines, section, "CPU", l == null ? null : units(l.cpu()), r == null ? null : units(r.cpu()));
            line(lines, section, "Memory (MiB)", l == null ? null : units(l.memory()),
                    r == null ? null : units(r.memory()));
            line(lines, section, "Memory reservation (MiB)", l == null ? null : units(l.memoryReservation()),
                    r == null ? null : units(r.memoryReservation()));
            Map<String, String> lv = variables(l);
            Map<String, String> rv = variables(r);
            TreeMap<String, Boolean> keys = new TreeMap<>();
            lv.keySet().forEach(k -> keys.put(k, true));
            rv.keySet().forEach(k -> keys.put(k, true));
            for (String key : keys.keySet()) {
                lines.add(variable("Environment of " + name, key, lv.get(key), rv.get(key)));
            }
        }
        line(lines, "Placement", "Strategy", join(left.placementStrategy()), join(right.placementStrategy()));
        line(lines, "Placement", "Constraints", joinConstraints(left.placementConstraints()),
                joinConstraints(right.placementConstraints()));
        return List.copyOf(lines);
    }

    /**
     * One environment variable. Two secret-looking values are compared by their SHA-256 digests, worked out here in
     * memory and kept nowhere: the line holds only the masks and whether they differ.
     */
    private static ComparedLine variable(String section, String key, String x, String y) {
        String left = x == null ? null : SecretNames.displayValue(key, x);
        String right = y == null ? null : SecretNames.displayValue(key, y);
        boolean hidden = SecretNames.MASK.equals(left) && SecretNames.MASK.equals(right);
        boolean differs = hidden ? !MessageDigest.isEqual(digest(x), digest(y)) : !Objects.equals(x, y);
        return new ComparedLine(section, key, left, right, differs, hidden);
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** How many lines differ. */
    public static long differences(List<ComparedLine> lines) {
        return lines.stream().filter(ComparedLine::differs).count();
    }

    private static void line(List<ComparedLine> lines, String section, String label, String left, String right) {
        String l = left == null || left.isEmpty() ? ComparedLine.NONE : left;
        String r = right == null || right.isEmpty() ? ComparedLine.NONE : right;
        lines.add(new ComparedLine(section, label, l, r, !l.equals(r)));
    }

    private static String family(TaskDefinition definition) {
        return definition == null ? null : definition.family();
    }

    private static String units(int value) {
        return value == 0 ? "not set" : Integer.toString(value);
    }

    private static Map<String, ContainerDefinition> containers(TaskDefinition definition) {
        Map<String, ContainerDefinition> byName = new LinkedHashMap<>();
        if (definition != null) {
            definition.containers().forEach(c -> byName.put(c.name(), c));
        }
        return byName;
    }

    private static Map<String, String> variables(ContainerDefinition container) {
        Map<String, String> byName = new LinkedHashMap<>();
        if (container != null) {
            for (EnvironmentVariable v : container.environment()) {
                byName.put(v.name(), v.value());
            }
        }
        return byName;
    }

    private static String join(List<PlacementStrategy> strategies) {
        return strategies.stream().map(PlacementStrategy::toString).collect(Collectors.joining(", "));
    }

    private static String joinConstraints(List<PlacementConstraint> constraints) {
        return constraints.stream().map(PlacementConstraint::toString).collect(Collectors.joining(", "));
    }
}
