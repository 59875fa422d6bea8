package io.harbormaster.model.deploy;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the operator asked for on the wizard's last page: which service, which revision (existing or the current one
 * changed), how many tasks, and how ECS should roll it out.
 *
 * @param desiredCount the new desired count; empty to keep the service's
 */
public record DeployRequest(ServiceRef target, RevisionSource revision, OptionalInt desiredCount,
                            DeploymentSettings settings) {

    public static final int MAX_DESIRED = io.harbormaster.model.fleet.ScaleServiceCommand.MAX_DESIRED;

    public DeployRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(desiredCount, "desiredCount");
        Objects.requireNonNull(settings, "settings");
        if (desiredCount.isPresent() && (desiredCount.getAsInt() < 0 || desiredCount.getAsInt() > MAX_DESIRED)) {
            throw new IllegalArgumentException("desired count must be 0 to " + MAX_DESIRED + ", was "
                    + desiredCount.getAsInt());
        }
        if (revision instanceof RevisionSource.Changed changed && changed.change().isEmpty()) {
            throw new IllegalArgumentException("nothing to deploy: change an image, the environment, cpu or memory,"
                    + " or pick an existing revision");
        }
    }
}
