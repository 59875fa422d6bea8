package io.harbormaster.sandbox.fleet;

import java.util.List;

/**
 * A cluster of the fleet: its main instance type (sized to the services' reservations at a target utilisation)
 * and the small leftover instances nobody got round to retiring.
 *
 * @param fixedInstances when positive, exactly this many instances of the main type instead of sizing
 */
record ClusterBlueprint(String name, String instanceType, List<String> leftovers, int fixedInstances) {
}
