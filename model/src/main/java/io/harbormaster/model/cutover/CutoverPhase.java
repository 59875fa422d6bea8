package io.harbormaster.model.cutover;

/**
 * Where a cutover stands. The last three are final. An AWS error never ends a cutover by itself: it pauses it
 * with the {@link CutoverState#problem()} shown, and the operator resumes, rolls back or aborts.
 */
public enum CutoverPhase {
    /** Taking the lock and checking the live weights against the plan's start. */
    STARTING,
    /** Writing a step's weights (again after a busy answer, backing off). */
    WRITING,
    /** Written; reading back until Route 53 says INSYNC / the rule shows the weights. */
    CONFIRMING,
    /** Confirmed; waiting for clients to move (≥ TTL + margin) before judging. */
    BAKING,
    /** Judging the gates (again, while "no data" waits). */
    JUDGING,
    /** Waiting for the operator: a warning, a pause asked for, weights changed behind its back, a restart. */
    PAUSED,
    /** Writing the starting weights back. */
    ROLLING_BACK,
    /** The target side has its final share. */
    SUCCEEDED,
    /** Back at the starting weights. */
    ROLLED_BACK,
    /** Stopped where it was by the operator; the weights stay as they are. */
    ABORTED;

    public boolean finished() {
        return this == SUCCEEDED || this == ROLLED_BACK || this == ABORTED;
    }
}
