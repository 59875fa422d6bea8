package io.harbormaster.sandbox.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.JsonService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Renders ECS state in the shapes the ECS API answers with (members named and nested exactly as AWS does). */
final class EcsJson {

    private EcsJson() {
    }

    static ObjectNode object() {
        return JsonService.object();
    }

    static ArrayNode array() {
        return JsonService.MAPPER.createArrayNode();
    }

    /** JSON-protocol timestamps: epoch seconds with milliseconds. */
    static BigDecimal ts(Instant t) {
        return BigDecimal.valueOf(t.toEpochMilli(), 3);
    }

    static void putTs(ObjectNode o, String name, Instant t) {
        if (t != null) {
            o.put(name, ts(t));
        }
    }

    static ObjectNode cluster(Cluster c, boolean statistics, boolean settings) {
        int instances = 0;
        for (ContainerInstance ci : c.instances) {
            if (!"INACTIVE".equals(ci.status)) {
                instances++;
            }
        }
        int running = 0;
        int pending = 0;
        for (Task t : c.tasks.values()) {
            if ("RUNNING".equals(t.lastStatus)) {
                running++;
            } else if ("PENDING".equals(t.lastStatus)) {
                pending++;
            }
        }
        int activeServices = 0;
        int drainingServices = 0;
        for (Service s : c.services.values()) {
            if ("ACTIVE".equals(s.status)) {
                activeServices++;
            } else if ("DRAINING".equals(s.status)) {
                drainingServices++;
            }
        }
        ObjectNode o = object();
        o.put("clusterArn", c.arn()).put("clusterName", c.name).put("status", c.status)
                .put("registeredContainerInstancesCount", instances)
                .put("runningTasksCount", running)
                .put("pendingTasksCount", pending)
                .put("activeServicesCount", activeServices);
        ArrayNode stats = o.putArray("statistics");
        if (statistics) {
            stat(stats, "runningEC2TasksCount", running);
            stat(stats, "runningFargateTasksCount", 0);
            stat(stats, "pendingEC2TasksCount", pending);
            stat(stats, "pendingFargateTasksCount", 0);
            stat(stats, "activeEC2ServiceCount", activeServices);
            stat(stats, "activeFargateServiceCount", 0);
            stat(stats, "drainingEC2ServiceCount", drainingServices);
            stat(stats, "drainingFargateServiceCount", 0);
        }
        o.putArray("tags");
        if (settings) {
            ArrayNode s = o.putArray("settings");
            c.settings.forEach((k, v) -> s.addObject().put("name", k).put("value", v));
        }
        o.putArray("capacityProviders");
        o.putArray("defaultCapacityProviderStrategy");
        return o;
    }

    private static void stat(ArrayNode stats, String name, int value) {
        stats.addObject().put("name", name).put("value", String.valueOf(value));
    }

    static ObjectNode service(Service s) {
        ObjectNode o = object();
        o.put("serviceArn", s.arn()).put("serviceName", s.name).put("clusterArn", s.cluster.arn());
        o.set("loadBalancers", loadBalancers(s.loadBalancers));
        o.putArray("serviceRegistries");
        int running = 0;
        int pending = 0;
        for (Task t : s.tasks.values()) {
            if (!t.live()) {
                continue;
            }
            if ("RUNNING".equals(t.lastStatus)) {
                running++;
            } else {
                pending++;
            }
        }
        o.put("status", s.status).put("desiredCount", s.desiredCount).put("runningCount", running)
                .put("pendingCount", pending).put("launchType", "EC2")
                .put("taskDefinition", s.taskDefinition.arn());
        o.set("deploymentConfiguration", deploymentConfiguration(s.minimumHealthyPercent, s.maximumPercent,
                s.circuitBreaker, s.rollback, s.settings));
        ArrayNode deps = o.putArray("deployments");
        for (Deployment d : s.deployments) {
            int[] counts = s.counts(d);
            ObjectNode j = deps.addObject();
            j.put("id", d.id).put("status", d.status).put("taskDefinition", d.taskDefinition.arn())
                    .put("desiredCount", d.desiredCount).put("pendingCount", counts[1]).put("runningCount", counts[0])
                    .put("failedTasks", d.failedTasks);
            putTs(j, "createdAt", d.createdAt);
            putTs(j, "updatedAt", d.updatedAt);
            j.put("launchType", "EC2").put("rolloutState", d.rolloutState);
            if (d.rolloutStateReason != null) {
                j.put("rolloutStateReason", d.rolloutStateReason);
            }
        }
        o.put("roleArn", "arn:aws:iam::" + s.cluster.region.account
                + ":role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS");
        ArrayNode events = o.putArray("events");
        for (ServiceEvent e : s.events) {
            ObjectNode j = events.addObject().put("id", e.id());
            putTs(j, "createdAt", e.createdAt());
            j.put("message", e.message());
        }
        putTs(o, "createdAt", s.createdAt);
        ServiceDeployment current = s.currentServiceDeployment();
        if (current != null) {
            o.put("currentServiceDeployment", current.arn());
        }
        ArrayNode revisions = o.putArray("currentServiceRevisions");
        for (Deployment d : s.deployments) {
            if (d.revision != null) {
                int[] counts = s.counts(d);
                revisions.addObject().put("arn", d.revision.arn()).put("requestedTaskCount", d.desiredCount)
                        .put("runningTaskCount", counts[0]).put("pendingTaskCount", counts[1]);
            }
        }
        ArrayNode pc = o.putArray("placementConstraints");
        for (PlacementConstraint c : s.placementConstraints) {
            ObjectNode j = pc.addObject().put("type", c.type());
            if (c.expression() != null) {
                j.put("expression", c.expression());
            }
        }
        ArrayNode ps = o.putArray("placementStrategy");
        for (PlacementStrategy p : s.placementStrategy) {
            ObjectNode j = ps.addObject().put("type", p.type());
            if (p.field() != null) {
                j.put("field", p.field());
            }
        }
        o.put("healthCheckGracePeriodSeconds", s.healthCheckGracePeriodSeconds)
                .put("schedulingStrategy", "REPLICA");
        o.putObject("deploymentController").put("type", "ECS");
        o.put("createdBy", s.createdBy).put("enableECSManagedTags", false).put("propagateTags", "NONE")
                .put("enableExecuteCommand", false).put("availabilityZoneRebalancing", "DISABLED");
        return o;
    }

    static ArrayNode loadBalancers(List<LoadBalancer> list) {
        ArrayNode lbs = array();
        for (LoadBalancer lb : list) {
            ObjectNode l = lbs.addObject();
            if (lb.targetGroupArn() != null) {
                l.put("targetGroupArn", lb.targetGroupArn());
            }
            if (lb.loadBalancerName() != null) {
                l.put("loadBalancerName", lb.loadBalancerName());
            }
            l.put("containerName", lb.containerName()).put("containerPort", lb.containerPort());
            LoadBalancer.Advanced a = lb.advanced();
            if (a != null) {
                ObjectNode j = l.putObject("advancedConfiguration");
                if (a.alternateTargetGroupArn() != null) {
                    j.put("alternateTargetGroupArn", a.alternateTargetGroupArn());
                }
                if (a.productionListenerRule() != null) {
                    j.put("productionListenerRule", a.productionListenerRule());
                }
                if (a.testListenerRule() != null) {
                    j.put("testListenerRule", a.testListenerRule());
                }
                if (a.roleArn() != null) {
                    j.put("roleArn", a.roleArn());
                }
            }
        }
        return lbs;
    }

    static ObjectNode deploymentConfiguration(int min, int max, boolean breaker, boolean rollback,
                                              DeploymentSettings settings) {
        ObjectNode dc = object();
        ObjectNode cb = dc.putObject("deploymentCircuitBreaker").put("enable", breaker).put("rollback", rollback);
        settings.renderBreaker(cb);
        dc.put("maximumPercent", max).put("minimumHealthyPercent", min);
        settings.render(dc);
        return dc;
    }

    static ObjectNode containerInstance(ContainerInstance ci) {
        ObjectNode o = object();
        o.put("containerInstanceArn", ci.arn()).put("ec2InstanceId", ci.ec2InstanceId).put("version", ci.version);
        o.putObject("versionInfo").put("agentVersion", "1.89.2").put("agentHash", "0c4e5e4b")
                .put("dockerVersion", "DockerVersion: 25.0.8");
        ArrayNode remaining = o.putArray("remainingResources");
        resources(remaining, ci.remainingCpu(), ci.remainingMemory(), ci);
        ArrayNode registered = o.putArray("registeredResources");
        resources(registered, ci.type.cpu(), ci.type.memory(), null);
        int running = 0;
        int pending = 0;
        for (Task t : ci.tasks.values()) {
            if ("RUNNING".equals(t.lastStatus)) {
                running++;
            } else if ("PENDING".equals(t.lastStatus)) {
                pending++;
            }
        }
        o.put("status", ci.status).put("agentConnected", ci.agentConnected)
                .put("runningTasksCount", running).put("pendingTasksCount", pending);
        ArrayNode attrs = o.putArray("attributes");
        for (String cap : List.of("com.amazonaws.ecs.capability.logging-driver.awslogs",
                "com.amazonaws.ecs.capability.docker-remote-api.1.44", "ecs.capability.task-eni",
                "ecs.capability.container-health-check", "com.amazonaws.ecs.capability.task-iam-role")) {
            attrs.addObject().put("name", cap);
        }
        for (String a : List.of("ecs.ami-id", "ecs.availability-zone", "ecs.instance-type", "ecs.os-type",
                "ecs.cpu-architecture", "ecs.os-family")) {
            String v = "ecs.os-family".equals(a) ? "LINUX" : ci.attribute(a);
            attrs.addObject().put("name", a).put("value", v);
        }
        putTs(o, "registeredAt", ci.registeredAt);
        o.putArray("attachments");
        o.putArray("tags");
        return o;
    }

    /** CPU, MEMORY, PORTS, PORTS_UDP; registered resources list only the agent's reserved ports. */
    private static void resources(ArrayNode out, int cpu, int memory, ContainerInstance remainingOf) {
        out.addObject().put("name", "CPU").put("type", "INTEGER").put("doubleValue", 0.0).put("longValue", 0)
                .put("integerValue", cpu);
        out.addObject().put("name", "MEMORY").put("type", "INTEGER").put("doubleValue", 0.0).put("longValue", 0)
                .put("integerValue", memory);
        ArrayNode tcp = out.addObject().put("name", "PORTS").put("type", "STRINGSET").put("doubleValue", 0.0)
                .put("longValue", 0).put("integerValue", 0).putArray("stringSetValue");
        ArrayNode udp = out.addObject().put("name", "PORTS_UDP").put("type", "STRINGSET").put("doubleValue", 0.0)
                .put("longValue", 0).put("integerValue", 0).putArray("stringSetValue");
        if (remainingOf == null) {
            for (int p : ContainerInstance.RESERVED_PORTS) {
                tcp.add(String.valueOf(p));
            }
        } else {
            // As ECS does, "remaining" PORTS lists the ports in use: reserved plus static host ports of tasks.
            for (int p = remainingOf.staticTcp.nextSetBit(0); p >= 0; p = remainingOf.staticTcp.nextSetBit(p + 1)) {
                tcp.add(String.valueOf(p));
            }
            for (int p = remainingOf.staticUdp.nextSetBit(0); p >= 0; p = remainingOf.staticUdp.nextSetBit(p + 1)) {
                udp.add(String.valueOf(p));
            }
        }
    }

    static ObjectNode task(Task t) {
        ObjectNode o = object();
        o.putArray("attachments");
        o.putArray("attributes").addObject().put("name", "ecs.cpu-architecture").put("value", "x86_64");
        o.put("availabilityZone", t.instance.availabilityZone).put("clusterArn", t.cluster.arn())
                .put("connectivity", "CONNECTED");
        putTs(o, "connectivityAt", t.createdAt);
        o.put("containerInstanceArn", t.instance.arn());
        ArrayNode containers = o.putArray("containers");
        List<PortMapping> mappings = t.taskDefinition.portMappings();
        int ci = 0;
        for (TaskDefinition.Container c : t.taskDefinition.containers()) {
            ObjectNode j = containers.addObject();
            j.put("containerArn", t.cluster.region.arn("container/" + t.cluster.name + "/" + t.id + "/"
                    + Ids.uuidFrom(t.id, ci++)));
            j.put("taskArn", t.arn()).put("name", c.name()).put("image", c.image());
            String status = switch (t.lastStatus) {
                case "DEACTIVATING", "STOPPING" -> "RUNNING";
                default -> t.lastStatus;
            };
            j.put("lastStatus", status);
            if (t.stopped() && t.exitCode != null && c.essential()) {
                j.put("exitCode", t.exitCode).put("reason", "Essential container exited");
            } else if (t.stopped()) {
                j.put("exitCode", 137);
            }
            ArrayNode nb = j.putArray("networkBindings");
            if (!"PENDING".equals(t.lastStatus) && !t.stopped()) {
                for (int i = 0; i < mappings.size(); i++) {
                    PortMapping m = mappings.get(i);
                    if (m.containerName().equals(c.name())) {
                        nb.addObject().put("bindIP", "0.0.0.0").put("containerPort", m.containerPort())
                                .put("hostPort", t.hostPorts[i]).put("protocol", m.protocol());
                    }
                }
            }
            j.putArray("networkInterfaces");
            j.put("healthStatus", t.healthStatus);
            j.put("cpu", String.valueOf(c.cpu()));
            if (c.memory() != null) {
                j.put("memory", String.valueOf(c.memory()));
            }
            if (c.memoryReservation() != null) {
                j.put("memoryReservation", String.valueOf(c.memoryReservation()));
            }
        }
        o.put("cpu", String.valueOf(t.taskDefinition.cpu()));
        putTs(o, "createdAt", t.createdAt);
        o.put("desiredStatus", t.desiredStatus).put("enableExecuteCommand", false).put("group", t.group)
                .put("healthStatus", t.healthStatus).put("lastStatus", t.lastStatus).put("launchType", "EC2")
                .put("memory", String.valueOf(t.taskDefinition.memory()));
        ObjectNode overrides = o.putObject("overrides");
        ArrayNode co = overrides.putArray("containerOverrides");
        for (TaskDefinition.Container c : t.taskDefinition.containers()) {
            co.addObject().put("name", c.name());
        }
        overrides.putArray("inferenceAcceleratorOverrides");
        putTs(o, "pullStartedAt", t.pullStartedAt);
        putTs(o, "pullStoppedAt", t.pullStoppedAt);
        putTs(o, "startedAt", t.startedAt);
        o.put("startedBy", t.startedBy);
        if (t.stopCode != null) {
            o.put("stopCode", t.stopCode);
        }
        putTs(o, "stoppingAt", t.stoppingAt);
        putTs(o, "stoppedAt", t.stoppedAt);
        putTs(o, "executionStoppedAt", t.stoppedAt);
        if (t.stoppedReason != null) {
            o.put("stoppedReason", t.stoppedReason);
        }
        o.putArray("tags");
        o.put("taskArn", t.arn()).put("taskDefinitionArn", t.taskDefinition.arn()).put("version", t.version);
        return o;
    }

    static ObjectNode taskDefinition(TaskDefinition td) {
        ObjectNode o = object();
        o.put("taskDefinitionArn", td.arn());
        o.set("containerDefinitions", td.containerDefinitions().deepCopy());
        o.put("family", td.family());
        for (Map.Entry<String, JsonNode> e : td.registered().properties()) {
            o.set(e.getKey(), e.getValue().deepCopy());
        }
        o.put("revision", td.revision()).put("status", td.status());
        ArrayNode req = o.putArray("requiresAttributes");
        req.addObject().put("name", "com.amazonaws.ecs.capability.docker-remote-api.1.18");
        ArrayNode compat = o.putArray("compatibilities");
        compat.add("EXTERNAL").add("EC2");
        putTs(o, "registeredAt", td.registeredAt());
        putTs(o, "deregisteredAt", td.deregisteredAt());
        o.put("registeredBy", td.registeredBy());
        return o;
    }
}
