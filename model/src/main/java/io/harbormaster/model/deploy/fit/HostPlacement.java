package io.harbormaster.model.deploy.fit;

import java.util.Objects;

/** How many of the extra tasks one host would take. */
public record HostPlacement(String hostArn, String hostName, String instanceType, String availabilityZone,
                            int tasks) {

    public HostPlacement {
        Objects.requireNonNull(hostArn, "hostArn");
        if (tasks <= 0) {
            throw new IllegalArgumentException("a placement takes at least one task");
        }
    }
}
