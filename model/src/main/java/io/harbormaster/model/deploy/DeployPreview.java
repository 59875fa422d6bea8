package io.harbormaster.model.deploy;

import java.util.Objects;

/**
 * What the wizard's preview page shows before anything is sent: the service as it is, the revision that would be
 * deployed (not registered yet when {@link #registersNewRevision}), the diff and the timeline. The fit check is
 * computed beside it from the fleet's packing model.
 */
public record DeployPreview(DeployTarget target, DeployRequest request, TaskDefinitionSpec newRevision,
                            boolean registersNewRevision, DeployDiff diff, DeployTimeline timeline) {

    public DeployPreview {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(newRevision, "newRevision");
        Objects.requireNonNull(diff, "diff");
        Objects.requireNonNull(timeline, "timeline");
    }

    /** The desired count after the deploy. */
    public int desiredCount() {
        return request.desiredCount().orElse(target.desiredCount());
    }
}
