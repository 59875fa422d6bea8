package io.harbormaster.model.deploy;

/**
 * The deployment circuit breaker: fail (and optionally roll back) after {@link #threshold} tasks failed to start or
 * to get healthy.
 */
public record CircuitBreaker(boolean enable, boolean rollback) {

    public static final CircuitBreaker OFF = new CircuitBreaker(false, false);
    public static final CircuitBreaker ROLL_BACK = new CircuitBreaker(true, true);

    public CircuitBreaker {
        if (rollback && !enable) {
            throw new IllegalArgumentException("the circuit breaker can only roll back when it is enabled");
        }
    }

    /**
     * Failed tasks that trip it, as AWS documents it today: half the desired count rounded up, at least 3, at most
     * 200 (older documentation said at least 10).
     */
    public static int threshold(int desiredCount) {
        int half = (int) Math.ceil(0.5 * Math.max(0, desiredCount));
        return Math.max(3, Math.min(200, half));
    }
}
