package io.harbormaster.sandbox.ecs;

/**
 * Hooks for services built on ECS (load balancers register targets, logs open streams, metrics attribute load).
 * Called under the world lock, at the sandbox time of the change.
 */
public interface EcsListener {

    default void taskRunning(Task task) {
    }

    default void taskStopping(Task task) {
    }

    default void taskStopped(Task task) {
    }
}
