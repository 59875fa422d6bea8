package io.harbormaster.views.cost;

import java.util.Map;

/**
 * One service beside its namesakes (same service name) in the other environments costed.
 *
 * @param cluster     the clusters it runs in, across the environments ("api, dev")
 * @param usdPerMonth by environment id; an environment without the service is absent
 */
public record ServiceAcross(String cluster, String service, Map<String, Double> usdPerMonth) {

    public ServiceAcross {
        usdPerMonth = Map.copyOf(usdPerMonth);
    }

    /** The month's cost in one environment; NaN where the service does not run there. */
    public double in(String environmentId) {
        Double v = usdPerMonth.get(environmentId);
        return v == null ? Double.NaN : v;
    }

    public double total() {
        return usdPerMonth.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
