package io.harbormaster.model.deploy;

import java.util.Objects;

/**
 * A container's {@code secrets} entry: an environment variable filled by ECS from Secrets Manager or SSM.
 * {@link #toString()} never shows where it comes from: the diff only says changed or unchanged.
 *
 * @param valueFrom the secret's ARN (or SSM parameter name)
 */
public record SecretRef(String name, String valueFrom) {

    public SecretRef {
        Objects.requireNonNull(name, "name");
        valueFrom = valueFrom == null ? "" : valueFrom;
    }

    @Override
    public String toString() {
        return name + "=" + io.harbormaster.model.fleet.SecretNames.MASK;
    }
}
