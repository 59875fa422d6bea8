package io.harbormaster.model.fleet;

import java.util.Objects;

/**
 * A rule a host must meet: {@code distinctInstance}, or {@code memberOf} with a cluster query language expression.
 *
 * @param expression may be blank ({@code distinctInstance} has none)
 */
public record PlacementConstraint(String type, String expression) {

    public PlacementConstraint {
        Objects.requireNonNull(type, "type");
        expression = expression == null ? "" : expression;
    }

    @Override
    public String toString() {
        return expression.isEmpty() ? type : type + "(" + expression + ")";
    }
}
