package io.harbormaster.model.fleet;

/**
 * How far a load has got, for a progress bar: calls made so far and clusters whose every part has answered.
 *
 * @param stage what is being fetched now, in words ("services", "tasks")
 */
public record FleetProgress(String stage, int clustersDone, int clustersTotal, int callsMade) {

    public FleetProgress {
        stage = stage == null ? "" : stage;
        if (clustersDone < 0 || clustersTotal < 0 || callsMade < 0 || clustersDone > clustersTotal) {
            throw new IllegalArgumentException("progress out of range: " + clustersDone + "/" + clustersTotal);
        }
    }

    /** 0–1, for a progress bar. */
    public double fraction() {
        return clustersTotal == 0 ? 0 : (double) clustersDone / clustersTotal;
    }
}
