package io.harbormaster.sandbox.ecs;

import java.time.Instant;

/** One deployment of a service: the task definition it rolls out and how the rollout is going. */
public final class Deployment {

    public static final String PRIMARY = "PRIMARY";
    public static final String ACTIVE = "ACTIVE";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    final String id;
    String status;
    final TaskDefinition taskDefinition;
    int desiredCount;
    int failedTasks;
    final Instant createdAt;
    Instant updatedAt;
    String rolloutState;
    String rolloutStateReason;
    /** The service revision this rollout runs: its task definition and the target groups its tasks register in. */
    ServiceRevision revision;

    Deployment(String id, TaskDefinition taskDefinition, int desiredCount, Instant createdAt, String rolloutState,
               String rolloutStateReason) {
        this.id = id;
        this.status = PRIMARY;
        this.taskDefinition = taskDefinition;
        this.desiredCount = desiredCount;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.rolloutState = rolloutState;
        this.rolloutStateReason = rolloutStateReason;
    }

    public String id() {
        return id;
    }

    public String status() {
        return status;
    }

    public TaskDefinition taskDefinition() {
        return taskDefinition;
    }

    public String rolloutState() {
        return rolloutState;
    }

    public int failedTasks() {
        return failedTasks;
    }
}
