package io.harbormaster.model.cutover;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A cutover as confirmed by the operator: which route, from which side to which, the starting weights (the roll
 * back target), the steps and the gates. Built by {@link CutoverPlanner}; everything the runner needs to resume
 * after a crash is in here and written to the journal at the start ({@link PlanCodec}).
 *
 * @param cutoverId     stable id (a UUID): the journal's operation id and the lock's owner
 * @param route         the weighted route as found when planned
 * @param fromId        the target traffic leaves
 * @param toId          the target traffic goes to
 * @param startWeights  the weights found when the cutover started; roll back writes these
 * @param steps         in order; the last gives the target side 100 %
 * @param gates         judged after each step's bake
 * @param sides         where each side's metrics live (its environment, load balancer, target groups)
 */
public record CutoverPlan(String cutoverId, WeightedRoute route, String fromId, String toId, Weights startWeights,
                          List<PlanStep> steps, GatePolicy gates, List<CutoverSide> sides) {

    public CutoverPlan {
        if (cutoverId == null || cutoverId.isBlank()) {
            throw new IllegalArgumentException("a cutover needs an id");
        }
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(startWeights, "startWeights");
        Objects.requireNonNull(gates, "gates");
        if (fromId == null || toId == null || fromId.equals(toId)) {
            throw new IllegalArgumentException("a cutover moves traffic between two different targets");
        }
        startWeights.weight(fromId);
        startWeights.weight(toId);
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a cutover needs at least one step");
        }
        sides = List.copyOf(sides);
    }

    public PlanStep step(int index) {
        return steps.get(index - 1);
    }

    public int stepCount() {
        return steps.size();
    }

    public PlanStep last() {
        return steps.get(steps.size() - 1);
    }

    /** The sum of every bake: the earliest the cutover can finish, not counting write confirmations. */
    public Duration totalBake() {
        return steps.stream().map(PlanStep::bake).reduce(Duration.ZERO, Duration::plus);
    }

    public CutoverSide side(String targetId) {
        return sides.stream().filter(s -> s.targetId().equals(targetId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no side '" + targetId + "' in the plan"));
    }
}
