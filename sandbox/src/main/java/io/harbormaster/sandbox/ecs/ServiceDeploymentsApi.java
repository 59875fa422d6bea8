package io.harbormaster.sandbox.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.AwsException;
import io.harbormaster.sandbox.core.Call;
import io.harbormaster.sandbox.core.JsonParams;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * ListServiceDeployments, DescribeServiceDeployments, DescribeServiceRevisions, StopServiceDeployment and
 * ContinueServiceDeployment, in the shapes of the ECS API Reference (SDK 2.59.1's model).
 */
final class ServiceDeploymentsApi {

    private static final Set<String> STATUSES = Set.of("PENDING", "SUCCESSFUL", "STOPPED", "STOP_REQUESTED",
            "IN_PROGRESS", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED");

    private final Ecs ecs;

    ServiceDeploymentsApi(Ecs ecs) {
        this.ecs = ecs;
    }

    private EcsRegion region(Call call) {
        return ecs.region(call.account(), call.region());
    }

    static AwsException deploymentNotFound() {
        return new AwsException("ServiceDeploymentNotFoundException", "The service deployment does not exist.");
    }

    ObjectNode list(Call call, JsonParams p) {
        EcsRegion region = region(call);
        Cluster cluster = EcsLookup.cluster(region, p.string("cluster"));
        Service s = EcsLookup.service(region, cluster, p.requiredString("service"));
        if (s == null) {
            throw EcsLookup.serviceNotFound();
        }
        int max = Pages.maxResults(p.integer("maxResults"), 20, 100);
        List<String> statuses = p.strings("status");
        if (statuses != null) {
            for (String st : statuses) {
                if (!STATUSES.contains(st)) {
                    throw EcsLookup.invalid("1 validation error detected: Value '" + st + "' at 'status' failed to "
                            + "satisfy constraint: Member must satisfy enum value set: " + STATUSES);
                }
            }
        }
        JsonParams created = p.object("createdAt");
        Instant before = created == null ? null : timestamp(created.node().get("before"), "createdAt.before");
        Instant after = created == null ? null : timestamp(created.node().get("after"), "createdAt.after");
        NavigableMap<String, ServiceDeployment> newestFirst = new TreeMap<>();
        for (ServiceDeployment sd : s.serviceDeployments) {
            newestFirst.put(String.format(Locale.ROOT, "%020d/%s", Long.MAX_VALUE - sd.createdAt.toEpochMilli(), sd.id), sd);
        }
        Pages.Page<ServiceDeployment> page = Pages.page(newestFirst,
                sd -> (statuses == null || statuses.contains(sd.status))
                        && (before == null || sd.createdAt.isBefore(before))
                        && (after == null || sd.createdAt.isAfter(after)),
                p.string("nextToken"), max);
        ObjectNode out = EcsJson.object();
        ArrayNode arr = out.putArray("serviceDeployments");
        for (ServiceDeployment sd : page.items()) {
            ObjectNode b = arr.addObject().put("serviceDeploymentArn", sd.arn()).put("serviceArn", s.arn())
                    .put("clusterArn", s.cluster.arn());
            EcsJson.putTs(b, "startedAt", sd.startedAt);
            EcsJson.putTs(b, "createdAt", sd.createdAt);
            EcsJson.putTs(b, "finishedAt", sd.finishedAt);
            b.put("targetServiceRevisionArn", sd.target.arn()).put("status", sd.status);
            if (sd.statusReason != null) {
                b.put("statusReason", sd.statusReason);
            }
        }
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private static Instant timestamp(JsonNode n, String name) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw JsonParams.serialization(name, n, "a timestamp");
        }
        return Instant.ofEpochMilli(Math.round(n.doubleValue() * 1000));
    }

    ObjectNode describe(Call call, JsonParams p) {
        EcsRegion region = region(call);
        List<String> arns = EcsHandler.limited(p, "serviceDeploymentArns", 20);
        if (arns == null) {
            throw EcsLookup.invalid("ServiceDeploymentArns cannot be empty.");
        }
        ObjectNode out = EcsJson.object();
        ArrayNode found = out.putArray("serviceDeployments");
        ArrayNode failures = out.putArray("failures");
        for (String arn : arns) {
            ServiceDeployment sd = find(region, arn);
            if (sd == null) {
                failures.addObject().put("arn", arn).put("reason", "MISSING");
            } else {
                found.add(serviceDeployment(sd));
            }
        }
        return out;
    }

    ObjectNode describeRevisions(Call call, JsonParams p) {
        EcsRegion region = region(call);
        List<String> arns = EcsHandler.limited(p, "serviceRevisionArns", 20);
        if (arns == null) {
            throw EcsLookup.invalid("ServiceRevisionArns cannot be empty.");
        }
        ObjectNode out = EcsJson.object();
        ArrayNode found = out.putArray("serviceRevisions");
        ArrayNode failures = out.putArray("failures");
        for (String arn : arns) {
            ServiceRevision r = findRevision(region, arn);
            if (r == null) {
                failures.addObject().put("arn", arn).put("reason", "MISSING");
            } else {
                found.add(revision(r));
            }
        }
        return out;
    }

    ObjectNode stop(Call call, JsonParams p) {
        String arn = p.requiredString("serviceDeploymentArn");
        String type = p.string("stopType") == null ? "ROLLBACK" : p.string("stopType");
        if (!Set.of("ABORT", "ROLLBACK").contains(type)) {
            throw EcsLookup.invalid("1 validation error detected: Value '" + type + "' at 'stopType' failed to satisfy "
                    + "constraint: Member must satisfy enum value set: [ABORT, ROLLBACK]");
        }
        if (!"ROLLBACK".equals(type)) {
            throw EcsLookup.invalid("The stop type " + type + " is not supported. The valid value is ROLLBACK.");
        }
        ServiceDeployment sd = find(region(call), arn);
        if (sd == null) {
            throw deploymentNotFound();
        }
        ecs.deployer.rollbacks.stop(sd);
        ObjectNode out = EcsJson.object();
        out.put("serviceDeploymentArn", sd.arn());
        return out;
    }

    ObjectNode continueDeployment(Call call, JsonParams p) {
        String arn = p.requiredString("serviceDeploymentArn");
        String hookId = p.requiredString("hookId");
        String action = p.string("action") == null ? "CONTINUE" : p.string("action");
        if (!Set.of("CONTINUE", "ROLLBACK").contains(action)) {
            throw EcsLookup.invalid("1 validation error detected: Value '" + action + "' at 'action' failed to satisfy "
                    + "constraint: Member must satisfy enum value set: [ROLLBACK, CONTINUE]");
        }
        ServiceDeployment sd = find(region(call), arn);
        if (sd == null) {
            throw deploymentNotFound();
        }
        ecs.deployer.hooks.resolve(sd, hookId, action);
        ObjectNode out = EcsJson.object();
        out.put("serviceDeploymentArn", sd.arn());
        return out;
    }

    // ---- lookup ---------------------------------------------------------------------------------------------

    /** The service an ARN {@code <kind>/<cluster>/<service>/<id>} of this account names, or null. */
    private static Service serviceOf(EcsRegion region, String arn, String kind) {
        String r = arn.startsWith("arn:") ? EcsLookup.resource(region, arn) : null;
        if (r == null || !r.startsWith(kind + "/")) {
            return null;
        }
        String[] parts = r.substring(kind.length() + 1).split("/");
        if (parts.length != 3) {
            return null;
        }
        Cluster c = region.clusters.get(parts[0]);
        return c == null ? null : c.services.get(parts[1]);
    }

    static ServiceDeployment find(EcsRegion region, String arn) {
        Service s = serviceOf(region, arn, "service-deployment");
        if (s != null) {
            for (ServiceDeployment sd : s.serviceDeployments) {
                if (sd.arn().equals(arn)) {
                    return sd;
                }
            }
        }
        return null;
    }

    private static ServiceRevision findRevision(EcsRegion region, String arn) {
        Service s = serviceOf(region, arn, "service-revision");
        if (s == null) {
            return null;
        }
        ServiceRevision r = s.revisions.get(arn.substring(arn.lastIndexOf('/') + 1));
        return r != null && r.arn().equals(arn) ? r : null;
    }

    // ---- shapes ---------------------------------------------------------------------------------------------

    static ObjectNode serviceDeployment(ServiceDeployment sd) {
        Service s = sd.service;
        ObjectNode o = EcsJson.object();
        o.put("serviceDeploymentArn", sd.arn()).put("serviceArn", s.arn()).put("clusterArn", s.cluster.arn());
        EcsJson.putTs(o, "createdAt", sd.createdAt);
        EcsJson.putTs(o, "startedAt", sd.startedAt);
        EcsJson.putTs(o, "finishedAt", sd.finishedAt);
        EcsJson.putTs(o, "stoppedAt", sd.stoppedAt);
        EcsJson.putTs(o, "updatedAt", sd.updatedAt);
        boolean traffic = sd.settings.blueGreenFamily();
        ArrayNode sources = o.putArray("sourceServiceRevisions");
        for (int i = 0; i < sd.sources.size(); i++) {
            ServiceRevision r = sd.sources.get(i);
            Deployment d = null;
            for (Deployment sdd : sd.sourceDeployments) {
                if (sdd.revision == r) {
                    d = sdd;
                }
            }
            ObjectNode j = summary(sources.addObject(), r, d);
            if (traffic) {
                j.put("requestedTestTrafficWeight", weight(i == 0 ? 100 - sd.testWeight : 0));
                j.put("requestedProductionTrafficWeight", weight(i == 0 ? 100 - sd.productionWeight : 0));
            }
        }
        ObjectNode target = summary(o.putObject("targetServiceRevision"), sd.target, sd.deployment);
        if (traffic) {
            target.put("requestedTestTrafficWeight", weight(sd.testWeight));
            target.put("requestedProductionTrafficWeight", weight(sd.productionWeight));
        }
        o.put("status", sd.status);
        if (sd.statusReason != null) {
            o.put("statusReason", sd.statusReason);
        }
        if (sd.lifecycleStage != null) {
            o.put("lifecycleStage", sd.lifecycleStage);
        }
        if (!sd.hookRuns.isEmpty()) {
            ArrayNode hooks = o.putArray("lifecycleHookDetails");
            for (ServiceDeployment.HookRun h : sd.hookRuns) {
                ObjectNode j = hooks.addObject().put("hookId", h.hookId).put("targetType", h.hook.targetType());
                if (h.hook.hookTargetArn() != null) {
                    j.put("targetArn", h.hook.hookTargetArn());
                }
                j.put("status", h.status);
                if ("AWAITING_ACTION".equals(h.status) || "IN_PROGRESS".equals(h.status)) {
                    EcsJson.putTs(j, "expiresAt", h.expiresAt);
                }
                j.put("timeoutAction", h.hook.timeoutAction());
            }
        }
        o.set("deploymentConfiguration", EcsJson.deploymentConfiguration(sd.minimumHealthyPercent, sd.maximumPercent,
                sd.circuitBreaker, sd.breakerRollback, sd.settings));
        if (sd.rollbackReason != null) {
            ObjectNode rb = o.putObject("rollback").put("reason", sd.rollbackReason);
            EcsJson.putTs(rb, "startedAt", sd.rollbackStartedAt);
            if (sd.rollbackTo != null) {
                rb.put("serviceRevisionArn", sd.rollbackTo.arn());
            }
        }
        o.putObject("deploymentCircuitBreaker").put("status", sd.breakerStatus)
                .put("failureCount", sd.deployment.failedTasks).put("threshold", sd.threshold());
        ObjectNode alarms = o.putObject("alarms").put("status", sd.alarmStatus);
        if (sd.settings.alarms() != null) {
            ArrayNode names = alarms.putArray("alarmNames");
            sd.settings.alarms().alarmNames().forEach(names::add);
            ArrayNode triggered = alarms.putArray("triggeredAlarmNames");
            sd.triggeredAlarms.forEach(triggered::add);
        }
        return o;
    }

    private static BigDecimal weight(double w) {
        return BigDecimal.valueOf(w).setScale(1, java.math.RoundingMode.HALF_UP);
    }

    /** A ServiceRevisionSummary: what the revision was asked to run and runs now (zero once its rollout is gone). */
    private static ObjectNode summary(ObjectNode j, ServiceRevision r, Deployment d) {
        Service s = r.service;
        boolean live = d != null && s.deployments.contains(d);
        int[] counts = live ? s.counts(d) : new int[] {0, 0};
        j.put("arn", r.arn()).put("requestedTaskCount", live ? d.desiredCount : 0)
                .put("runningTaskCount", counts[0]).put("pendingTaskCount", counts[1]);
        return j;
    }

    static ObjectNode revision(ServiceRevision r) {
        Service s = r.service;
        ObjectNode o = EcsJson.object();
        o.put("serviceRevisionArn", r.arn()).put("serviceArn", s.arn()).put("clusterArn", s.cluster.arn())
                .put("taskDefinition", r.taskDefinition.arn()).put("launchType", "EC2");
        o.set("loadBalancers", EcsJson.loadBalancers(r.configured));
        o.putArray("serviceRegistries");
        ArrayNode images = o.putArray("containerImages");
        for (TaskDefinition.Container c : r.taskDefinition.containers()) {
            images.addObject().put("containerName", c.name()).put("imageDigest", digest(c.image())).put("image", c.image());
        }
        o.put("guardDutyEnabled", false);
        EcsJson.putTs(o, "createdAt", r.createdAt);
        ArrayNode resolved = o.putObject("resolvedConfiguration").putArray("loadBalancers");
        for (LoadBalancer lb : r.resolved) {
            if (lb.targetGroupArn() == null) {
                continue;
            }
            ObjectNode j = resolved.addObject().put("targetGroupArn", lb.targetGroupArn());
            if (lb.advanced() != null && lb.advanced().productionListenerRule() != null) {
                j.put("productionListenerRule", lb.advanced().productionListenerRule());
            }
        }
        return o;
    }

    /** A stable image digest: the image reference's SHA-256, as a registry would report a manifest digest. */
    private static String digest(String image) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(image.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
