package io.harbormaster.model.cost.repack;

import io.harbormaster.model.deploy.fit.MemberOfExpression;
import io.harbormaster.model.packing.TaskShape;
import java.util.List;
import java.util.Objects;

/**
 * A service's tasks to pack again: how many, their shape, and the rules ECS would hold them to.
 *
 * @param memberOf   the service's memberOf expressions; a target host must match every one
 * @param spreadZone whether the service spreads over Availability Zones (it then needs a host in each zone)
 */
public record Demand(String serviceArn, String name, int tasks, TaskShape shape, boolean distinctInstance,
        List<MemberOfExpression> memberOf, boolean spreadZone) {

    public Demand {
        Objects.requireNonNull(serviceArn, "serviceArn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        memberOf = List.copyOf(memberOf);
        if (tasks < 0) {
            throw new IllegalArgumentException("a demand cannot be negative: " + name);
        }
    }

    public static Demand of(String serviceArn, String name, int tasks, TaskShape shape) {
        return new Demand(serviceArn, name, tasks, shape, false, List.of(), false);
    }
}
