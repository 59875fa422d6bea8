package io.harbormaster.sandbox.ecs;

/** distinctInstance, or memberOf with a cluster query language expression. */
public record PlacementConstraint(String type, String expression) {
}
