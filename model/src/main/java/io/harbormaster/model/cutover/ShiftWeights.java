package io.harbormaster.model.cutover;

import io.harbormaster.model.environment.EnvironmentSession;

/**
 * Port: write a route's weights and read them back. Route 53: one atomic UPSERT batch of every weighted set of the
 * name/type (each set as found, only its Weight changed), then GetChange. ALB: ModifyRule/ModifyListener with the
 * whole forward action (every target group with its weight, stickiness kept), then the rule re-described. Each call
 * is one AWS request (after the SDK's own retries); the runner paces the polling, so it can be driven by a clock.
 */
public interface ShiftWeights {

    /**
     * Asks for the weights. Returns {@link WriteOutcome.Busy} when AWS refused for a reason that passes
     * (PriorRequestNotComplete: a change on the zone is still pending; throttling): nothing changed, try later.
     *
     * @throws io.harbormaster.model.error.OperatorException when AWS rejected it for good (denied, invalid, gone)
     */
    WriteOutcome write(EnvironmentSession session, WeightedRoute route, Weights weights);

    /**
     * Whether the write took: Route 53 — GetChange of {@code changeId} (PENDING, or INSYNC and then the live weights
     * compared with {@code expected}); with a blank change id (lost in a crash) only the live weights are compared.
     * ALB — the action re-described and compared.
     */
    ReadBack readBack(EnvironmentSession session, WeightedRoute route, Weights expected, String changeId);

    /** The weights as they are in AWS now. */
    Weights live(EnvironmentSession session, WeightedRoute route);
}
