package io.harbormaster.sandbox.fleet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.JsonService;
import io.harbormaster.sandbox.core.World;
import io.harbormaster.sandbox.ecs.Cluster;
import io.harbormaster.sandbox.ecs.Ecs;
import io.harbormaster.sandbox.ecs.EcsRegion;
import io.harbormaster.sandbox.ecs.InstanceType;
import io.harbormaster.sandbox.ecs.LoadBalancer;
import io.harbormaster.sandbox.ecs.ServiceSpec;
import io.harbormaster.sandbox.ecs.TaskDefinition;
import io.harbormaster.sandbox.iam.Account;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Stamps blueprints into an account: task definition families with their revision history, clusters sized to the
 * services' reservations, and services placed by the real scheduler so the packing is what ECS would produce.
 */
final class FleetGenerator {

    static final String REGION = "us-east-1";
    private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};
    private static final String SECRET_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Ecs ecs;
    private final World world;
    private final SplittableRandom random;

    FleetGenerator(Ecs ecs, World world) {
        this.ecs = ecs;
        this.world = world;
        this.random = world.random();
    }

    /** How an environment differs from prod in sizes. */
    record Sizing(String env, double utilisation, Map<String, String> instanceTypes, int minInstances,
                  Map<String, String> insights) {
        String type(String prodType) {
            return instanceTypes.getOrDefault(prodType, prodType);
        }
    }

    void stamp(Account account, Sizing sizing, List<ClusterBlueprint> clusters, List<ServiceBlueprint> services) {
        EcsRegion region = ecs.region(account.id(), REGION);
        Instant now = world.now();
        String registeredBy = "arn:aws:iam::" + account.id() + ":role/admin";
        Map<String, Map<String, TaskDefinition>> byFamily = registerFamilies(region, sizing.env(), services, now, registeredBy);
        for (ClusterBlueprint cb : clusters) {
            Instant created = now.minus(Duration.ofDays(400 + random.nextInt(300)));
            Cluster cluster = ecs.createCluster(region, cb.name(), created);
            String insights = sizing.insights().get(cb.name());
            if (insights != null) {
                ecs.putClusterSetting(cluster, "containerInsights", insights);
            }
            List<ServiceBlueprint> mine = services.stream().filter(s -> s.cluster().equals(cb.name())).toList();
            InstanceType main = InstanceType.of(sizing.type(cb.instanceType()));
            int n = cb.fixedInstances() > 0 ? cb.fixedInstances() : instancesFor(mine, main, sizing);
            int zone = random.nextInt(ZONES.length);
            for (int i = 0; i < n; i++) {
                ecs.registerInstance(cluster, main, ZONES[zone++ % ZONES.length], now.minus(Duration.ofDays(1 + random.nextInt(200))));
            }
            for (String leftover : cb.leftovers()) {
                ecs.registerInstance(cluster, InstanceType.of(leftover), ZONES[zone++ % ZONES.length],
                        now.minus(Duration.ofDays(300 + random.nextInt(400))));
            }
            for (ServiceBlueprint sb : mine) {
                TaskDefinition td = byFamily.get(sb.family()).get(sb.versions().get(sb.versions().size() - 1));
                int desired = sb.count() < 0 ? countStaticHosts(cluster) - sb.count() : sb.count();
                ecs.createRunningService(cluster, spec(account, sb, td, desired),
                        created.plus(Duration.ofDays(10 + random.nextInt(300))), registeredBy);
            }
        }
    }

    private static int countStaticHosts(Cluster c) {
        return c.instances().size();
    }

    /** Enough instances of the main type to hold the services at the target utilisation. */
    private int instancesFor(List<ServiceBlueprint> services, InstanceType type, Sizing sizing) {
        double cpu = 0;
        double memory = 0;
        for (ServiceBlueprint s : services) {
            if (s.count() > 0 && s.memory() <= type.memory()) {
                cpu += (double) s.cpu() * s.count();
                memory += (double) s.memory() * s.count();
            }
        }
        double need = Math.max(cpu / type.cpu(), memory / type.memory()) / sizing.utilisation();
        return Math.max(sizing.minInstances(), (int) Math.ceil(need));
    }

    private ServiceSpec spec(Account account, ServiceBlueprint sb, TaskDefinition td, int desired) {
        List<LoadBalancer> lbs = new ArrayList<>();
        if (sb.targetGroup()) {
            lbs.add(new LoadBalancer("arn:aws:elasticloadbalancing:" + REGION + ":" + account.id() + ":targetgroup/"
                    + sb.name() + "/" + hex(16), null, sb.image(), sb.containerPort()));
        }
        if (sb.classicElb() != null) {
            lbs.add(new LoadBalancer(null, sb.classicElb(), sb.image(), sb.containerPort()));
        }
        boolean staticPort = sb.hostPort() > 0;
        boolean critical = sb.cluster().equals("api") || sb.cluster().equals("app");
        return new ServiceSpec(sb.name(), td, desired, sb.strategy(), sb.constraints(), lbs,
                staticPort ? 50 : (sb.cluster().equals("integrations") ? 50 : 100), staticPort ? 100 : 200,
                critical, critical);
    }

    /** Registers every family's revisions, oldest first; returns family → image version → revision. */
    private Map<String, Map<String, TaskDefinition>> registerFamilies(EcsRegion region, String env,
                                                                       List<ServiceBlueprint> services, Instant now,
                                                                       String registeredBy) {
        Map<String, ServiceBlueprint> longest = new LinkedHashMap<>();
        for (ServiceBlueprint s : services) {
            ServiceBlueprint seen = longest.get(s.family());
            if (seen == null || s.versions().size() > seen.versions().size()) {
                longest.put(s.family(), s);
            }
        }
        Map<String, Map<String, TaskDefinition>> out = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        for (ServiceBlueprint s : longest.values()) {
            Map<String, TaskDefinition> revisions = new LinkedHashMap<>();
            List<String> versions = s.versions();
            for (int i = 0; i < versions.size(); i++) {
                Instant at = now.minus(Duration.ofDays(9L * (versions.size() - i) + random.nextInt(5)))
                        .minusSeconds(random.nextInt(86_400));
                ObjectNode request = taskDefinitionRequest(env, s, versions.get(i), secrets);
                revisions.put(versions.get(i), ecs.registerTaskDefinition(region, request, at, registeredBy));
            }
            out.put(s.family(), revisions);
        }
        // Services sharing a family (api-blue/api-green) may run versions the longest list also holds.
        for (ServiceBlueprint s : services) {
            String last = s.versions().get(s.versions().size() - 1);
            if (!out.get(s.family()).containsKey(last)) {
                ObjectNode request = taskDefinitionRequest(env, s, last, secrets);
                out.get(s.family()).put(last, ecs.registerTaskDefinition(region, request, now.minus(Duration.ofDays(2)), registeredBy));
            }
        }
        return out;
    }

    private ObjectNode taskDefinitionRequest(String env, ServiceBlueprint s, String version, Map<String, String> secrets) {
        ObjectNode r = JsonService.object();
        r.put("family", s.family());
        r.put("networkMode", "bridge");
        ArrayNode defs = r.putArray("containerDefinitions");
        ObjectNode c = defs.addObject();
        c.put("name", s.image());
        c.put("image", "registry.example.com/" + s.image() + ":" + version);
        c.put("cpu", s.cpu());
        c.put("memory", s.memory());
        c.put("essential", true);
        ArrayNode ports = c.putArray("portMappings");
        if (s.containerPort() > 0) {
            ports.addObject().put("containerPort", s.containerPort()).put("hostPort", Math.max(0, s.hostPort()))
                    .put("protocol", "tcp");
        }
        ArrayNode envs = c.putArray("environment");
        envs.addObject().put("name", "ENV").put("value", env);
        envs.addObject().put("name", "LOG_LEVEL").put("value", env.equals("prod") ? "info" : "debug");
        envs.addObject().put("name", "APP_NAME").put("value", s.family());
        envs.addObject().put("name", "DB_HOST").put("value", s.family() + "-db." + env + ".internal");
        if (s.name().equals("app-web")) {
            envs.addObject().put("name", "FEATURE_FLAGS").put("value",
                    env.equals("prod") ? "dark-mode" : "dark-mode,new-checkout");
        }
        for (String secret : s.secrets()) {
            String value = secrets.computeIfAbsent(env + "/" + s.family() + "/" + secret, k -> secretValue());
            envs.addObject().put("name", secret).put("value", value);
        }
        LogConventions.logConfiguration(c, env, s, REGION);
        // members the console's own registrations never set, as hand-written and Terraform-made ones do
        c.putArray("ulimits").addObject().put("name", "nofile").put("softLimit", 65_536).put("hardLimit", 65_536);
        c.putObject("dockerLabels").put("team", s.cluster()).put("com.example.service", s.family());
        r.putObject("runtimePlatform").put("cpuArchitecture", "X86_64").put("operatingSystemFamily", "LINUX");
        r.putArray("requiresCompatibilities").add("EC2");
        return r;
    }

    private String secretValue() {
        StringBuilder b = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            b.append(SECRET_CHARS.charAt(random.nextInt(SECRET_CHARS.length())));
        }
        return b.toString();
    }

    private String hex(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(Character.forDigit(random.nextInt(16), 16));
        }
        return b.toString();
    }
}
