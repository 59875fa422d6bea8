package io.harbormaster.model.cutover;

import io.harbormaster.model.environment.EnvironmentSession;
import java.util.List;
import java.util.Optional;

/**
 * Port: a lock on a route that every operator's console sees, held in AWS. Taking it is atomic (Route 53 CREATE of
 * a TXT record fails if it exists); a stale lock is taken over atomically (DELETE of the exact old value + CREATE in
 * one batch, so two consoles taking over at once cannot both win). Blocking.
 *
 * @see io.harbormaster.model.cutover.LockHolder
 */
public interface CutoverLock {

    /** @param session the session of the environment the route lives in (its hosted zone's or its ALB's) */
    LockOutcome acquire(EnvironmentSession session, WeightedRoute route, LockHolder me);

    /** Who holds it now, if anyone. */
    Optional<LockHolder> holder(EnvironmentSession session, WeightedRoute route);

    /**
     * Who holds each of one environment's routes' locks, in the routes' order: what a list of routes shows. A port
     * whose locks share a place reads them together (Route 53: a zone's records in one listing, not a call each).
     */
    default List<Optional<LockHolder>> holders(EnvironmentSession session, List<? extends WeightedRoute> routes) {
        return routes.stream().map(r -> holder(session, r)).toList();
    }

    /**
     * Replaces {@code stale} by {@code me}; fails ({@link LockOutcome.HeldBy}) if the lock is no longer exactly
     * {@code stale}. Asking the operator to type the name first is the UI's job.
     */
    LockOutcome takeOver(EnvironmentSession session, WeightedRoute route, LockHolder stale, LockHolder me);

    /**
     * Removes the lock if it is still held for {@code me}'s cutover (same cutover id, so a console restarted after a
     * crash releases what its previous run took); does nothing if it is another cutover's or gone.
     */
    void release(EnvironmentSession session, WeightedRoute route, LockHolder me);
}
