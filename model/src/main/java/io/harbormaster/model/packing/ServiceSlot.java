package io.harbormaster.model.packing;

import java.util.Objects;

/** One more task of a service, as the packing analysis tries to fit it on a host. */
public record ServiceSlot(String serviceArn, String serviceName, TaskShape shape) {

    public ServiceSlot {
        Objects.requireNonNull(serviceArn, "serviceArn");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(shape, "shape");
    }
}
