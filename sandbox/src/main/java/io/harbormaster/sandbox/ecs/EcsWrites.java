package io.harbormaster.sandbox.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.AwsException;
import io.harbormaster.sandbox.core.Call;
import io.harbormaster.sandbox.core.JsonParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The ECS operations that change the fleet. Validation follows ECS: InvalidParameterException / ClientException. */
final class EcsWrites {

    private static final Set<String> SPREAD_FIELDS = Set.of("instanceId", "host");

    private final Ecs ecs;

    EcsWrites(Ecs ecs) {
        this.ecs = ecs;
    }

    private EcsRegion region(Call call) {
        return ecs.region(call.account(), call.region());
    }

    ObjectNode registerTaskDefinition(Call call, JsonParams p) {
        TaskDefinition td = ecs.registerTaskDefinition(region(call), p.node(), call.world().now(), call.caller().principalArn());
        ObjectNode out = EcsJson.object();
        out.set("taskDefinition", EcsJson.taskDefinition(td));
        out.set("tags", p.node().has("tags") ? p.node().get("tags").deepCopy() : EcsJson.array());
        return out;
    }

    ObjectNode deregisterTaskDefinition(Call call, JsonParams p) {
        String ref = p.requiredString("taskDefinition");
        String bare = ref.startsWith("arn:") ? ref.substring(ref.indexOf('/') + 1) : ref;
        if (!bare.contains(":")) {
            throw EcsLookup.invalid("The specified task definition identifier is invalid. Specify a valid name or ARN "
                    + "and revision (family:revision).");
        }
        TaskDefinition td = EcsLookup.taskDefinition(region(call), ref);
        if (td == null) {
            throw TaskDefinitions.client("The specified task definition does not exist.");
        }
        if ("ACTIVE".equals(td.status())) {
            td.deregister(call.world().now());
        }
        ObjectNode out = EcsJson.object();
        out.set("taskDefinition", EcsJson.taskDefinition(td));
        return out;
    }

    ObjectNode updateService(Call call, JsonParams p) {
        EcsRegion region = region(call);
        String serviceRef = p.requiredString("service");
        Cluster cluster = EcsLookup.cluster(region, p.string("cluster"));
        Service s = EcsLookup.service(region, cluster, serviceRef);
        if (s == null) {
            throw EcsLookup.serviceNotFound();
        }
        if (!"ACTIVE".equals(s.status)) {
            throw new AwsException("ServiceNotActiveException", "Service was not ACTIVE.");
        }
        Integer desired = p.integer("desiredCount");
        if (desired != null && desired < 0) {
            throw EcsLookup.invalid("Desired count must be greater than or equal to 0.");
        }
        TaskDefinition td = null;
        if (p.string("taskDefinition") != null) {
            td = resolveForService(region, p.string("taskDefinition"));
        }
        DeploymentConfig config = deploymentConfig(p.object("deploymentConfiguration"), s.minimumHealthyPercent,
                s.maximumPercent, s.circuitBreaker, s.rollback, s.settings);
        TaskDefinition deploying = td != null ? td : s.taskDefinition;
        List<LoadBalancer> lbs = p.has("loadBalancers") ? loadBalancers(p.objects("loadBalancers"), deploying)
                : s.loadBalancers;
        checkStrategy(call, config.settings(), lbs);
        List<PlacementStrategy> strategy = p.has("placementStrategy") ? strategies(p.objects("placementStrategy")) : null;
        List<PlacementConstraint> constraints = p.has("placementConstraints") ? constraints(p.objects("placementConstraints")) : null;
        Integer grace = p.integer("healthCheckGracePeriodSeconds");
        if (grace != null && (grace < 0 || grace > 2_147_483_647)) {
            throw EcsLookup.invalid("healthCheckGracePeriodSeconds must be greater than or equal to 0.");
        }
        boolean force = Boolean.TRUE.equals(p.bool("forceNewDeployment"));

        // All validated: apply.
        config.applyTo(s);
        boolean newLoadBalancers = !lbs.equals(s.loadBalancers);
        s.loadBalancers = List.copyOf(lbs);
        if (strategy != null) {
            s.placementStrategy = strategy;
        }
        if (constraints != null) {
            s.placementConstraints = constraints;
        }
        if (grace != null) {
            s.healthCheckGracePeriodSeconds = grace;
        }
        if (desired != null && desired != s.desiredCount) {
            s.desiredCount = desired;
            s.steady = false;
        }
        boolean newDefinition = td != null && td != s.taskDefinition;
        if (newDefinition) {
            s.taskDefinition = td;
        }
        if (newDefinition || force || newLoadBalancers) {
            ecs.scheduler().newDeployment(s);
        } else {
            s.primary().desiredCount = s.desiredCount;
            ecs.scheduler().requestReconcile(s);
        }
        ObjectNode out = EcsJson.object();
        out.set("service", EcsJson.service(s));
        return out;
    }

    ObjectNode createService(Call call, JsonParams p) {
        EcsRegion region = region(call);
        String name = p.requiredString("serviceName");
        if (!name.matches("[a-zA-Z0-9_-]{1,255}")) {
            throw EcsLookup.invalid("Service name must match ^[a-zA-Z0-9\\-_]{1,255}$, but was " + name);
        }
        Cluster cluster = EcsLookup.cluster(region, p.string("cluster"));
        String launchType = p.string("launchType");
        if (launchType != null && !"EC2".equals(launchType)) {
            throw EcsLookup.invalid("The sandbox runs the EC2 launch type only; launchType " + launchType + " is not supported.");
        }
        String scheduling = p.string("schedulingStrategy");
        if (scheduling != null && !"REPLICA".equals(scheduling)) {
            throw EcsLookup.invalid("The sandbox supports the REPLICA scheduling strategy only.");
        }
        TaskDefinition td = resolveForService(region, p.requiredString("taskDefinition"));
        Integer desired = p.integer("desiredCount");
        if (desired == null) {
            throw EcsLookup.invalid("Desired count must be specified for services using the REPLICA scheduling strategy.");
        }
        if (desired < 0) {
            throw EcsLookup.invalid("Desired count must be greater than or equal to 0.");
        }
        Service existing = cluster.services.get(name);
        if (existing != null && !"INACTIVE".equals(existing.status)) {
            throw EcsLookup.invalid("Creation of service was not idempotent.");
        }
        DeploymentConfig config = deploymentConfig(p.object("deploymentConfiguration"), 100, 200, false, false,
                DeploymentSettings.DEFAULT);
        List<PlacementStrategy> strategy = p.has("placementStrategy") ? strategies(p.objects("placementStrategy")) : List.of();
        List<PlacementConstraint> constraints = p.has("placementConstraints") ? constraints(p.objects("placementConstraints")) : List.of();
        List<LoadBalancer> lbs = p.has("loadBalancers") ? loadBalancers(p.objects("loadBalancers"), td) : List.of();
        checkStrategy(call, config.settings(), lbs);
        Service s = ecs.createService(cluster, name, td, desired, call.world().now(), call.caller().principalArn());
        config.applyTo(s);
        s.placementStrategy = strategy;
        s.placementConstraints = constraints;
        s.loadBalancers = List.copyOf(lbs);
        Integer grace = p.integer("healthCheckGracePeriodSeconds");
        s.healthCheckGracePeriodSeconds = grace == null ? 0 : grace;
        ecs.firstDeployment(s);
        ecs.scheduler().requestReconcile(s);
        ObjectNode out = EcsJson.object();
        out.set("service", EcsJson.service(s));
        return out;
    }

    ObjectNode deleteService(Call call, JsonParams p) {
        EcsRegion region = region(call);
        String serviceRef = p.requiredString("service");
        Cluster cluster = EcsLookup.cluster(region, p.string("cluster"));
        Service s = EcsLookup.service(region, cluster, serviceRef);
        if (s == null || "INACTIVE".equals(s.status)) {
            throw EcsLookup.serviceNotFound();
        }
        if (s.desiredCount > 0 && !Boolean.TRUE.equals(p.bool("force"))) {
            throw EcsLookup.invalid("The service cannot be stopped while it is scaled above 0.");
        }
        s.status = "DRAINING";
        s.desiredCount = 0;
        ecs.scheduler().requestReconcile(s);
        ObjectNode out = EcsJson.object();
        out.set("service", EcsJson.service(s));
        return out;
    }

    static final int MAX_STOP_REASON = 255;

    /**
     * StopTask: the task's desired status becomes STOPPED with stop code UserInitiated and the caller's reason (AWS's
     * own words when none is given); it drains (DEACTIVATING behind a load balancer), then STOPPING, then STOPPED, and
     * its service's scheduler starts a replacement while the desired count stays.
     */
    ObjectNode stopTask(Call call, JsonParams p) {
        EcsRegion region = region(call);
        String ref = p.requiredString("task");
        String reason = p.string("reason") == null ? "Task stopped by user" : p.string("reason");
        // API reference, StopTask: "Up to 255 characters are allowed in this message."
        if (reason.codePointCount(0, reason.length()) > MAX_STOP_REASON) {
            throw EcsLookup.invalid("reason can be at most " + MAX_STOP_REASON + " characters long.");
        }
        Cluster cluster = EcsLookup.cluster(region, p.string("cluster"));
        String id = EcsLookup.id(region, ref, "task", cluster);
        Task t = id == null ? null : cluster.tasks.get(id);
        if (t == null) {
            throw EcsLookup.invalid("The referenced task was not found.");
        }
        ecs.scheduler().stop(t, reason, "UserInitiated");
        if (t.service != null) {
            ecs.scheduler().requestReconcile(t.service);
        }
        ObjectNode out = EcsJson.object();
        out.set("task", EcsJson.task(t));
        return out;
    }

    private static TaskDefinition resolveForService(EcsRegion region, String ref) {
        TaskDefinition td = EcsLookup.taskDefinition(region, ref);
        if (td == null) {
            throw EcsLookup.invalid("TaskDefinition not found.");
        }
        if (!"ACTIVE".equals(td.status())) {
            throw EcsLookup.invalid("TaskDefinition is inactive");
        }
        return td;
    }

    private record DeploymentConfig(int min, int max, boolean breaker, boolean rollback, DeploymentSettings settings) {
        void applyTo(Service s) {
            s.minimumHealthyPercent = min;
            s.maximumPercent = max;
            s.circuitBreaker = breaker;
            s.rollback = rollback;
            s.settings = settings;
        }
    }

    /** loadBalancers of CreateService/UpdateService, checked against the task definition that will run. */
    private static List<LoadBalancer> loadBalancers(List<JsonParams> items, TaskDefinition td) {
        List<LoadBalancer> lbs = new ArrayList<>();
        for (JsonParams lb : items) {
            String container = lb.string("containerName");
            Integer port = lb.integer("containerPort");
            boolean known = td.portMappings().stream()
                    .anyMatch(m -> m.containerName().equals(container) && port != null && m.containerPort() == port);
            if (!known) {
                throw EcsLookup.invalid("The container " + container + " did not have a container port " + port
                        + " defined.");
            }
            LoadBalancer.Advanced advanced = null;
            JsonParams a = lb.object("advancedConfiguration");
            if (a != null) {
                advanced = new LoadBalancer.Advanced(a.string("alternateTargetGroupArn"),
                        a.string("productionListenerRule"), a.string("testListenerRule"), a.string("roleArn"));
            }
            lbs.add(new LoadBalancer(lb.string("targetGroupArn"), lb.string("loadBalancerName"), container, port,
                    advanced));
        }
        return List.copyOf(lbs);
    }

    /**
     * What a blue/green, linear or canary deployment needs of the load balancers (Developer Guide, "Application Load
     * Balancer resources for blue/green, linear, and canary deployments"): an advancedConfiguration with the
     * alternate target group, the production listener rule and the role ECS uses to call ELB, all existing.
     */
    private void checkStrategy(Call call, DeploymentSettings settings, List<LoadBalancer> lbs) {
        LoadBalancing elb = call.world().optionalComponent(LoadBalancing.class);
        for (LoadBalancer lb : lbs) {
            LoadBalancer.Advanced a = lb.advanced();
            if (a == null) {
                if (settings.blueGreenFamily() && lb.targetGroupArn() != null) {
                    throw EcsLookup.invalid("The " + settings.strategy() + " deployment strategy requires an "
                            + "advancedConfiguration for the load balancer with target group " + lb.targetGroupArn() + ".");
                }
                continue;
            }
            if (a.alternateTargetGroupArn() == null || a.productionListenerRule() == null || a.roleArn() == null) {
                throw EcsLookup.invalid("advancedConfiguration requires alternateTargetGroupArn, "
                        + "productionListenerRule and roleArn.");
            }
            if (lb.targetGroupArn() == null) {
                throw EcsLookup.invalid("advancedConfiguration requires a targetGroupArn.");
            }
            if (a.alternateTargetGroupArn().equals(lb.targetGroupArn())) {
                throw EcsLookup.invalid("The alternate target group must be different from the primary target group.");
            }
            if (elb == null) {
                continue;
            }
            for (String tg : List.of(lb.targetGroupArn(), a.alternateTargetGroupArn())) {
                if (!elb.targetGroupExists(call.account(), call.region(), tg)) {
                    throw EcsLookup.invalid("Unable to find target group " + tg + ".");
                }
            }
            for (String rule : java.util.Arrays.asList(a.productionListenerRule(), a.testListenerRule())) {
                if (rule != null && !elb.ruleExists(call.account(), call.region(), rule)) {
                    throw EcsLookup.invalid("Unable to find listener rule " + rule + ".");
                }
            }
            boolean forwards = elb.forwardWeights(call.account(), call.region(), a.productionListenerRule()).stream()
                    .anyMatch(w -> w.targetGroupArn().equals(lb.targetGroupArn())
                            || w.targetGroupArn().equals(a.alternateTargetGroupArn()));
            if (!forwards) {
                throw EcsLookup.invalid("The production listener rule " + a.productionListenerRule() + " must forward "
                        + "to target group " + lb.targetGroupArn() + " or " + a.alternateTargetGroupArn() + ".");
            }
        }
    }

    private static DeploymentConfig deploymentConfig(JsonParams c, int min, int max, boolean breaker, boolean rollback,
                                                     DeploymentSettings settings) {
        if (c == null) {
            return new DeploymentConfig(min, max, breaker, rollback, settings);
        }
        Integer newMin = c.integer("minimumHealthyPercent");
        Integer newMax = c.integer("maximumPercent");
        int mn = newMin == null ? min : newMin;
        int mx = newMax == null ? max : newMax;
        if (mn < 0 || mn > 100) {
            throw EcsLookup.invalid("minimumHealthyPercent must be between 0 and 100.");
        }
        if (mx < 100 && mn > 0 || mx < 1 || mx <= mn && mx < 100) {
            throw EcsLookup.invalid("maximumPercent must be at least 100 (or greater than minimumHealthyPercent "
                    + "when that is 0).");
        }
        JsonParams cb = c.object("deploymentCircuitBreaker");
        boolean b = breaker;
        boolean r = rollback;
        if (cb != null) {
            if (cb.bool("enable") == null || cb.bool("rollback") == null) {
                throw EcsLookup.invalid("deploymentCircuitBreaker requires both enable and rollback.");
            }
            b = cb.bool("enable");
            r = cb.bool("rollback");
        }
        return new DeploymentConfig(mn, mx, b, r, settings.merge(c));
    }

    static List<PlacementStrategy> strategies(List<JsonParams> items) {
        if (items.size() > 5) {
            throw EcsLookup.invalid("placementStrategy can have at most 5 items.");
        }
        List<PlacementStrategy> out = new ArrayList<>();
        for (JsonParams i : items) {
            String type = i.string("type");
            String field = i.string("field");
            if (type == null) {
                throw EcsLookup.invalid("Placement strategy type cannot be empty.");
            }
            switch (type) {
                case "binpack" -> {
                    if (field == null || !(field.equalsIgnoreCase("cpu") || field.equalsIgnoreCase("memory"))) {
                        throw EcsLookup.invalid("Invalid binpack field: " + field + ". Valid fields are cpu and memory.");
                    }
                }
                case "spread" -> {
                    if (field == null || !(SPREAD_FIELDS.contains(field) || field.startsWith("attribute:"))) {
                        throw EcsLookup.invalid("Invalid spread field: " + field + ".");
                    }
                }
                case "random" -> {
                    if (field != null) {
                        throw EcsLookup.invalid("The random placement strategy does not take a field.");
                    }
                }
                default -> throw EcsLookup.invalid("Invalid placement strategy type: " + type + ".");
            }
            out.add(new PlacementStrategy(type, field));
        }
        return List.copyOf(out);
    }

    static List<PlacementConstraint> constraints(List<JsonParams> items) {
        if (items.size() > 10) {
            throw EcsLookup.invalid("placementConstraints can have at most 10 items.");
        }
        List<PlacementConstraint> out = new ArrayList<>();
        for (JsonParams i : items) {
            String type = i.string("type");
            String expression = i.string("expression");
            if ("distinctInstance".equals(type)) {
                if (expression != null) {
                    throw EcsLookup.invalid("Expression is not supported for distinctInstance placement constraints.");
                }
            } else if ("memberOf".equals(type)) {
                MemberOf.parse(expression);
            } else {
                throw EcsLookup.invalid("Invalid placement constraint type: " + type + ".");
            }
            out.add(new PlacementConstraint(type, expression));
        }
        return List.copyOf(out);
    }
}
