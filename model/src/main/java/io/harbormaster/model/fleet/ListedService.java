package io.harbormaster.model.fleet;

import java.util.Objects;

/** A service known only from ListServices: its ARN and the cluster that listed it, not yet described. */
public record ListedService(String arn, String clusterArn) {

    public ListedService {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(clusterArn, "clusterArn");
    }

    /** The name, from the ARN (both ECS ARN formats end in it). */
    public String name() {
        return Arns.name(arn);
    }

    public String clusterName() {
        return Arns.clusterName(clusterArn);
    }
}
