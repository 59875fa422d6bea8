package io.harbormaster.model.cost;

import java.util.Objects;

/**
 * One line of a cluster's bill: a service's share, the standalone tasks', or the hosts' idle or stranded remainder.
 *
 * @param key        the service ARN for a service; "idle"/"stranded"/the task group otherwise
 * @param name       what the page shows
 * @param tasks      tasks counted on the line (0 for idle and stranded)
 * @param usdPerHour the line's cost an hour
 * @param hostHours  the line's share of hosts, in host-equivalents (Σ of its shares of each host)
 */
public record CostLine(Kind kind, String clusterArn, String key, String name, int tasks, double usdPerHour,
        double hostHours) {

    /** What a line stands for. */
    public enum Kind { SERVICE, STANDALONE, IDLE, STRANDED }

    public CostLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(clusterArn, "clusterArn");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
    }

    public double usdPerMonth() {
        return usdPerHour * CostRules.HOURS_PER_MONTH;
    }

    /**
     * What 1,000 requests cost at this line's hourly cost, given how many requests it serves an hour; NaN when it
     * served none (a cost per request of nothing is not a number).
     */
    public double usdPerThousandRequests(double requestsPerHour) {
        return CostRules.usdPerThousandRequests(usdPerHour, requestsPerHour);
    }
}
