package io.harbormaster.model.deploy.fit;

/**
 * How many new tasks a deployment runs beside the old ones at its peak, which is what the hosts must hold.
 */
public final class PeakDemand {

    private PeakDemand() {
    }

    /**
     * A rolling deployment starts new tasks up to {@code maximumPercent} of the desired count while the old ones
     * still run (ECS rounds the ceiling down): at most {@code floor(desired × max ÷ 100) − desired} extra. With
     * {@code maximumPercent} 100 it stops old tasks first and needs no extra room for a revision of the same size.
     */
    public static int rolling(int desiredCount, int maximumPercent) {
        requireNonNegative(desiredCount, maximumPercent);
        return Math.max(0, (int) Math.floor(desiredCount * (maximumPercent / 100.0)) - desiredCount);
    }

    /**
     * Blue/green, linear and canary deployments scale the new (green) revision to the full desired count before
     * traffic moves, so both revisions run at once: a full second set.
     */
    public static int secondSet(int desiredCount) {
        requireNonNegative(desiredCount, 0);
        return desiredCount;
    }

    private static void requireNonNegative(int desiredCount, int maximumPercent) {
        if (desiredCount < 0 || maximumPercent < 0) {
            throw new IllegalArgumentException("desired count and maximum percent cannot be negative");
        }
    }
}
