package io.harbormaster.sandbox.fleet;

import io.harbormaster.sandbox.core.World;
import io.harbormaster.sandbox.ecs.Ecs;
import io.harbormaster.sandbox.ecs.PlacementStrategy;
import io.harbormaster.sandbox.iam.Account;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Extra prod clusters for benchmarks: a 200,000-task cluster, or a 2,000-service cluster. */
final class BenchmarkFleets {

    private BenchmarkFleets() {
    }

    private static final FleetGenerator.Sizing PROD = new FleetGenerator.Sizing("prod", 0.75, Map.of(), 3, Map.of("giant", "enhanced"));

    /** One cluster of 1,000 m5.16xlarge × 200 tasks (100 services × 2,000), plus 14 ordinary clusters. */
    static void large(FleetGenerator g, Ecs ecs, World world) {
        List<ServiceBlueprint> services = new ArrayList<>();
        List<PlacementStrategy> spreadInstances = List.of(new PlacementStrategy("spread", "instanceId"));
        for (int i = 1; i <= 100; i++) {
            String name = String.format("stream-%03d", i);
            services.add(new ServiceBlueprint("giant", name, name, "stream-processor", List.of("2.3.0", "2.4.0"),
                    256, 1024, 8080, 0, 2_000, spreadInstances, List.of(), false, null, List.of("KAFKA_PASSWORD")));
        }
        List<ClusterBlueprint> clusters = new ArrayList<>();
        clusters.add(new ClusterBlueprint("giant", "m5.16xlarge", List.of(), 1_000));
        for (int c = 1; c <= 14; c++) {
            String cluster = String.format("shard-%02d", c);
            clusters.add(new ClusterBlueprint(cluster, "c5.2xlarge", List.of(), 0));
            for (int s = 1; s <= 3; s++) {
                String name = cluster + "-svc-" + s;
                services.add(new ServiceBlueprint(cluster, name, name, "shard-worker", List.of("1.0.0", "1.1.0"), 256,
                        512, 8080, 0, 10 + 5 * s, List.of(DefaultFleet.BINPACK_MEMORY), List.of(), false, null,
                        List.of()));
            }
        }
        g.stamp(Account.PROD, PROD, clusters, services);
    }

    /** One cluster with 2,000 small services. */
    static void manyServices(FleetGenerator g, Ecs ecs, World world) {
        List<ServiceBlueprint> services = new ArrayList<>();
        for (int i = 1; i <= 2_000; i++) {
            String name = String.format("svc-%04d", i);
            services.add(new ServiceBlueprint("services", name, name, "microservice", List.of("1.0." + (i % 7), "1.1." + (i % 5)),
                    128, 256, 8080, 0, 1 + i % 3, List.of(DefaultFleet.BINPACK_MEMORY), List.of(), i % 4 == 0, null,
                    List.of()));
        }
        g.stamp(Account.PROD, PROD, List.of(new ClusterBlueprint("services", "m5.4xlarge", List.of(), 0)), services);
    }
}
