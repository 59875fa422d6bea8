package io.harbormaster.sandbox.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.AwsException;
import io.harbormaster.sandbox.core.Call;
import io.harbormaster.sandbox.core.Caller;
import io.harbormaster.sandbox.core.Edge;
import io.harbormaster.sandbox.core.JsonParams;
import io.harbormaster.sandbox.core.JsonService;
import io.harbormaster.sandbox.core.Throttler;
import io.harbormaster.sandbox.core.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Amazon ECS over JSON 1.1 ({@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.<Op>}): the read operations. */
public final class EcsHandler extends JsonService {

    static final String TARGET = "AmazonEC2ContainerServiceV20141113";

    final Ecs ecs;

    public EcsHandler(World world, Edge edge, Ecs ecs) {
        super(world, edge, TARGET, "application/x-amz-json-1.1", "ecs");
        this.ecs = ecs;
        ecsOp("ListClusters", this::listClusters);
        ecsOp("DescribeClusters", this::describeClusters);
        ecsOp("ListServices", this::listServices);
        ecsOp("DescribeServices", this::describeServices);
        ecsOp("ListContainerInstances", this::listContainerInstances);
        ecsOp("DescribeContainerInstances", this::describeContainerInstances);
        ecsOp("ListTasks", this::listTasks);
        ecsOp("DescribeTasks", this::describeTasks);
        ecsOp("DescribeTaskDefinition", this::describeTaskDefinition);
        ecsOp("ListTaskDefinitions", this::listTaskDefinitions);
        ecsOp("ListTaskDefinitionFamilies", this::listTaskDefinitionFamilies);
        EcsWrites writes = new EcsWrites(ecs);
        ecsOp("RegisterTaskDefinition", writes::registerTaskDefinition);
        ecsOp("DeregisterTaskDefinition", writes::deregisterTaskDefinition);
        ecsOp("UpdateService", writes::updateService);
        ecsOp("CreateService", writes::createService);
        ecsOp("DeleteService", writes::deleteService);
        ecsOp("StopTask", writes::stopTask);
        ServiceDeploymentsApi deployments = new ServiceDeploymentsApi(ecs);
        ecsOp("ListServiceDeployments", deployments::list);
        ecsOp("DescribeServiceDeployments", deployments::describe);
        ecsOp("DescribeServiceRevisions", deployments::describeRevisions);
        ecsOp("StopServiceDeployment", deployments::stop);
        ecsOp("ContinueServiceDeployment", deployments::continueDeployment);
    }

    @Override
    public String name() {
        return "ecs";
    }

    /** Registers an operation in its AWS throttling category: one bucket per category, account and Region. */
    private void ecsOp(String name, Operation handler) {
        op(name, EcsThrottleCategory.of(name).family(), handler);
    }

    /** The category's bucket as AWS publishes it (see {@link EcsThrottleCategory}). */
    @Override
    protected Throttler.Rate rate(String family) {
        return EcsThrottleCategory.ofFamily(family).rate();
    }

    @Override
    protected AwsException missingParameter(String member) {
        return EcsLookup.invalid(Character.toUpperCase(member.charAt(0)) + member.substring(1) + " cannot be empty.");
    }

    @Override
    protected String resourceFor(String operation, JsonParams p, Caller caller) {
        String prefix = "arn:aws:ecs:" + caller.region() + ":" + caller.account() + ":";
        String cluster = p.node().path("cluster").asText("default");
        String clusterName = cluster.contains("/") ? cluster.substring(cluster.lastIndexOf('/') + 1) : cluster;
        String service = p.node().path("service").asText(null);
        if (service != null) {
            return service.startsWith("arn:") ? service
                    : prefix + "service/" + clusterName + "/" + service;
        }
        if (p.node().has("cluster")) {
            return cluster.startsWith("arn:") ? cluster : prefix + "cluster/" + cluster;
        }
        return "*";
    }

    EcsRegion region(Call call) {
        return ecs.region(call.account(), call.region());
    }

    static List<String> limited(JsonParams p, String member, int limit) {
        List<String> items = p.strings(member);
        if (items == null || items.isEmpty()) {
            return null;
        }
        if (items.size() > limit) {
            throw EcsLookup.invalid(Character.toUpperCase(member.charAt(0)) + member.substring(1)
                    + " can have at most " + limit + " items.");
        }
        return items;
    }

    private static Set<String> include(JsonParams p) {
        List<String> inc = p.strings("include");
        return inc == null ? Set.of() : Set.copyOf(inc);
    }

    private static void failure(ArrayNode failures, String arn, String reason) {
        failures.addObject().put("arn", arn).put("reason", reason);
    }

    // ---- clusters -----------------------------------------------------------------------------------------

    private ObjectNode listClusters(Call call, JsonParams p) {
        int max = Pages.maxResults(p.integer("maxResults"), 100, 100);
        Pages.Page<Cluster> page = Pages.page(region(call).clusters, c -> !"INACTIVE".equals(c.status),
                p.string("nextToken"), max);
        ObjectNode out = object();
        ArrayNode arns = out.putArray("clusterArns");
        page.items().forEach(c -> arns.add(c.arn()));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private ObjectNode describeClusters(Call call, JsonParams p) {
        EcsRegion region = region(call);
        List<String> names = p.strings("clusters");
        if (names != null && names.size() > 100) {
            throw EcsLookup.invalid("Clusters can have at most 100 items.");
        }
        if (names == null || names.isEmpty()) {
            names = List.of("default");
        }
        Set<String> include = include(p);
        ObjectNode out = object();
        ArrayNode clusters = out.putArray("clusters");
        ArrayNode failures = out.putArray("failures");
        for (String n : names) {
            String name = EcsLookup.clusterName(region, n);
            Cluster c = name == null ? null : region.clusters.get(name);
            if (c == null) {
                failure(failures, n.startsWith("arn:") ? n : region.arn("cluster/" + n), "MISSING");
            } else {
                clusters.add(EcsJson.cluster(c, include.contains("STATISTICS"), include.contains("SETTINGS")));
            }
        }
        return out;
    }

    // ---- services -----------------------------------------------------------------------------------------

    private ObjectNode listServices(Call call, JsonParams p) {
        Cluster cluster = EcsLookup.cluster(region(call), p.string("cluster"));
        int max = Pages.maxResults(p.integer("maxResults"), 10, 100);
        String launchType = p.string("launchType");
        String scheduling = p.string("schedulingStrategy");
        Predicate<Service> filter = s -> !"INACTIVE".equals(s.status)
                && (launchType == null || "EC2".equals(launchType))
                && (scheduling == null || "REPLICA".equals(scheduling));
        Pages.Page<Service> page = Pages.page(cluster.services, filter, p.string("nextToken"), max);
        ObjectNode out = object();
        ArrayNode arns = out.putArray("serviceArns");
        page.items().forEach(s -> arns.add(s.arn()));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private ObjectNode describeServices(Call call, JsonParams p) {
        EcsRegion region = region(call);
        List<String> names = limited(p, "services", 10);
        if (names == null) {
            throw EcsLookup.invalid("Services cannot be empty.");
        }
        Cluster cluster = EcsLookup.cluster(region, p.string("cluster"));
        boolean tags = include(p).contains("TAGS");
        ObjectNode out = object();
        ArrayNode services = out.putArray("services");
        ArrayNode failures = out.putArray("failures");
        for (String n : names) {
            Service s = EcsLookup.service(region, cluster, n);
            if (s == null) {
                failure(failures, n.startsWith("arn:") ? n : region.arn("service/" + cluster.name + "/" + n), "MISSING");
            } else {
                ObjectNode j = EcsJson.service(s);
                if (tags) {
                    j.putArray("tags");
                }
                services.add(j);
            }
        }
        return out;
    }

    // ---- container instances ------------------------------------------------------------------------------

    private ObjectNode listContainerInstances(Call call, JsonParams p) {
        Cluster cluster = EcsLookup.cluster(region(call), p.string("cluster"));
        int max = Pages.maxResults(p.integer("maxResults"), 100, 100);
        String status = p.string("status");
        String filter = p.string("filter");
        MemberOf expr = filter == null || filter.isBlank() ? null : MemberOf.parse(filter);
        NavigableMap<String, ContainerInstance> byIndex = new TreeMap<>();
        for (ContainerInstance ci : cluster.instances) {
            byIndex.put(String.format(Locale.ROOT, "%08d", ci.index), ci);
        }
        Pages.Page<ContainerInstance> page = Pages.page(byIndex,
                ci -> (status == null ? !"INACTIVE".equals(ci.status) : status.equals(ci.status))
                        && (expr == null || expr.matches(ci)),
                p.string("nextToken"), max);
        ObjectNode out = object();
        ArrayNode arns = out.putArray("containerInstanceArns");
        page.items().forEach(ci -> arns.add(ci.arn()));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private ObjectNode describeContainerInstances(Call call, JsonParams p) {
        EcsRegion region = region(call);
        List<String> ids = limited(p, "containerInstances", 100);
        if (ids == null) {
            throw EcsLookup.invalid("ContainerInstances cannot be empty.");
        }
        Cluster cluster = EcsLookup.cluster(region, p.string("cluster"));
        ObjectNode out = object();
        ArrayNode instances = out.putArray("containerInstances");
        ArrayNode failures = out.putArray("failures");
        for (String n : ids) {
            String id = EcsLookup.id(region, n, "container-instance", cluster);
            ContainerInstance ci = id == null ? null : cluster.instancesById.get(id);
            if (ci == null) {
                failure(failures, n.startsWith("arn:") ? n : region.arn("container-instance/" + cluster.name + "/" + n), "MISSING");
            } else {
                instances.add(EcsJson.containerInstance(ci));
            }
        }
        return out;
    }

    // ---- tasks --------------------------------------------------------------------------------------------

    private ObjectNode listTasks(Call call, JsonParams p) {
        EcsRegion region = region(call);
        Cluster cluster = EcsLookup.cluster(region, p.string("cluster"));
        int max = Pages.maxResults(p.integer("maxResults"), 100, 100);
        String desired = p.string("desiredStatus") == null ? "RUNNING" : p.string("desiredStatus");
        if (!Set.of("RUNNING", "PENDING", "STOPPED").contains(desired)) {
            throw EcsLookup.invalid("desiredStatus must be one of RUNNING, PENDING, STOPPED.");
        }
        String family = p.string("family");
        String startedBy = p.string("startedBy");
        NavigableMap<String, Task> source = cluster.tasks;
        Service service = null;
        if (p.string("serviceName") != null) {
            service = EcsLookup.service(region, cluster, p.string("serviceName"));
            if (service == null) {
                throw EcsLookup.serviceNotFound();
            }
            if (!"STOPPED".equals(desired)) {
                source = service.tasks;
            }
        }
        ContainerInstance instance = null;
        if (p.string("containerInstance") != null) {
            String id = EcsLookup.id(region, p.string("containerInstance"), "container-instance", cluster);
            instance = id == null ? null : cluster.instancesById.get(id);
            if (instance == null) {
                throw EcsLookup.invalid("The specified container instance does not exist in this cluster.");
            }
            source = instance.tasks;
        }
        Service svc = service;
        ContainerInstance ci = instance;
        Predicate<Task> filter = t -> desiredMatches(t, desired)
                && (svc == null || t.service == svc)
                && (ci == null || t.instance == ci)
                && (family == null || t.taskDefinition.family().equals(family))
                && (startedBy == null || startedBy.equals(t.startedBy));
        Pages.Page<Task> page = Pages.page(source, filter, p.string("nextToken"), max);
        ObjectNode out = object();
        ArrayNode arns = out.putArray("taskArns");
        page.items().forEach(t -> arns.add(t.arn()));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private static boolean desiredMatches(Task t, String desired) {
        return switch (desired) {
            case "PENDING" -> t.live() && "PENDING".equals(t.lastStatus);
            case "STOPPED" -> !t.live();
            default -> t.live();
        };
    }

    private ObjectNode describeTasks(Call call, JsonParams p) {
        EcsRegion region = region(call);
        List<String> ids = limited(p, "tasks", 100);
        if (ids == null) {
            throw EcsLookup.invalid("Tasks cannot be empty.");
        }
        Cluster cluster = EcsLookup.cluster(region, p.string("cluster"));
        boolean tags = include(p).contains("TAGS");
        ObjectNode out = object();
        ArrayNode tasks = out.putArray("tasks");
        ArrayNode failures = out.putArray("failures");
        for (String n : ids) {
            String id = EcsLookup.id(region, n, "task", cluster);
            Task t = id == null ? null : cluster.tasks.get(id);
            if (t == null) {
                failure(failures, n.startsWith("arn:") ? n : region.arn("task/" + cluster.name + "/" + n), "MISSING");
            } else {
                ObjectNode j = EcsJson.task(t);
                if (!tags) {
                    j.remove("tags");
                }
                tasks.add(j);
            }
        }
        return out;
    }

    // ---- task definitions ---------------------------------------------------------------------------------

    private ObjectNode describeTaskDefinition(Call call, JsonParams p) {
        String ref = p.requiredString("taskDefinition");
        TaskDefinition td = EcsLookup.taskDefinition(region(call), ref);
        if (td == null) {
            throw TaskDefinitions.client("Unable to describe task definition.");
        }
        ObjectNode out = object();
        out.set("taskDefinition", EcsJson.taskDefinition(td));
        out.putArray("tags");
        return out;
    }

    private ObjectNode listTaskDefinitions(Call call, JsonParams p) {
        EcsRegion region = region(call);
        int max = Pages.maxResults(p.integer("maxResults"), 100, 100);
        String prefix = p.string("familyPrefix");
        String status = p.string("status") == null ? "ACTIVE" : p.string("status");
        boolean desc = "DESC".equals(p.string("sort"));
        NavigableMap<String, TaskDefinition> sorted = new TreeMap<>();
        region.families.forEach((family, revs) -> {
            if (prefix == null || family.equals(prefix)) {
                for (TaskDefinition td : revs) {
                    sorted.put(String.format(Locale.ROOT, "%s:%08d", family, td.revision()), td);
                }
            }
        });
        NavigableMap<String, TaskDefinition> ordered = desc ? sorted.descendingMap() : sorted;
        Pages.Page<TaskDefinition> page = Pages.page(ordered, td -> status.equals(td.status()), p.string("nextToken"), max);
        ObjectNode out = object();
        ArrayNode arns = out.putArray("taskDefinitionArns");
        page.items().forEach(td -> arns.add(td.arn()));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private ObjectNode listTaskDefinitionFamilies(Call call, JsonParams p) {
        EcsRegion region = region(call);
        int max = Pages.maxResults(p.integer("maxResults"), 100, 100);
        String prefix = p.string("familyPrefix");
        String status = p.string("status") == null ? "ACTIVE" : p.string("status");
        NavigableMap<String, String> families = new TreeMap<>();
        region.families.forEach((family, revs) -> {
            boolean active = revs.stream().anyMatch(td -> "ACTIVE".equals(td.status()));
            boolean matches = "ALL".equals(status) || ("ACTIVE".equals(status) == active);
            if ((prefix == null || family.startsWith(prefix)) && matches) {
                families.put(family, family);
            }
        });
        Pages.Page<String> page = Pages.page(families, f -> true, p.string("nextToken"), max);
        ObjectNode out = object();
        ArrayNode arr = out.putArray("families");
        page.items().forEach(arr::add);
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    static List<String> orEmpty(List<String> l) {
        return l == null ? new ArrayList<>() : l;
    }
}
