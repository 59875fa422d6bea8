package io.harbormaster.model.fleet;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A service present in two snapshots, and what about it moved between them. */
public record ServiceChange(String serviceArn, String serviceName, Set<Aspect> aspects) {

    public enum Aspect {
        /** desired, running or pending count */
        COUNTS,
        /** a deployment appeared, went, or changed status, rollout state or counts */
        DEPLOYMENTS,
        /** the service's task definition */
        TASK_DEFINITION,
        /** a new event at the head of the stream */
        EVENTS,
        /** status, launch type, placement or load balancers */
        CONFIGURATION
    }

    public ServiceChange {
        Objects.requireNonNull(serviceArn, "serviceArn");
        Objects.requireNonNull(serviceName, "serviceName");
        aspects = Set.copyOf(aspects);
    }

    /** What moved from {@code before} to {@code after}; empty when nothing did. */
    public static Set<Aspect> between(Service before, Service after) {
        EnumSet<Aspect> moved = EnumSet.noneOf(Aspect.class);
        if (before.desiredCount() != after.desiredCount() || before.runningCount() != after.runningCount()
                || before.pendingCount() != after.pendingCount()) {
            moved.add(Aspect.COUNTS);
        }
        if (!before.deployments().equals(after.deployments())) {
            moved.add(Aspect.DEPLOYMENTS);
        }
        if (!before.taskDefinitionArn().equals(after.taskDefinitionArn())) {
            moved.add(Aspect.TASK_DEFINITION);
        }
        if (!newestEventId(before).equals(newestEventId(after))) {
            moved.add(Aspect.EVENTS);
        }
        if (!before.status().equals(after.status()) || !before.launchType().equals(after.launchType())
                || !before.placementStrategy().equals(after.placementStrategy())
                || !before.placementConstraints().equals(after.placementConstraints())
                || !before.loadBalancers().equals(after.loadBalancers())) {
            moved.add(Aspect.CONFIGURATION);
        }
        return moved;
    }

    private static String newestEventId(Service s) {
        return s.events().isEmpty() ? "" : s.events().get(0).id();
    }
}
