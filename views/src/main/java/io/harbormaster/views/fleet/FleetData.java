package io.harbormaster.views.fleet;

import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.packing.FleetPacking;
import io.harbormaster.model.packing.PackingAnalysis;
import io.harbormaster.model.packing.PackingRules;
import java.util.Map;
import java.util.Objects;

/**
 * One snapshot and what is derived from it, made together off the UI thread and swapped in whole.
 *
 * @param complete false while only the services are in (hosts and tasks still loading)
 */
public record FleetData(FleetSnapshot snapshot, FleetPacking packing, boolean complete) {

    public FleetData {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(packing, "packing");
    }

    /** A whole snapshot with its packing analysis; takes tens of milliseconds at 200,000 tasks, so not on the UI thread. */
    public static FleetData of(FleetSnapshot snapshot) {
        return new FleetData(snapshot, PackingAnalysis.of(snapshot, PackingRules.DEFAULT), true);
    }

    /** Services only, for showing the Services table before hosts and tasks are in. */
    public static FleetData servicesOnly(FleetSnapshot snapshot) {
        return new FleetData(snapshot, new FleetPacking(Map.of(), Map.of()), false);
    }
}
