package io.harbormaster.model.deploy;

import io.harbormaster.model.journal.WriteJournal;
import java.util.Objects;

/**
 * What the Deploys pages need, wired once by the app: the use cases ({@link DeployService}), one-shot looks at a
 * deployment ({@link DeploymentFollower#observe}), the deploys followed in the background ({@link FollowedDeploys}),
 * the operator's remembered settings ({@link DeployDefaults}), revisions in full (for diffs, rollback targets,
 * promote) and the journal (the audit log). All blocking: call through the background executor.
 */
public record DeployDependencies(DeployService service, DeploymentFollower follower, FollowedDeploys followed,
                                 DeployDefaults defaults, DescribeRevision revisions, ServiceDeployments deployments,
                                 WriteJournal journal) {

    public DeployDependencies {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(follower, "follower");
        Objects.requireNonNull(followed, "followed");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(revisions, "revisions");
        Objects.requireNonNull(deployments, "deployments");
        Objects.requireNonNull(journal, "journal");
    }
}
