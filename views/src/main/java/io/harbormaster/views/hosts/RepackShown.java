package io.harbormaster.views.hosts;

import io.harbormaster.model.cost.repack.RepackPicture;
import io.harbormaster.model.cost.repack.RepackResult;
import io.harbormaster.model.fleet.Arns;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.text.RepackText;

/**
 * A repacking what-if as the Hosts page draws it: the cluster's hosts today and the packed ones, each a
 * {@link HostModel} the canvas paints like the fleet, with what the header says. Made off the UI thread.
 *
 * @param summary  hosts and monthly cost before and after, in words
 * @param blockers what stops a tighter packing, the services named
 */
public record RepackShown(RepackResult result, String cluster, HostModel today, HostModel repacked, String summary,
        String blockers) {

    /** Which packing the canvas shows. */
    public enum Side { TODAY, REPACKED }

    static RepackShown of(FleetSnapshot snapshot, RepackResult result) {
        HostModel today = HostModel.of(FleetData.of(RepackPicture.today(snapshot, result.clusterArn())));
        HostModel repacked = HostModel.of(FleetData.of(RepackPicture.repacked(snapshot, result)));
        String cluster = Arns.name(result.clusterArn());
        return new RepackShown(result, cluster, today, repacked, "What-if for cluster " + cluster
                + ", nothing changes in AWS: " + RepackText.summary(result), RepackText.blockers(result));
    }

    HostModel side(Side side) {
        return side == Side.TODAY ? today : repacked;
    }
}
