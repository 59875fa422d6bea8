package io.harbormaster.views.noisemap;

import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.noisemap.FloorPlan;
import io.harbormaster.model.noisemap.IdwField;
import java.util.List;

/**
 * The floor plan, its precomputed IDW weights and the snapshot it was made from. A refresh with the same hosts keeps
 * plan and field (so nothing moves and nothing is recomputed) and only swaps the snapshot.
 *
 * @param hostsOnly whether the snapshot has the hosts of a fleet still loading and none of its tasks: what the hosts
 *                  themselves say (their reservation, their metrics) can be shown, nothing counted from tasks
 */
public record NoiseLayout(FloorPlan plan, IdwField field, FleetSnapshot snapshot, List<String> hostKey,
                          FloorPlan.Rows rows, boolean hostsOnly) {

    /** Samples along a cell's side: odd, so a sample sits exactly on each host and shows its own value. */
    public static final int SAMPLES_PER_CELL = 3;
    /** Sensors each sample hears. */
    public static final int NEAREST = 8;

    static NoiseLayout of(FleetSnapshot snapshot, FloorPlan.Rows rows) {
        return of(snapshot, rows, false);
    }

    static NoiseLayout of(FleetSnapshot snapshot, FloorPlan.Rows rows, boolean hostsOnly) {
        FloorPlan plan = FloorPlan.of(snapshot.hosts(), rows);
        return new NoiseLayout(plan, IdwField.of(plan, SAMPLES_PER_CELL, NEAREST), snapshot, keyOf(snapshot), rows,
                hostsOnly);
    }

    static List<String> keyOf(FleetSnapshot snapshot) {
        return snapshot.hosts().stream().map(h -> h.arn() + "|" + h.availabilityZone() + "|" + h.clusterArn()
                + "|" + h.instanceType()).sorted().toList();
    }

    boolean fits(FleetSnapshot next, FloorPlan.Rows wanted) {
        return wanted == rows && keyOf(next).equals(hostKey);
    }

    NoiseLayout with(FleetSnapshot next) {
        return new NoiseLayout(plan, field, next, hostKey, rows, false);
    }
}
