package io.harbormaster.model.fleet;

import java.util.Comparator;
import java.util.Objects;

/**
 * How much a service needs the operator, and why, for putting problems first.
 *
 * <p>Levels, most urgent first: a task ECS cannot place (the newest placement event is "unable to place", with no
 * steady state since; such tasks never become pending, so this comes before pending); a failed deployment; tasks
 * pending; fewer running than desired; a rollout in progress; steady.
 */
public record ServiceAttention(Level level, String reason) {

    public enum Level { UNPLACEABLE, DEPLOYMENT_FAILED, PENDING_TASKS, BELOW_DESIRED, DEPLOYING, STEADY }

    public ServiceAttention {
        Objects.requireNonNull(level, "level");
        reason = reason == null ? "" : reason;
    }

    /** Problems first, then by cluster and name, so the order is stable between refreshes. */
    public static final Comparator<Service> PROBLEMS_FIRST = Comparator
            .<Service, Level>comparing(s -> of(s).level())
            .thenComparing(Service::clusterName)
            .thenComparing(Service::name)
            .thenComparing(Service::arn);

    public boolean needsAttention() {
        return level != Level.STEADY && level != Level.DEPLOYING;
    }

    public static ServiceAttention of(Service service) {
        for (ServiceEvent event : service.events()) {
            if (event.steadyState()) {
                break;
            }
            if (event.unableToPlace()) {
                return new ServiceAttention(Level.UNPLACEABLE, event.message());
            }
        }
        for (Deployment d : service.deployments()) {
            if (d.failed()) {
                String why = d.rolloutStateReason().isEmpty() ? "Deployment " + d.id() + " failed"
                        : d.rolloutStateReason();
                return new ServiceAttention(Level.DEPLOYMENT_FAILED, why);
            }
        }
        if (service.pendingCount() > 0) {
            return new ServiceAttention(Level.PENDING_TASKS, service.pendingCount() + " task"
                    + (service.pendingCount() == 1 ? "" : "s") + " pending");
        }
        if (service.runningCount() < service.desiredCount()) {
            return new ServiceAttention(Level.BELOW_DESIRED, service.runningCount() + " of "
                    + service.desiredCount() + " running");
        }
        if (service.deploymentsInProgress() > 0) {
            return new ServiceAttention(Level.DEPLOYING, "Deployment in progress");
        }
        return new ServiceAttention(Level.STEADY, "");
    }
}
