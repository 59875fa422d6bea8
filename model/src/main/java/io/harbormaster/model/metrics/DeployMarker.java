package io.harbormaster.model.metrics;

import java.time.Instant;
import java.util.Objects;

/** A moment on a chart's time axis where a deploy did something. */
public record DeployMarker(Instant at, Kind kind, String label) {

    public enum Kind {
        /** A deployment was created (a new task definition, or a forced new deployment). */
        DEPLOYMENT_STARTED,
        /** ECS started tasks ("has started 2 tasks"). */
        TASKS_STARTED,
        /** The service settled after a deploy ("has reached a steady state"). */
        STEADY_STATE,
        /** The rollout failed (circuit breaker) */
        DEPLOYMENT_FAILED
    }

    public DeployMarker {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        label = label == null ? "" : label;
    }
}
