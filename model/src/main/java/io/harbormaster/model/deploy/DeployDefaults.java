package io.harbormaster.model.deploy;

import io.harbormaster.model.settings.UiStateStore;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The strategy settings an operator last chose for a service, remembered through the {@link UiStateStore} so the
 * wizard offers them next time. Stored as one line of {@code key=value;…} under
 * {@code deploy.defaults.<env>.<cluster>.<service>}; load balancer ARNs are not stored (the service's own are
 * used), only which strategy, its numbers, the breaker, the alarms and where the operator pauses.
 */
public final class DeployDefaults {

    private static final System.Logger LOG = System.getLogger(DeployDefaults.class.getName());

    private final UiStateStore store;

    public DeployDefaults(UiStateStore store) {
        this.store = store;
    }

    public void remember(String environmentId, ServiceRef service, DeploymentSettings settings) {
        List<String> parts = new ArrayList<>();
        parts.add("strategy=" + settings.strategy());
        parts.add("min=" + settings.minimumHealthyPercent());
        parts.add("max=" + settings.maximumPercent());
        parts.add("bake=" + settings.bakeTimeMinutes());
        if (settings.linear() != null) {
            parts.add("step=" + settings.linear().stepPercent());
            parts.add("stepBake=" + settings.linear().stepBakeMinutes());
        }
        if (settings.canary() != null) {
            parts.add("canary=" + settings.canary().canaryPercent());
            parts.add("canaryBake=" + settings.canary().canaryBakeMinutes());
        }
        parts.add("breaker=" + settings.circuitBreaker().enable() + "," + settings.circuitBreaker().rollback());
        parts.add("alarms=" + settings.alarms().enable() + "," + settings.alarms().rollback() + ","
                + String.join(",", settings.alarms().alarmNames()));
        Set<LifecycleStage> pauses = EnumSet.noneOf(LifecycleStage.class);
        settings.hooks().stream().filter(h -> h.type() == HookTargetType.PAUSE).forEach(h -> pauses.addAll(h.stages()));
        parts.add("pauses=" + String.join(",", pauses.stream().map(Enum::name).toList()));
        store.put(key(environmentId, service), String.join(";", parts));
    }

    /**
     * The remembered settings applied to the service's load balancers; empty when none are remembered or they no
     * longer fit the service (e.g. blue/green remembered but the service lost its alternate target group).
     */
    public Optional<DeploymentSettings> recall(String environmentId, ServiceRef service,
                                               List<LoadBalancerRouting> loadBalancers) {
        Optional<String> line = store.get(key(environmentId, service));
        if (line.isEmpty()) {
            return Optional.empty();
        }
        java.util.Map<String, String> v = new java.util.HashMap<>();
        for (String part : line.get().split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                v.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        try {
            DeployStrategy strategy = DeployStrategy.valueOf(v.get("strategy"));
            String[] breaker = v.getOrDefault("breaker", "true,true").split(",");
            String[] alarms = v.getOrDefault("alarms", "false,false,").split(",", -1);
            List<String> names = new ArrayList<>();
            for (int i = 2; i < alarms.length; i++) {
                if (!alarms[i].isBlank()) {
                    names.add(alarms[i]);
                }
            }
            List<LifecycleHook> hooks = new ArrayList<>();
            for (String stage : v.getOrDefault("pauses", "").split(",")) {
                if (!stage.isBlank()) {
                    hooks.add(LifecycleHook.pause(LifecycleStage.valueOf(stage)));
                }
            }
            return Optional.of(new DeploymentSettings(strategy, Integer.parseInt(v.get("min")),
                    Integer.parseInt(v.get("max")), Integer.parseInt(v.getOrDefault("bake", "0")),
                    strategy == DeployStrategy.LINEAR ? new LinearConfig(Double.parseDouble(v.get("step")),
                            Integer.parseInt(v.get("stepBake"))) : null,
                    strategy == DeployStrategy.CANARY ? new CanaryConfig(Double.parseDouble(v.get("canary")),
                            Integer.parseInt(v.get("canaryBake"))) : null,
                    new CircuitBreaker(Boolean.parseBoolean(breaker[0]), Boolean.parseBoolean(breaker[1])),
                    new DeployAlarms(names, Boolean.parseBoolean(alarms[0]), Boolean.parseBoolean(alarms[1])),
                    hooks, loadBalancers));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "remembered deploy settings for " + service.serviceName()
                    + " no longer apply: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String key(String environmentId, ServiceRef service) {
        return "deploy.defaults." + environmentId + "." + service.clusterName() + "." + service.serviceName()
                .toLowerCase(Locale.ROOT);
    }
}
