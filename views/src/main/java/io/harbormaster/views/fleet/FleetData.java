package io.harbormaster.views.fleet;

import io.harbormaster.model.fleet.FleetDraft;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.ListedService;
import io.harbormaster.model.packing.FleetPacking;
import io.harbormaster.model.packing.PackingAnalysis;
import io.harbormaster.model.packing.PackingRules;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One snapshot and what is derived from it, made together off the UI thread and swapped in whole.
 *
 * @param complete   false while only the services are in (hosts and tasks still loading)
 * @param describing services a running load has listed but not yet described, with no earlier values to show;
 *                   empty once the services are in
 * @param earlier    ARNs of the snapshot's services whose values are from before the running load (saved, or the
 *                   fleet shown before a reload), each about to be replaced; empty once the services are in
 */
public record FleetData(FleetSnapshot snapshot, FleetPacking packing, boolean complete,
        List<ListedService> describing, Set<String> earlier) {

    private static final FleetPacking NO_PACKING = new FleetPacking(Map.of(), Map.of());

    public FleetData {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(packing, "packing");
        describing = List.copyOf(describing);
        earlier = Set.copyOf(earlier);
    }

    public FleetData(FleetSnapshot snapshot, FleetPacking packing, boolean complete) {
        this(snapshot, packing, complete, List.of(), Set.of());
    }

    /** A whole snapshot with its packing analysis; takes tens of milliseconds at 200,000 tasks, so not on the UI thread. */
    public static FleetData of(FleetSnapshot snapshot) {
        return new FleetData(snapshot, PackingAnalysis.of(snapshot, PackingRules.DEFAULT), true);
    }

    /** Services only, for showing the Services table before hosts and tasks are in. */
    public static FleetData servicesOnly(FleetSnapshot snapshot) {
        return new FleetData(snapshot, NO_PACKING, false);
    }

    /** A running load's picture so far: no hosts, no packing. */
    public static FleetData loading(FleetDraft.View view) {
        return new FleetData(view.snapshot(), NO_PACKING, false, view.describing(), view.earlier());
    }

    /** Whether every service shown is described by the current load (nothing listed only, nothing earlier). */
    public boolean servicesCurrent() {
        return describing.isEmpty() && earlier.isEmpty();
    }
}
