package io.harbormaster.views.metrics;

import io.harbormaster.model.fleet.LoadBalancerTarget;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.settings.UiStateStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services whose dashboards were opened lately, per environment, kept in the local UI state: enough of each
 * (its ARN, cluster and target groups with their load balancers) to rebuild its dashboard's queries and read their
 * cached history when no fleet can be loaded — CloudWatch or the network unreachable, or the session not renewable.
 * Blocking (the local store): call it off the UI thread.
 */
final class RecentServices {

    static final String KEY = "metrics.recentServices";
    static final int KEEP = 12;

    private final UiStateStore store;

    RecentServices(UiStateStore store) {
        this.store = store;
    }

    /**
     * One remembered service.
     *
     * @param loadBalancerByTargetGroup what {@link io.harbormaster.model.metrics.ServiceDashboard#of} needs for the
     *                                  load-balancer charts
     */
    record Entry(String environmentId, String environmentName, String region, String serviceArn, String name,
            String clusterArn, Map<String, String> loadBalancerByTargetGroup) {

        Entry {
            loadBalancerByTargetGroup = Map.copyOf(loadBalancerByTargetGroup);
        }

        /** The service as far as the dashboard needs it: name, cluster and target groups; nothing of its state. */
        Service service() {
            List<LoadBalancerTarget> targets = loadBalancerByTargetGroup.keySet().stream().sorted()
                    .map(tg -> new LoadBalancerTarget(tg, "", "", 0)).toList();
            return new Service(serviceArn, name, clusterArn, "UNKNOWN", 0, 0, 0, "", "", List.of(), List.of(),
                    List.of(), List.of(), targets, null);
        }

        private String line() {
            StringBuilder tgs = new StringBuilder();
            loadBalancerByTargetGroup.forEach((tg, lb) -> tgs.append(tgs.length() == 0 ? "" : " ").append(tg)
                    .append('=').append(lb));
            return String.join("\t", environmentId, environmentName, region, serviceArn, name, clusterArn,
                    tgs.toString());
        }

        private static Entry parse(String line) {
            String[] f = line.split("\t", -1);
            if (f.length != 7) {
                return null;
            }
            Map<String, String> lbs = new LinkedHashMap<>();
            for (String pair : f[6].split(" ")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    lbs.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            return new Entry(f[0], f[1], f[2], f[3], f[4], f[5], lbs);
        }
    }

    /** Newest first; an unreadable line is skipped (it was written by another version). */
    List<Entry> all() {
        List<Entry> out = new ArrayList<>();
        for (String line : store.get(KEY).orElse("").split("\n")) {
            Entry e = line.isBlank() ? null : Entry.parse(line);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** Puts the service first (once), keeping the newest {@link #KEEP}. */
    void remember(Entry entry) {
        List<Entry> kept = new ArrayList<>();
        kept.add(entry);
        for (Entry e : all()) {
            if (kept.size() < KEEP && !(e.environmentId().equals(entry.environmentId())
                    && e.serviceArn().equals(entry.serviceArn()))) {
                kept.add(e);
            }
        }
        if (!kept.equals(all())) {
            store.put(KEY, String.join("\n", kept.stream().map(Entry::line).toList()));
        }
    }
}
