package io.harbormaster.model.deploy;

import io.harbormaster.model.fleet.EnvironmentVariable;
import io.harbormaster.model.fleet.SecretNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Diffs two task definitions as text (task-level fields, then one section per container) and two sets of service
 * settings. Secret-looking environment values and every {@code secrets} entry are rendered masked before diffing;
 * whether they changed is decided on the real values and said in words, so the diff text never holds a secret.
 */
public final class DeployDiffer {

    private DeployDiffer() {
    }

    public static DeployDiff diff(DeployTarget target, TaskDefinitionSpec newRevision, DeployRequest request) {
        List<DiffSection> sections = taskDefinition(target.taskDefinition(), newRevision);
        return new DeployDiff(sections, settings(target, request));
    }

    public static List<DiffSection> taskDefinition(TaskDefinitionSpec before, TaskDefinitionSpec after) {
        List<DiffSection> sections = new ArrayList<>();
        sections.add(new DiffSection("task", UnifiedDiff.lines(taskLines(before), taskLines(after))));
        Set<String> names = new LinkedHashSet<>();
        after.containers().forEach(c -> names.add(c.name()));
        before.containers().forEach(c -> names.add(c.name()));
        for (String name : names) {
            ContainerSpec old = before.container(name).orElse(null);
            ContainerSpec now = after.container(name).orElse(null);
            sections.add(new DiffSection("container " + name,
                    UnifiedDiff.lines(containerLines(old, null), containerLines(now, old))));
        }
        return sections;
    }

    /** The service settings a request changes, before → after. */
    public static List<SettingChange> settings(DeployTarget target, DeployRequest request) {
        List<SettingChange> changes = new ArrayList<>();
        DeploymentSettings was = target.settings();
        DeploymentSettings will = request.settings();
        int desired = request.desiredCount().orElse(target.desiredCount());
        add(changes, "desired count", target.desiredCount(), desired);
        add(changes, "strategy", was.strategy(), will.strategy());
        add(changes, "minimum healthy percent", was.minimumHealthyPercent(), will.minimumHealthyPercent());
        add(changes, "maximum percent", was.maximumPercent(), will.maximumPercent());
        add(changes, "bake time (minutes)", was.bakeTimeMinutes(), will.bakeTimeMinutes());
        add(changes, "linear steps", linear(was.linear()), linear(will.linear()));
        add(changes, "canary", canary(was.canary()), canary(will.canary()));
        add(changes, "circuit breaker", breaker(was.circuitBreaker()), breaker(will.circuitBreaker()));
        add(changes, "alarms", alarms(was.alarms()), alarms(will.alarms()));
        add(changes, "lifecycle hooks", hooks(was.hooks()), hooks(will.hooks()));
        add(changes, "load balancers", routing(was.loadBalancers()), routing(will.loadBalancers()));
        return changes;
    }

    private static List<String> taskLines(TaskDefinitionSpec spec) {
        Map<String, String> fields = new TreeMap<>(spec.otherFields());
        fields.put("family", spec.family());
        if (!spec.cpu().isEmpty()) {
            fields.put("cpu", spec.cpu());
        }
        if (!spec.memory().isEmpty()) {
            fields.put("memory", spec.memory());
        }
        List<String> lines = new ArrayList<>();
        fields.forEach((k, v) -> lines.add(k + ": " + v));
        return lines;
    }

    /**
     * The container's lines, secret values masked; a masked value is marked "(changed)" when it differs from
     * {@code before}'s, so the unified diff shows it as removed and added without holding either value.
     */
    private static List<String> containerLines(ContainerSpec spec, ContainerSpec before) {
        if (spec == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("image: " + spec.image());
        spec.otherFields().forEach((k, v) -> lines.add(k + ": " + v));
        for (EnvironmentVariable v : spec.environment()) {
            if (v.secretLooking() && !v.value().isEmpty()) {
                String otherValue = before == null ? null : before.environment().stream()
                        .filter(o -> o.name().equals(v.name())).map(EnvironmentVariable::value).findFirst()
                        .orElse(null);
                boolean changed = otherValue != null && !otherValue.equals(v.value());
                lines.add("env " + v.name() + "=" + SecretNames.MASK + (changed ? " (changed)" : ""));
            } else {
                lines.add("env " + v.name() + "=" + v.value());
            }
        }
        for (SecretRef s : spec.secrets()) {
            String otherFrom = before == null ? null : before.secrets().stream().filter(o -> o.name().equals(s.name()))
                    .map(SecretRef::valueFrom).findFirst().orElse(null);
            boolean changed = otherFrom != null && !otherFrom.equals(s.valueFrom());
            lines.add("secret " + s.name() + "=" + SecretNames.MASK + (changed ? " (changed)" : ""));
        }
        return lines;
    }

    private static void add(List<SettingChange> changes, String setting, Object before, Object after) {
        String b = String.valueOf(before);
        String a = String.valueOf(after);
        if (!Objects.equals(b, a)) {
            changes.add(new SettingChange(setting, b, a));
        }
    }

    private static String linear(LinearConfig c) {
        return c == null ? "—" : fmt(c.stepPercent()) + " % every " + c.stepBakeMinutes() + " min";
    }

    private static String canary(CanaryConfig c) {
        return c == null ? "—" : fmt(c.canaryPercent()) + " % for " + c.canaryBakeMinutes() + " min";
    }

    private static String breaker(CircuitBreaker c) {
        return !c.enable() ? "off" : c.rollback() ? "on, rolls back" : "on, no rollback";
    }

    private static String alarms(DeployAlarms a) {
        return !a.enable() ? "off" : String.join(", ", a.alarmNames()) + (a.rollback() ? " (rolls back)" : "");
    }

    private static String hooks(List<LifecycleHook> hooks) {
        if (hooks.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (LifecycleHook h : hooks) {
            parts.add((h.type() == HookTargetType.PAUSE ? "pause" : "lambda " + h.targetArn()) + " at "
                    + new java.util.TreeSet<>(h.stages()));
        }
        return String.join("; ", parts);
    }

    private static String routing(List<LoadBalancerRouting> lbs) {
        List<String> parts = new ArrayList<>();
        for (LoadBalancerRouting lb : lbs) {
            parts.add(lb.containerName() + ":" + lb.containerPort()
                    + (lb.hasAdvanced() ? " alternate " + targetGroupName(lb.alternateTargetGroupArn()) : ""));
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** "web-green" from "…:targetgroup/web-green/0123abcd". */
    static String targetGroupName(String arn) {
        int at = arn.indexOf("targetgroup/");
        if (at < 0) {
            return io.harbormaster.model.fleet.Arns.name(arn);
        }
        String tail = arn.substring(at + "targetgroup/".length());
        int slash = tail.indexOf('/');
        return slash < 0 ? tail : tail.substring(0, slash);
    }

    static String fmt(double percent) {
        return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent);
    }
}
