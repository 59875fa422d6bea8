package io.harbormaster.app.journey;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.views.hosts.HostsViewModel;
import java.util.Comparator;
import java.util.List;

/** Where the large fleet's tests look while its tasks load; shared by the journey and the benchmark. */
public final class LargeFleetHosts {

    private LargeFleetHosts() {
    }

    /** A host in the middle of the cluster with the most hosts, as drawn so far. UI thread. */
    public static String middleHostOfTheLargestCluster(HostsViewModel hosts) {
        FleetSnapshot snapshot = hosts.modelProperty().get().snapshot();
        Cluster largest = snapshot.clusters().stream()
                .max(Comparator.comparingInt(c -> snapshot.hostsIn(c.arn()).size())).orElseThrow();
        List<Host> inIt = snapshot.hostsIn(largest.arn());
        return inIt.get(inIt.size() / 2).arn();
    }
}
