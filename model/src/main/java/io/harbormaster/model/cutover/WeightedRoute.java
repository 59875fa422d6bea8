package io.harbormaster.model.cutover;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Something whose traffic can be moved by weights: a Route 53 weighted record (name + type in a hosted zone) or an
 * ALB forward action to several target groups (a listener's default action or a rule).
 */
public sealed interface WeightedRoute permits Route53WeightedRecord, AlbWeightedForward {

    TrafficKind kind();

    /** The environment (registry id) whose session reads and writes it: the hosted zone's or the ALB's account. */
    String environmentId();

    /** A stable key of the route within its environment: "zoneId/name/type", or the rule (or listener) ARN. */
    String resource();

    /** What the operator calls it: "api.example.com. A", or "api-alb :443 rule 10". */
    String displayName();

    /** The weighted targets in AWS's order, with their weights as found. */
    List<WeightedTarget> targets();

    /**
     * How long after the write is confirmed clients may still use the old split: the record's TTL (an alias to a
     * load balancer counts as 60 s, the TTL Route 53 uses for ELB aliases); zero for ALB, where the load balancer
     * applies new weights itself within seconds.
     */
    Duration cacheTtl();

    default Weights weights() {
        return Weights.of(kind(), targets());
    }

    default Optional<WeightedTarget> target(String id) {
        return targets().stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
