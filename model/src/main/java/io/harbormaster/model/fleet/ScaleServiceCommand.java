package io.harbormaster.model.fleet;

/**
 * Set a service's desired task count. A count outside 0–{@value #MAX_DESIRED} cannot exist.
 *
 * @param cluster      the cluster's name or ARN
 * @param service      the service's name or ARN
 * @param desiredCount how many tasks the service should run
 */
public record ScaleServiceCommand(String cluster, String service, int desiredCount) {

    /** ECS's own limit on a service's desired count. */
    public static final int MAX_DESIRED = 10_000;

    public ScaleServiceCommand {
        if (cluster == null || cluster.isBlank()) {
            throw new IllegalArgumentException("scaling needs the service's cluster");
        }
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("scaling needs a service");
        }
        if (desiredCount < 0 || desiredCount > MAX_DESIRED) {
            throw new IllegalArgumentException("desired count must be 0 to " + MAX_DESIRED + ", was " + desiredCount);
        }
    }

    /** The service's short name, also for an ARN ("arn:…:service/cluster/web" → "web"). */
    public String serviceName() {
        return Arns.name(service);
    }
}
