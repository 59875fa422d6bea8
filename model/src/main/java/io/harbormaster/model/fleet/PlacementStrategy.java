package io.harbormaster.model.fleet;

import java.util.Objects;

/**
 * How ECS chooses among hosts that fit: {@code spread} over {@code attribute:ecs.availability-zone},
 * {@code binpack} on {@code memory}, or {@code random}.
 *
 * @param field may be blank ({@code random} has none)
 */
public record PlacementStrategy(String type, String field) {

    public PlacementStrategy {
        Objects.requireNonNull(type, "type");
        field = field == null ? "" : field;
    }

    @Override
    public String toString() {
        return field.isEmpty() ? type : type + "(" + field + ")";
    }
}
