package io.harbormaster.model.fleet;

import java.util.OptionalInt;

/**
 * Set a service's desired task count. A count outside 0–{@value #MAX_DESIRED} cannot exist.
 *
 * @param cluster      the cluster's name or ARN
 * @param service      the service's name or ARN
 * @param desiredCount how many tasks the service should run
 * @param fromCount    the desired count the operator scales from (as the console last read it), journalled so a scale
 *                     cut short can be told and read back against it; empty when not known
 */
public record ScaleServiceCommand(String cluster, String service, int desiredCount, OptionalInt fromCount) {

    /** ECS's own limit on a service's desired count. */
    public static final int MAX_DESIRED = 10_000;

    public ScaleServiceCommand {
        if (cluster == null || cluster.isBlank()) {
            throw new IllegalArgumentException("scaling needs the service's cluster");
        }
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("scaling needs a service");
        }
        checkCount(desiredCount);
        fromCount = fromCount == null ? OptionalInt.empty() : fromCount;
        fromCount.ifPresent(ScaleServiceCommand::checkCount);
    }

    /** A scale from a count not known. */
    public ScaleServiceCommand(String cluster, String service, int desiredCount) {
        this(cluster, service, desiredCount, OptionalInt.empty());
    }

    private static void checkCount(int count) {
        if (count < 0 || count > MAX_DESIRED) {
            throw new IllegalArgumentException("desired count must be 0 to " + MAX_DESIRED + ", was " + count);
        }
    }

    /** The service's short name, also for an ARN ("arn:…:service/cluster/web" → "web"). */
    public String serviceName() {
        return Arns.name(service);
    }
}
