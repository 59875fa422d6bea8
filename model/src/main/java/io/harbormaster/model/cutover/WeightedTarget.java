package io.harbormaster.model.cutover;

/**
 * One side of a weighted route as found in AWS.
 *
 * @param id       what identifies it within the route: the Route 53 SetIdentifier, or the target group's ARN
 * @param label    what the operator calls it: "blue", or the target group's name
 * @param pointsTo where its traffic goes: the alias DNS name or the record's values (Route 53), the target group
 *                 ARN (ALB)
 * @param weight   its weight now
 */
public record WeightedTarget(String id, String label, String pointsTo, int weight) {

    public WeightedTarget {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a weighted target needs an id");
        }
        label = label == null || label.isBlank() ? id : label;
        pointsTo = pointsTo == null ? "" : pointsTo;
        if (weight < 0 || weight > TrafficKind.ALB.maxWeight()) {
            throw new IllegalArgumentException("weight must be 0 to 999, was " + weight);
        }
    }
}
