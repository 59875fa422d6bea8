package io.harbormaster.model.cutover;

import io.harbormaster.model.error.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the runner publishes after every change, immutable: the live view binds to it.
 *
 * @param plan         the plan being run
 * @param phase        where it stands
 * @param step         the current step (0 before the first write; the rollback is not a step)
 * @param requested    the weights last written or being written
 * @param confirmed    the weights last read back from AWS (null until the first read back)
 * @param nextActionAt when the runner acts next by itself (bake end, next poll); null when paused or finished
 * @param pausedBecause why it is paused (blank otherwise)
 * @param resumeDoes   what {@code resume} would do now ("write step 3", "judge step 2 again"); blank if nothing
 * @param lock         the lock this cutover holds, if any
 * @param blockedBy    who else holds the lock, when that stops this cutover (shown to the operator)
 * @param lastDecision the latest gate decision
 * @param problem      the error that stopped or paused it, if any
 * @param events       everything that happened, oldest first
 * @param history      the split over time, oldest first
 */
public record CutoverState(CutoverPlan plan, CutoverPhase phase, int step, Weights requested, Weights confirmed,
                           Instant nextActionAt, String pausedBecause, String resumeDoes, Optional<LockHolder> lock,
                           Optional<LockHolder> blockedBy,
                           Optional<GateDecision> lastDecision, Optional<Problem> problem, List<CutoverEvent> events,
                           List<SplitPoint> history) {

    public CutoverState {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(requested, "requested");
        pausedBecause = pausedBecause == null ? "" : pausedBecause;
        resumeDoes = resumeDoes == null ? "" : resumeDoes;
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(blockedBy, "blockedBy");
        Objects.requireNonNull(lastDecision, "lastDecision");
        Objects.requireNonNull(problem, "problem");
        events = List.copyOf(events);
        history = List.copyOf(history);
    }

    public String cutoverId() {
        return plan.cutoverId();
    }

    /** The target side's effective share as last confirmed (0–100), or as requested before any confirmation. */
    public double targetPercent() {
        return (confirmed != null ? confirmed : requested).percent(plan.toId());
    }
}
