package io.harbormaster.views.cutovers;

import io.harbormaster.model.cutover.LockHolder;
import io.harbormaster.model.cutover.WeightedRoute;
import io.harbormaster.model.cutover.WeightedTarget;
import io.harbormaster.views.cutovers.wizard.RouteText;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One line of the Cutovers list: a weighted route of one environment, its effective split now, and who holds its
 * lock (a cutover in progress, from this console or another).
 *
 * @param environmentName what the operator calls the environment the route lives in
 * @param route           the route as found
 * @param lock            the lock's holder, if any
 */
public record RouteRow(String environmentName, WeightedRoute route, Optional<LockHolder> lock) {

    public String kind() {
        return switch (route.kind()) {
            case ROUTE53 -> "Route 53";
            case ALB -> "ALB";
        };
    }

    /** "blue 100 (100 %) · green 0 (0 %)": every target's weight and the share it gives (all zero = equal). */
    public String split() {
        return route.targets().stream().map(t -> t.label() + " " + t.weight() + " (" + RouteText.percent(
                route.weights().percent(t.id())) + ")").collect(Collectors.joining(" · "));
    }

    /** "alice on laptop since …" or blank. */
    public String inProgress() {
        return lock.map(h -> "Cutover by " + h.who() + (h.machine().isBlank() ? "" : " on " + h.machine())
                + " since " + h.since()).orElse("");
    }

    public String ttl() {
        return route.cacheTtl().isZero() ? "—" : route.cacheTtl().toSeconds() + " s";
    }

    /** Label of a target by id, for the wizard's pickers. */
    public static String label(WeightedRoute route, String id) {
        return route.target(id).map(WeightedTarget::label).orElse(id);
    }
}
