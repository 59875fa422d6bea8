package io.harbormaster.model.deploy.fit;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What "will it fit" found, before anything starts.
 *
 * @param requested     extra tasks the deployment needs at its peak
 * @param placed        how many of them today's hosts can take
 * @param placements    which hosts would take them, in the order ECS would fill them
 * @param blockedHosts  for the first task that found no host: how many hosts refused it for each reason (a host is
 *                      counted under the first reason in ECS's order); empty when everything fits
 * @param shortCpu      CPU units missing for the tasks that did not fit, beyond what the hosts have free
 * @param shortMemory   MiB missing likewise
 * @param moreHosts     an estimate of how many more hosts of {@code hostType} would take the rest (0 when it all fits;
 *                      -1 when no host of the cluster could take even one task on an empty host)
 * @param hostType      the cluster's most common instance type, for {@code moreHosts}
 * @param notes         what the check could not judge or assumed (unknown memberOf attributes, tasks still loading,
 *                      the default strategy), in an operator's words
 */
public record FitResult(int requested, int placed, List<HostPlacement> placements, Map<Shortfall, Integer> blockedHosts,
                        long shortCpu, long shortMemory, int moreHosts, String hostType, List<String> notes) {

    public FitResult {
        placements = List.copyOf(placements);
        blockedHosts = blockedHosts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(blockedHosts));
        Objects.requireNonNull(hostType, "hostType");
        notes = List.copyOf(notes);
    }

    public boolean fits() {
        return placed >= requested;
    }

    public int unplaced() {
        return requested - placed;
    }

    /** The reason that refused the most hosts, if anything did not fit. */
    public Shortfall mainShortfall() {
        return blockedHosts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** One line for the preview: "all 40 fit on 12 hosts" or "28 of 40 fit; short: ports on 80 hosts, …". */
    public String summary() {
        long hosts = placements.size();
        if (fits()) {
            return requested == 0 ? "No extra tasks are needed at the peak"
                    : "All " + requested + " extra tasks fit on " + hosts + (hosts == 1 ? " host" : " hosts");
        }
        StringBuilder s = new StringBuilder().append(placed).append(" of ").append(requested)
                .append(" extra tasks fit");
        if (!blockedHosts.isEmpty()) {
            s.append("; the rest find no host: ");
            String sep = "";
            for (Shortfall reason : Shortfall.values()) {
                Integer count = blockedHosts.get(reason);
                if (count != null) {
                    s.append(sep).append(reason.text()).append(" on ").append(count)
                            .append(count == 1 ? " host" : " hosts");
                    sep = ", ";
                }
            }
        }
        if (moreHosts > 0) {
            s.append(". About ").append(moreHosts).append(" more ").append(hostType.isEmpty() ? "hosts" : hostType)
                    .append(moreHosts == 1 ? " host" : " hosts").append(" would take them");
        }
        return s.toString();
    }
}
