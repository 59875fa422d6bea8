package io.harbormaster.sandbox.fleet;

import io.harbormaster.sandbox.core.World;
import io.harbormaster.sandbox.ecs.Ecs;
import io.harbormaster.sandbox.iam.Account;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fleets a sandbox can start with.
 * <ul>
 *   <li>{@code default}: prod as the seed describes it; stage mirroring prod on smaller instances with fewer tasks
 *       and a few deliberate differences; a small dev.</li>
 *   <li>{@code large}: default plus, in prod, one cluster of 1,000 instances × 200 tasks and 14 more ordinary
 *       clusters (20 ordinary clusters in all).</li>
 *   <li>{@code services}: default plus, in prod, one cluster with 2,000 services.</li>
 * </ul>
 */
public final class Fleets {

    public static final List<String> NAMES = List.of("default", "large", "services");

    private Fleets() {
    }

    public static void generate(String fleet, Ecs ecs, World world) {
        if (!NAMES.contains(fleet)) {
            throw new IllegalArgumentException("unknown fleet " + fleet + "; fleets are " + NAMES);
        }
        FleetGenerator g = new FleetGenerator(ecs, world);
        List<ServiceBlueprint> prod = DefaultFleet.prodServices();
        // Container Insights as accounts have it: enhanced on one cluster, plain on another, off elsewhere
        g.stamp(Account.PROD, new FleetGenerator.Sizing("prod", 0.8, Map.of(), 3, Map.of("api", "enhanced", "app", "enabled")),
                DefaultFleet.prodClusters(), prod);
        g.stamp(Account.STAGE, STAGE, DefaultFleet.prodClusters(), stage(prod));
        g.stamp(Account.DEV, new FleetGenerator.Sizing("dev", 0.5, Map.of(), 2, Map.of()), DEV_CLUSTERS, dev(prod));
        switch (fleet) {
            case "large" -> BenchmarkFleets.large(g, ecs, world);
            case "services" -> BenchmarkFleets.manyServices(g, ecs, world);
            default -> {
            }
        }
    }

    static final FleetGenerator.Sizing STAGE = new FleetGenerator.Sizing("stage", 0.6, Map.of(
            "c5.4xlarge", "c5.xlarge", "m5.4xlarge", "m5.xlarge", "c5.2xlarge", "c5.large",
            "m5.2xlarge", "m5.large", "r5.2xlarge", "r5.xlarge"), 3, Map.of("api", "enabled"));

    /** Stage mirrors prod: same services, images and settings, about an eighth of the tasks — with deliberate drift. */
    static List<ServiceBlueprint> stage(List<ServiceBlueprint> prod) {
        List<ServiceBlueprint> out = new ArrayList<>();
        for (ServiceBlueprint s : prod) {
            // edge-cache (static port, "hosts + 2" in prod) fits in stage: two tasks on a cluster of at least three hosts.
            ServiceBlueprint st = s.withCount(s.count() < 0 ? 2 : Math.max(1, Math.round(s.count() / 8f)));
            switch (s.name()) {
                case "api-green" -> st = st.withVersions(append(s.versions(), "1.44.0-rc.1"));
                case "app-search" -> st = st.withMemory(3072);
                case "redshift-loader" -> st = st.withMemory(24_576);
                default -> {
                }
            }
            out.add(st);
        }
        return out;
    }

    static final List<ClusterBlueprint> DEV_CLUSTERS = List.of(
            new ClusterBlueprint("dev", "t3.large", List.of(), 0),
            new ClusterBlueprint("dev-batch", "m5.large", List.of(), 0));

    private static final Set<String> DEV_MAIN = Set.of("api-auth", "app-web", "app-worker", "app-notifications",
            "integration-stripe", "integration-slack");
    private static final Set<String> DEV_BATCH = Set.of("warehouse-loader", "bigquery-loader", "app-reports");

    /** Dev: a couple of clusters, one or two tasks a service, versions ahead of prod. */
    static List<ServiceBlueprint> dev(List<ServiceBlueprint> prod) {
        List<ServiceBlueprint> out = new ArrayList<>();
        for (ServiceBlueprint s : prod) {
            if (s.name().equals("api-green")) {
                out.add(s.named("api").inCluster("dev").withCount(2).withVersions(append(s.versions(), "1.44.0-dev.7")));
            } else if (DEV_MAIN.contains(s.name())) {
                out.add(s.inCluster("dev").withCount(s.count() > 100 ? 2 : 1));
            } else if (DEV_BATCH.contains(s.name())) {
                ServiceBlueprint d = s.inCluster("dev-batch").withCount(1);
                out.add(d.memory() > 6144 ? d.withMemory(4096) : d);
            }
        }
        return out;
    }

    static List<String> append(List<String> l, String v) {
        List<String> out = new ArrayList<>(l);
        out.add(v);
        return List.copyOf(out);
    }
}
