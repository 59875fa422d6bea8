package io.harbormaster.sandbox.cloudwatch;

import io.harbormaster.sandbox.core.MetricAlarms;
import io.harbormaster.sandbox.core.SandboxModule;
import io.harbormaster.sandbox.ecs.Cluster;
import io.harbormaster.sandbox.ecs.Ecs;
import io.harbormaster.sandbox.ecs.EcsRegion;
import io.harbormaster.sandbox.ecs.Service;
import io.harbormaster.sandbox.iam.Account;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The alarms a team's Terraform gives every service, as the seed describes them: two levels, a warning to let
 * whoever is online know something looks suspicious, well before trouble, and a critical one for the problems that
 * wake someone up. In prod every service of the seed's clusters has a CPU warning and critical alarm and a memory
 * critical one; stage, which mirrors prod, the two CPU alarms; dev none; the benchmark fleets' extra clusters none
 * (a team that never set them up): the console must not count on alarms being there. Named as such modules name
 * them ({@code prod-api-green-cpu-critical}), on the service's {@code AWS/ECS} metrics, no actions.
 */
public final class TeamAlarmsModule implements SandboxModule {

    /** The seed's clusters: the ones the teams' modules cover. */
    static final Set<String> CLUSTERS = Set.of("api", "cdn", "app", "integrations", "warehouses", "internal");

    /** One alarm a service gets: its metric, level, threshold and how many minutes above it. */
    record Level(String metric, String suffix, double threshold, int minutes) {
    }

    static final Level CPU_WARNING = new Level("CPUUtilization", "cpu-warning", 70, 5);
    static final Level CPU_CRITICAL = new Level("CPUUtilization", "cpu-critical", 90, 3);
    static final Level MEMORY_CRITICAL = new Level("MemoryUtilization", "memory-critical", 95, 3);

    static final Map<String, List<Level>> BY_ENVIRONMENT = Map.of(
            Account.PROD.id(), List.of(CPU_WARNING, CPU_CRITICAL, MEMORY_CRITICAL),
            Account.STAGE.id(), List.of(CPU_WARNING, CPU_CRITICAL));

    @Override
    public void install(Installation in) {
        MetricAlarms alarms = in.world().optionalComponent(MetricAlarms.class);
        Ecs ecs = in.world().optionalComponent(Ecs.class);
        if (alarms == null || ecs == null) {
            return;
        }
        in.world().locked(() -> {
            for (EcsRegion region : ecs.regions()) {
                List<Level> levels = BY_ENVIRONMENT.getOrDefault(region.account(), List.of());
                String environment = environment(region.account());
                for (Cluster cluster : region.clusters()) {
                    if (!CLUSTERS.contains(cluster.name())) {
                        continue;
                    }
                    for (Service service : cluster.services()) {
                        for (Level level : levels) {
                            alarms.put(region.account(), region.region(), definition(environment, cluster.name(),
                                    service.name(), level));
                        }
                    }
                }
            }
        });
    }

    static MetricAlarms.Definition definition(String environment, String cluster, String service, Level level) {
        String name = environment + "-" + service + "-" + level.suffix();
        String description = (level.suffix().endsWith("critical") ? "Critical" : "Warning") + ": " + service + "'s "
                + (level.metric().startsWith("CPU") ? "CPU" : "memory") + " above " + Math.round(level.threshold())
                + " % for " + level.minutes() + " minutes (managed by Terraform)";
        return new MetricAlarms.Definition(name, description, "AWS/ECS", level.metric(),
                Map.of("ClusterName", cluster, "ServiceName", service), "Average", 60, level.minutes(),
                level.threshold(), "GreaterThanThreshold", List.of());
    }

    private static String environment(String account) {
        for (Account a : List.of(Account.DEV, Account.STAGE, Account.PROD)) {
            if (a.id().equals(account)) {
                return a.name();
            }
        }
        return account;
    }
}
