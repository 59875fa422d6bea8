package io.harbormaster.model.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a running full load has told so far, laid over what was shown before it (a saved snapshot, or the fleet
 * in memory when the operator reloads), so that the Services table can show every service long before every
 * service is described. Fed from the loader's worker threads; {@link #view} gives an immutable picture at any
 * moment.
 *
 * <p>How the three sources mix, per service:
 * <ul>
 *   <li>described by this load: the fresh description, always;</li>
 *   <li>otherwise known from before: the earlier values, marked as earlier, until the service is described, or
 *       until its cluster's listing is in without it (or the clusters are found without its cluster): then it
 *       is gone;</li>
 *   <li>otherwise listed by this load: a {@link ListedService}, shown by name while it is being described.</li>
 * </ul>
 */
public final class FleetDraft {

    private static final Comparator<Service> BY_CLUSTER_AND_NAME = Comparator.comparing(Service::clusterName)
            .thenComparing(Service::name).thenComparing(Service::arn);

    private final String environmentId;
    private final String region;
    private FleetSnapshot earlier;
    private List<Cluster> clusters;
    private final Map<String, List<String>> listedByCluster = new LinkedHashMap<>();
    private final Map<String, Set<String>> listedSets = new HashMap<>();
    private final Map<String, Service> described = new HashMap<>();
    private final Map<String, TaskDefinition> definitions = new HashMap<>();
    private long version;

    public FleetDraft(String environmentId, String region) {
        this.environmentId = Objects.requireNonNull(environmentId, "environmentId");
        this.region = Objects.requireNonNull(region, "region");
    }

    /** What was known before this load; its rows show until fresh ones replace them. */
    public synchronized void earlier(FleetSnapshot snapshot) {
        if (!snapshot.environmentId().equals(environmentId) || !snapshot.region().equals(region)) {
            throw new IllegalArgumentException("a snapshot of " + snapshot.environmentId() + " " + snapshot.region()
                    + " cannot stand in for " + environmentId + " " + region);
        }
        earlier = snapshot;
        version++;
    }

    public synchronized boolean hasEarlier() {
        return earlier != null;
    }

    public synchronized void clustersFound(List<Cluster> found) {
        clusters = List.copyOf(found);
        version++;
    }

    public synchronized void listed(String clusterArn, List<String> serviceArns) {
        listedByCluster.put(clusterArn, List.copyOf(serviceArns));
        listedSets.put(clusterArn, Set.copyOf(serviceArns));
        version++;
    }

    public synchronized void described(List<Service> services) {
        services.forEach(s -> described.put(s.arn(), s));
        version++;
    }

    public synchronized void definitions(Map<String, TaskDefinition> byArn) {
        definitions.putAll(byArn);
        version++;
    }

    /** Grows with every change: a caller that has shown version n has nothing new to show until it grows. */
    public synchronized long version() {
        return version;
    }

    /** Whether this load has told anything about services yet (listed or described). */
    public synchronized boolean hasFresh() {
        return !listedByCluster.isEmpty() || !described.isEmpty();
    }

    /** Whether every cluster found has had its services listed (false before the clusters are found). */
    public synchronized boolean allListed() {
        return clusters != null && clusters.stream().allMatch(c -> listedByCluster.containsKey(c.arn()));
    }

    /** Whether this load has described any service yet. */
    public synchronized boolean hasDescribed() {
        return !described.isEmpty();
    }

    /**
     * The picture now: one snapshot of every service that has values (fresh or earlier, by cluster and name) with
     * no hosts or tasks, and the services listed but not described nor known from before.
     *
     * @param now the snapshot's {@code asOf} once this load has told anything; before that the earlier one's
     */
    public synchronized View view(Instant now) {
        Set<String> clusterArns = clusters == null ? null : new HashSet<>(clusters.stream().map(Cluster::arn).toList());
        Map<String, Service> shown = new HashMap<>(described);
        Set<String> fromEarlier = new HashSet<>();
        if (earlier != null) {
            for (Service s : earlier.services()) {
                if (!shown.containsKey(s.arn()) && stillStands(s, clusterArns)) {
                    shown.put(s.arn(), s);
                    fromEarlier.add(s.arn());
                }
            }
        }
        List<ListedService> describing = new ArrayList<>();
        int listed = 0;
        for (var entry : listedByCluster.entrySet()) {
            listed += entry.getValue().size();
            for (String arn : entry.getValue()) {
                if (!shown.containsKey(arn)) {
                    describing.add(new ListedService(arn, entry.getKey()));
                }
            }
        }
        describing.sort(Comparator.comparing(ListedService::clusterName).thenComparing(ListedService::name)
                .thenComparing(ListedService::arn));
        List<Service> services = new ArrayList<>(shown.values());
        services.sort(BY_CLUSTER_AND_NAME);

        List<Cluster> clustersNow = clusters != null ? clusters : earlier != null ? earlier.clusters() : List.of();
        Map<String, TaskDefinition> tds = new HashMap<>(earlier == null ? Map.of() : earlier.taskDefinitions());
        tds.putAll(definitions);
        Map<String, List<TargetHealth>> health = earlier == null ? Map.of() : earlier.targetHealth();
        boolean fresh = !listedByCluster.isEmpty() || !described.isEmpty();
        Instant asOf = !fresh && earlier != null ? earlier.asOf() : now;
        FleetSnapshot snapshot = new FleetSnapshot(environmentId, region, asOf, clustersNow, services, List.of(),
                List.of(), tds, health, List.of(), FleetStats.NONE);
        return new View(snapshot, describing, fromEarlier, listed, described.size(), version);
    }

    private boolean stillStands(Service s, Set<String> clusterArns) {
        if (clusterArns != null && !clusterArns.contains(s.clusterArn())) {
            return false;
        }
        Set<String> listed = listedSets.get(s.clusterArn());
        return listed == null || listed.contains(s.arn());
    }

    /**
     * One moment of a draft.
     *
     * @param snapshot   every service with values, fresh or earlier; no hosts, no tasks
     * @param describing listed, not yet described, and not known from before
     * @param earlier    ARNs of the snapshot's services whose values are from before this load
     * @param listed     services listed so far by this load
     * @param described  services described so far by this load
     * @param version    the draft's version this view was made from
     */
    public record View(FleetSnapshot snapshot, List<ListedService> describing, Set<String> earlier, int listed,
            int described, long version) {

        public View {
            Objects.requireNonNull(snapshot, "snapshot");
            describing = List.copyOf(describing);
            earlier = Set.copyOf(earlier);
        }
    }
}
