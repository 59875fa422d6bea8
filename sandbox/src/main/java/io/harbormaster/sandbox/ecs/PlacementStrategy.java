package io.harbormaster.sandbox.ecs;

/** binpack(cpu|memory), spread(attribute:… | instanceId | host), random. */
public record PlacementStrategy(String type, String field) {
}
