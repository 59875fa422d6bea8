package io.harbormaster.model.deploy;

/** Where a deploy's task definition comes from: a revision ECS already has, or the current one changed. */
public sealed interface RevisionSource {

    /** Deploy a registered revision as it is (also a rollback to an earlier one). */
    record Existing(String taskDefinition) implements RevisionSource {
        public Existing {
            if (taskDefinition == null || taskDefinition.isBlank()) {
                throw new IllegalArgumentException("name the revision to deploy (ARN or family:revision)");
            }
        }
    }

    /** Register a new revision: the service's current definition with these changes, nothing else. */
    record Changed(TaskDefinitionChange change) implements RevisionSource {
        public Changed {
            java.util.Objects.requireNonNull(change, "change");
        }
    }
}
