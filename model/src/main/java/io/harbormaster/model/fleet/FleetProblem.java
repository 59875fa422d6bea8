package io.harbormaster.model.fleet;

import io.harbormaster.model.error.Problem;
import java.util.Objects;

/**
 * Something a snapshot is missing, and why: one cluster denied, target health unavailable, a task definition that
 * could not be described. The rest of the snapshot is good.
 *
 * @param clusterArn the cluster affected, or blank when the gap is not one cluster's
 * @param missing    what is absent, in words ("tasks of cluster payments")
 */
public record FleetProblem(String clusterArn, String missing, Problem problem) {

    public FleetProblem {
        clusterArn = clusterArn == null ? "" : clusterArn;
        Objects.requireNonNull(missing, "missing");
        Objects.requireNonNull(problem, "problem");
    }
}
