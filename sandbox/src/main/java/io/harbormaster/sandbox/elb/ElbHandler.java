package io.harbormaster.sandbox.elb;

import io.harbormaster.sandbox.core.AwsException;
import io.harbormaster.sandbox.core.Call;
import io.harbormaster.sandbox.core.Caller;
import io.harbormaster.sandbox.core.Edge;
import io.harbormaster.sandbox.core.QueryParams;
import io.harbormaster.sandbox.core.QueryService;
import io.harbormaster.sandbox.core.Throttler;
import io.harbormaster.sandbox.core.World;
import io.harbormaster.sandbox.core.Xml;
import io.harbormaster.sandbox.ecs.Task;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Elastic Load Balancing v2 over the query protocol ({@code Action=…&Version=2015-12-01}), XML answers. */
public final class ElbHandler extends QueryService {

    static final String NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    private static final int MAX_PAGE = 400;
    private static final int MAX_FORWARD_TARGET_GROUPS = 5;
    private static final int MAX_WEIGHT = 999;

    private final Elb elb;

    public ElbHandler(World world, Edge edge, Elb elb) {
        super(world, edge, "elasticloadbalancing", "2015-12-01", NAMESPACE);
        this.elb = elb;
        op("DescribeLoadBalancers", "describe", this::describeLoadBalancers);
        op("DescribeTargetGroups", "describe", this::describeTargetGroups);
        op("DescribeListeners", "describe", this::describeListeners);
        op("DescribeRules", "describe", this::describeRules);
        op("DescribeTargetHealth", "describe", this::describeTargetHealth);
        op("DescribeTags", "describe", this::describeTags);
        op("ModifyListener", "write", this::modifyListener);
        op("ModifyRule", "write", this::modifyRule);
        op("RegisterTargets", "write", this::registerTargets);
        op("DeregisterTargets", "write", this::deregisterTargets);
    }

    @Override
    public String name() {
        return "elasticloadbalancing";
    }

    /**
     * ELBv2's API buckets per account and region. Describes (non-mutating actions): 40 tokens refilled at 10 a second,
     * as the ELB User Guide's "Request throttling for the ELB API" states
     * (https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-api-throttling.html). The changes'
     * bucket (20 at 5/s) is not checked against that page's table: it could not be read here.
     */
    @Override
    protected Throttler.Rate rate(String family) {
        return "describe".equals(family) ? new Throttler.Rate(40, 10) : new Throttler.Rate(20, 5);
    }

    @Override
    protected String resourceFor(String action, QueryParams p, Caller caller) {
        for (String member : List.of("ListenerArn", "RuleArn", "TargetGroupArn", "LoadBalancerArn")) {
            if (p.string(member) != null) {
                return p.string(member);
            }
        }
        return "*";
    }

    private ElbRegion region(Call call) {
        return elb.region(call.account(), call.region());
    }

    // ---- describe ------------------------------------------------------------------------------------------

    private void describeLoadBalancers(Call call, QueryParams p, Xml out) {
        ElbRegion r = region(call);
        List<String> arns = p.strings("LoadBalancerArns");
        List<String> names = p.strings("Names");
        if (!arns.isEmpty() && !names.isEmpty()) {
            throw QueryParams.validation("Load balancer names and load balancer ARNs cannot be specified at the same time");
        }
        if (arns.size() > 20) {
            throw QueryParams.validation("Value '" + arns + "' at 'loadBalancerArns' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 20");
        }
        List<Alb> found = new ArrayList<>();
        if (!arns.isEmpty()) {
            for (String arn : arns) {
                Alb lb = r.lbsByArn.get(arn);
                if (lb == null) {
                    throw loadBalancerNotFound(arn);
                }
                found.add(lb);
            }
        } else if (!names.isEmpty()) {
            List<String> missing = new ArrayList<>();
            for (String n : names) {
                Alb lb = r.lbsByName.get(n);
                if (lb == null) {
                    missing.add(n);
                } else {
                    found.add(lb);
                }
            }
            if (!missing.isEmpty()) {
                throw new AwsException("LoadBalancerNotFound", "Load balancers '" + missing + "' not found");
            }
        } else {
            found.addAll(r.lbsByName.values());
        }
        Page<Alb> page = page(found, p);
        out.open("LoadBalancers");
        for (Alb lb : page.items) {
            loadBalancer(out.open("member"), lb).close("member");
        }
        out.close("LoadBalancers").leaf("NextMarker", page.next);
    }

    private void describeTargetGroups(Call call, QueryParams p, Xml out) {
        ElbRegion r = region(call);
        String lbArn = p.string("LoadBalancerArn");
        List<String> arns = p.strings("TargetGroupArns");
        List<String> names = p.strings("Names");
        int given = (lbArn != null ? 1 : 0) + (arns.isEmpty() ? 0 : 1) + (names.isEmpty() ? 0 : 1);
        if (given > 1) {
            throw QueryParams.validation("Only one of load balancer ARN, target group ARNs or target group names can be specified");
        }
        List<TargetGroup> found = new ArrayList<>();
        if (lbArn != null) {
            Alb lb = r.lbsByArn.get(lbArn);
            if (lb == null) {
                throw loadBalancerNotFound(lbArn);
            }
            for (TargetGroup tg : r.tgsByName.values()) {
                if (r.loadBalancersOf(tg).contains(lb)) {
                    found.add(tg);
                }
            }
        } else if (!arns.isEmpty()) {
            for (String arn : arns) {
                TargetGroup tg = r.tgsByArn.get(arn);
                if (tg == null) {
                    throw targetGroupNotFound(arn);
                }
                found.add(tg);
            }
        } else if (!names.isEmpty()) {
            for (String n : names) {
                TargetGroup tg = r.tgsByName.get(n);
                if (tg == null) {
                    throw new AwsException("TargetGroupNotFound", "Target groups '" + List.of(n) + "' not found");
                }
                found.add(tg);
            }
        } else {
            found.addAll(r.tgsByName.values());
        }
        Page<TargetGroup> page = page(found, p);
        out.open("TargetGroups");
        for (TargetGroup tg : page.items) {
            targetGroup(out.open("member"), r, tg).close("member");
        }
        out.close("TargetGroups").leaf("NextMarker", page.next);
    }

    private void describeListeners(Call call, QueryParams p, Xml out) {
        ElbRegion r = region(call);
        String lbArn = p.string("LoadBalancerArn");
        List<String> arns = p.strings("ListenerArns");
        if (lbArn == null && arns.isEmpty()) {
            throw QueryParams.validation("You must specify either listener ARNs or a load balancer ARN");
        }
        if (lbArn != null && !arns.isEmpty()) {
            throw QueryParams.validation("Listener ARNs and a load balancer ARN cannot be specified at the same time");
        }
        List<Listener> found = new ArrayList<>();
        if (lbArn != null) {
            Alb lb = r.lbsByArn.get(lbArn);
            if (lb == null) {
                throw loadBalancerNotFound(lbArn);
            }
            found.addAll(lb.listeners);
        } else {
            for (String arn : arns) {
                found.add(listener(r, arn));
            }
        }
        Page<Listener> page = page(found, p);
        out.open("Listeners");
        for (Listener l : page.items) {
            listener(out.open("member"), l).close("member");
        }
        out.close("Listeners").leaf("NextMarker", page.next);
    }

    private void describeRules(Call call, QueryParams p, Xml out) {
        ElbRegion r = region(call);
        String listenerArn = p.string("ListenerArn");
        List<String> arns = p.strings("RuleArns");
        if (listenerArn == null && arns.isEmpty()) {
            throw QueryParams.validation("You must specify either listener rule ARNs or a listener ARN");
        }
        if (listenerArn != null && !arns.isEmpty()) {
            throw QueryParams.validation("Listener rule ARNs and a listener ARN cannot be specified at the same time");
        }
        List<Object> found = new ArrayList<>();
        if (listenerArn != null) {
            Listener l = listener(r, listenerArn);
            found.addAll(l.rules);
            found.add(l);
        } else {
            for (String arn : arns) {
                Rule rule = r.rulesByArn.get(arn);
                Listener asDefault = rule == null ? defaultRuleOwner(r, arn) : null;
                if (rule == null && asDefault == null) {
                    throw new AwsException("RuleNotFound", "One or more rules not found");
                }
                found.add(rule != null ? rule : asDefault);
            }
        }
        Page<Object> page = page(found, p);
        out.open("Rules");
        for (Object o : page.items) {
            out.open("member");
            if (o instanceof Rule rule) {
                rule(out, rule);
            } else {
                Listener l = (Listener) o;
                out.leaf("RuleArn", l.defaultRuleArn).leaf("Priority", "default").open("Conditions").close("Conditions");
                actions(out, l.defaultActions).leaf("IsDefault", true);
            }
            out.close("member");
        }
        out.close("Rules").leaf("NextMarker", page.next);
    }

    private static Listener defaultRuleOwner(ElbRegion r, String ruleArn) {
        for (Listener l : r.listenersByArn.values()) {
            if (l.defaultRuleArn.equals(ruleArn)) {
                return l;
            }
        }
        return null;
    }

    private void describeTargetHealth(Call call, QueryParams p, Xml out) {
        ElbRegion r = region(call);
        TargetGroup tg = targetGroup(r, p.required("TargetGroupArn"));
        boolean inUse = !r.loadBalancersOf(tg).isEmpty();
        List<QueryParams> asked = p.members("Targets");
        out.open("TargetHealthDescriptions");
        if (asked.isEmpty()) {
            for (Target t : tg.targets.values()) {
                targetHealth(out, t.instanceId, t.port, t, inUse);
            }
        } else {
            for (QueryParams q : asked) {
                String id = q.required("Id");
                Integer port = q.integer("Port");
                int pt = port == null ? tg.port : port;
                Target t = tg.targets.get(Target.key(id, pt));
                if (t == null && port == null) {
                    t = tg.targets.values().stream().filter(x -> x.instanceId.equals(id)).findFirst().orElse(null);
                    pt = t == null ? pt : t.port;
                }
                targetHealth(out, id, pt, t, inUse);
            }
        }
        out.close("TargetHealthDescriptions");
    }

    private static void targetHealth(Xml out, String id, int port, Target t, boolean inUse) {
        out.open("member").open("Target").leaf("Id", id).leaf("Port", port).close("Target")
                .leaf("HealthCheckPort", String.valueOf(port)).open("TargetHealth");
        if (t == null) {
            out.leaf("State", "unused").leaf("Reason", "Target.NotRegistered")
                    .leaf("Description", "Target is not registered to the target group");
        } else if (!inUse && t.state != Target.State.DRAINING) {
            out.leaf("State", "unused").leaf("Reason", "Target.NotInUse")
                    .leaf("Description", "Target group is not configured to receive traffic from the load balancer");
        } else {
            out.leaf("State", t.state.wire).leaf("Reason", t.state.reason).leaf("Description", t.state.description);
        }
        out.close("TargetHealth").close("member");
    }

    private void describeTags(Call call, QueryParams p, Xml out) {
        ElbRegion r = region(call);
        List<String> arns = p.strings("ResourceArns");
        if (arns.isEmpty()) {
            throw QueryParams.validation("Value null at 'resourceArns' failed to satisfy constraint: Member must not be null");
        }
        if (arns.size() > 20) {
            throw QueryParams.validation("Value '" + arns + "' at 'resourceArns' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 20");
        }
        out.open("TagDescriptions");
        for (String arn : arns) {
            Map<String, String> tags;
            if (arn.contains(":loadbalancer/")) {
                Alb lb = r.lbsByArn.get(arn);
                if (lb == null) {
                    throw loadBalancerNotFound(arn);
                }
                tags = lb.tags;
            } else if (arn.contains(":targetgroup/")) {
                tags = targetGroup(r, arn).tags;
            } else if (arn.contains(":listener/")) {
                listener(r, arn);
                tags = Map.of();
            } else if (arn.contains(":listener-rule/")) {
                if (!r.rulesByArn.containsKey(arn) && defaultRuleOwner(r, arn) == null) {
                    throw new AwsException("RuleNotFound", "One or more rules not found");
                }
                tags = Map.of();
            } else {
                throw QueryParams.validation("'" + arn + "' is not a valid resource ARN");
            }
            out.open("member").leaf("ResourceArn", arn).open("Tags");
            tags.forEach((k, v) -> out.open("member").leaf("Key", k).leaf("Value", v).close("member"));
            out.close("Tags").close("member");
        }
        out.close("TagDescriptions");
    }

    // ---- changes -------------------------------------------------------------------------------------------

    private void modifyListener(Call call, QueryParams p, Xml out) {
        ElbRegion r = region(call);
        Listener l = listener(r, p.required("ListenerArn"));
        Integer port = p.integer("Port");
        String protocol = p.string("Protocol");
        if (port != null && (port < 1 || port > 65535)) {
            throw QueryParams.validation("Value '" + port + "' at 'port' failed to satisfy constraint: "
                    + "Member must have value between 1 and 65535");
        }
        if (protocol != null && !protocol.equals("HTTP") && !protocol.equals("HTTPS")) {
            throw QueryParams.validation("Protocol '" + protocol + "' is not supported by application load balancers");
        }
        if (port != null) {
            for (Listener other : l.lb.listeners) {
                if (other != l && other.port == port) {
                    throw new AwsException("DuplicateListener", "A listener already exists on this port for this load balancer");
                }
            }
        }
        List<QueryParams> given = p.members("DefaultActions");
        List<Action> actions = given.isEmpty() ? null : actions(r, l.lb, given, "defaultActions");
        if ("HTTPS".equals(protocol) && l.certificateArn == null && p.members("Certificates").isEmpty()) {
            throw QueryParams.validation("A certificate must be specified for HTTPS listeners");
        }
        if (port != null) {
            l.port = port;
        }
        if (protocol != null) {
            l.protocol = protocol;
        }
        List<QueryParams> certs = p.members("Certificates");
        if (!certs.isEmpty()) {
            l.certificateArn = certs.get(0).string("CertificateArn");
        }
        if (p.string("SslPolicy") != null) {
            l.sslPolicy = p.string("SslPolicy");
        }
        if (actions != null) {
            l.defaultActions = actions;
            elb.routingChanged(r.account, r.region);
        }
        out.open("Listeners").open("member");
        listener(out, l).close("member").close("Listeners");
    }

    private void modifyRule(Call call, QueryParams p, Xml out) {
        ElbRegion r = region(call);
        String arn = p.required("RuleArn");
        Rule rule = r.rulesByArn.get(arn);
        Listener asDefault = rule == null ? defaultRuleOwner(r, arn) : null;
        if (rule == null && asDefault == null) {
            throw new AwsException("RuleNotFound", "One or more rules not found");
        }
        if (asDefault != null) {
            // "To modify the actions for the default rule, use ModifyListener" (ELBv2 API Reference, ModifyRule);
            // AWS answers OperationNotPermitted "Default rule '…' cannot be modified".
            throw new AwsException("OperationNotPermitted", "Default rule '" + arn + "' cannot be modified");
        }
        List<QueryParams> conditions = p.members("Conditions");
        List<QueryParams> given = p.members("Actions");
        Alb lb = rule.listener.lb;
        // ModifyRule and ModifyListener replace a list given in full: "To add an item to a list, remove an item from
        // a list, or update an item in a list, you must provide the entire list" (ELBv2 API Reference, ModifyRule).
        List<Action> actions = given.isEmpty() ? null : actions(r, lb, given, "actions");
        if (!conditions.isEmpty()) {
            rule.conditions = conditions(conditions);
        }
        if (actions != null) {
            rule.actions = actions;
        }
        elb.routingChanged(r.account, r.region);
        out.open("Rules").open("member");
        rule(out, rule).close("member").close("Rules");
    }

    private void registerTargets(Call call, QueryParams p, Xml out) {
        ElbRegion r = region(call);
        TargetGroup tg = targetGroup(r, p.required("TargetGroupArn"));
        List<QueryParams> targets = targets(p);
        Set<String> known = instancesIn(call);
        List<String> invalid = new ArrayList<>();
        for (QueryParams t : targets) {
            if (!known.contains(t.required("Id"))) {
                invalid.add("'" + t.string("Id") + "'");
            }
        }
        if (!invalid.isEmpty()) {
            throw new AwsException("InvalidTarget", "The following targets are not in a running state and cannot be "
                    + "registered: " + String.join(", ", invalid));
        }
        for (QueryParams t : targets) {
            String id = t.string("Id");
            int port = port(t, tg);
            Task task = elb.taskAt(id, port);
            elb.register(tg, id, port, task, false);
        }
    }

    private void deregisterTargets(Call call, QueryParams p, Xml out) {
        ElbRegion r = region(call);
        TargetGroup tg = targetGroup(r, p.required("TargetGroupArn"));
        List<QueryParams> targets = targets(p);
        List<String> missing = new ArrayList<>();
        for (QueryParams t : targets) {
            if (!tg.targets.containsKey(Target.key(t.required("Id"), port(t, tg)))) {
                missing.add("'" + t.string("Id") + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw new AwsException("InvalidTarget", "The following targets are not registered in target group '"
                    + tg.arn + "': " + String.join(", ", missing));
        }
        for (QueryParams t : targets) {
            elb.deregister(tg, t.string("Id"), port(t, tg));
        }
    }

    private static List<QueryParams> targets(QueryParams p) {
        List<QueryParams> targets = p.members("Targets");
        if (targets.isEmpty()) {
            throw QueryParams.validation("Value null at 'targets' failed to satisfy constraint: Member must not be null");
        }
        return targets;
    }

    private static int port(QueryParams t, TargetGroup tg) {
        Integer port = t.integer("Port");
        if (port != null && (port < 1 || port > 65535)) {
            throw QueryParams.validation("Value '" + port + "' at 'targets.member.port' failed to satisfy constraint: "
                    + "Member must have value between 1 and 65535");
        }
        return port == null ? tg.port : port;
    }

    /** The EC2 instance ids of the account's container instances in the region. */
    private Set<String> instancesIn(Call call) {
        Set<String> out = new HashSet<>();
        for (var er : elb.ecs().regions()) {
            if (er.account().equals(call.account()) && er.region().equals(call.region())) {
                for (var c : er.clusters()) {
                    for (var ci : c.instances()) {
                        out.add(ci.ec2InstanceId());
                    }
                }
            }
        }
        return out;
    }

    // ---- actions and conditions ------------------------------------------------------------------------------

    private List<Action> actions(ElbRegion r, Alb lb, List<QueryParams> given, String member) {
        List<Action> out = new ArrayList<>();
        int terminal = 0;
        for (int i = 0; i < given.size(); i++) {
            QueryParams a = given.get(i);
            String at = member + "." + (i + 1) + ".member";
            String type = a.string("Type");
            if (type == null) {
                throw QueryParams.validation("Value null at '" + at + ".type' failed to satisfy constraint: Member must not be null");
            }
            Integer order = a.integer("Order");
            int ord = order == null ? i + 1 : order;
            switch (type) {
                case Action.FORWARD -> out.add(forward(r, lb, a, at, ord));
                case Action.REDIRECT -> {
                    QueryParams rc = a.sub("RedirectConfig");
                    String code = rc.string("StatusCode");
                    if (code == null || !(code.equals("HTTP_301") || code.equals("HTTP_302"))) {
                        throw QueryParams.validation("Value '" + code + "' at '" + at + ".redirectConfig.statusCode' failed "
                                + "to satisfy constraint: Member must satisfy enum value set: [HTTP_301, HTTP_302]");
                    }
                    out.add(new Action(type, ord, null, List.of(), false, 0, new Action.Redirect(
                            or(rc.string("Protocol"), "#{protocol}"), or(rc.string("Port"), "#{port}"),
                            or(rc.string("Host"), "#{host}"), or(rc.string("Path"), "/#{path}"),
                            or(rc.string("Query"), "#{query}"), code), null));
                }
                case Action.FIXED_RESPONSE -> {
                    QueryParams fr = a.sub("FixedResponseConfig");
                    String code = fr.string("StatusCode");
                    if (code == null || !code.matches("[2-5]\\d\\d")) {
                        throw QueryParams.validation("Value '" + code + "' at '" + at + ".fixedResponseConfig.statusCode' "
                                + "failed to satisfy constraint: Member must satisfy regular expression pattern: ^(2|4|5)\\d\\d$");
                    }
                    out.add(new Action(type, ord, null, List.of(), false, 0, null,
                            new Action.FixedResponse(fr.string("MessageBody"), code, fr.string("ContentType"))));
                }
                case "authenticate-oidc", "authenticate-cognito" -> throw QueryParams.validation(
                        "The sandbox does not model '" + type + "' actions");
                default -> throw QueryParams.validation("Value '" + type + "' at '" + at + ".type' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [redirect, authenticate-cognito, forward, "
                        + "fixed-response, authenticate-oidc]");
            }
            terminal++;
        }
        if (terminal > 1) {
            throw QueryParams.validation("A rule can only have one terminal action: forward, redirect or fixed-response");
        }
        return List.copyOf(out);
    }

    private Action forward(ElbRegion r, Alb lb, QueryParams a, String at, int order) {
        String single = a.string("TargetGroupArn");
        List<QueryParams> tgs = a.sub("ForwardConfig").members("TargetGroups");
        if (single == null && tgs.isEmpty()) {
            throw QueryParams.validation("A target group ARN must be specified for a forward action");
        }
        if (tgs.size() > MAX_FORWARD_TARGET_GROUPS) {
            throw QueryParams.validation("A forward action can have at most " + MAX_FORWARD_TARGET_GROUPS
                    + " target groups, but " + tgs.size() + " were specified");
        }
        List<Action.WeightedTargetGroup> weighted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < tgs.size(); j++) {
            QueryParams t = tgs.get(j);
            String arn = t.string("TargetGroupArn");
            if (arn == null) {
                throw QueryParams.validation("Value null at '" + at + ".forwardConfig.targetGroups." + (j + 1)
                        + ".member.targetGroupArn' failed to satisfy constraint: Member must not be null");
            }
            Integer w = t.integer("Weight");
            // "If you specify multiple target groups, you must specify a weight for each target group"
            // (ALB User Guide, Listeners, forward actions); with one, the weight defaults to 1.
            if (w == null && tgs.size() > 1) {
                throw QueryParams.validation("A weight must be specified for each target group when a forward action "
                        + "has more than one target group");
            }
            int weight = w == null ? 1 : w;
            if (weight < 0 || weight > MAX_WEIGHT) {
                throw QueryParams.validation("Value '" + weight + "' at '" + at + ".forwardConfig.targetGroups." + (j + 1)
                        + ".member.weight' failed to satisfy constraint: Member must have value "
                        + (weight < 0 ? "greater than or equal to 0" : "less than or equal to " + MAX_WEIGHT));
            }
            if (!seen.add(arn)) {
                throw QueryParams.validation("Target group '" + arn + "' is specified more than once in the forward action");
            }
            weighted.add(new Action.WeightedTargetGroup(arn, weight));
        }
        if (weighted.isEmpty()) {
            weighted.add(new Action.WeightedTargetGroup(single, 1));
        } else if (single != null && !(weighted.size() == 1 && weighted.get(0).arn().equals(single))) {
            throw QueryParams.validation("You cannot specify a target group ARN in both the action and its forward "
                    + "configuration unless they are the same single target group");
        }
        for (Action.WeightedTargetGroup w : weighted) {
            TargetGroup tg = targetGroup(r, w.arn());
            if (!tg.vpcId.equals(lb.vpcId)) {
                throw QueryParams.validation("The target group '" + tg.arn + "' is in VPC '" + tg.vpcId
                        + "', not in the load balancer's VPC '" + lb.vpcId + "'");
            }
            for (Alb other : r.loadBalancersOf(tg)) {
                if (other != lb) {
                    throw new AwsException("TargetGroupAssociationLimit", "The following target groups cannot be "
                            + "associated with more than one load balancer: " + tg.arn);
                }
            }
        }
        QueryParams sticky = a.sub("ForwardConfig").sub("TargetGroupStickinessConfig");
        boolean stickiness = "true".equalsIgnoreCase(sticky.string("Enabled"));
        Integer duration = sticky.integer("DurationSeconds");
        // DurationSeconds 1–604800 (7 days), "required if target group stickiness is enabled"
        // (ELBv2 API Reference, TargetGroupStickinessConfig).
        if (stickiness && duration == null) {
            throw QueryParams.validation("A duration must be specified when target group stickiness is enabled");
        }
        if (duration != null && (duration < 1 || duration > 604_800)) {
            throw QueryParams.validation("Value '" + duration + "' at '" + at + ".forwardConfig.targetGroupStickinessConfig"
                    + ".durationSeconds' failed to satisfy constraint: Member must have value "
                    + (duration < 1 ? "greater than or equal to 1" : "less than or equal to 604800"));
        }
        return new Action(Action.FORWARD, order, weighted.size() == 1 ? weighted.get(0).arn() : null,
                List.copyOf(weighted), stickiness, duration == null ? 0 : duration, null, null);
    }

    private static List<Rule.Condition> conditions(List<QueryParams> given) {
        List<Rule.Condition> out = new ArrayList<>();
        for (QueryParams c : given) {
            String field = c.string("Field");
            if (field == null) {
                throw QueryParams.validation("A condition field must be specified");
            }
            List<String> values = new ArrayList<>(c.strings("Values"));
            String config = switch (field) {
                case "host-header" -> "HostHeaderConfig";
                case "path-pattern" -> "PathPatternConfig";
                default -> throw QueryParams.validation("The sandbox models host-header and path-pattern conditions, not '"
                        + field + "'");
            };
            values.addAll(c.sub(config).strings("Values"));
            if (values.isEmpty()) {
                throw QueryParams.validation("A condition must have at least one value");
            }
            out.add(new Rule.Condition(field, List.copyOf(values)));
        }
        return List.copyOf(out);
    }

    private static String or(String v, String dflt) {
        return v == null ? dflt : v;
    }

    // ---- lookups and errors --------------------------------------------------------------------------------

    private static Listener listener(ElbRegion r, String arn) {
        Listener l = r.listenersByArn.get(arn);
        if (l == null) {
            throw new AwsException("ListenerNotFound", "One or more listeners not found");
        }
        return l;
    }

    private static TargetGroup targetGroup(ElbRegion r, String arn) {
        TargetGroup tg = r.tgsByArn.get(arn);
        if (tg == null) {
            throw targetGroupNotFound(arn);
        }
        return tg;
    }

    private static AwsException loadBalancerNotFound(String arn) {
        return new AwsException("LoadBalancerNotFound", "One or more load balancers not found");
    }

    private static AwsException targetGroupNotFound(String arn) {
        return new AwsException("TargetGroupNotFound", "One or more target groups not found");
    }

    // ---- pagination ------------------------------------------------------------------------------------------

    private record Page<T>(List<T> items, String next) {
    }

    private static <T> Page<T> page(List<T> all, QueryParams p) {
        Integer size = p.integer("PageSize");
        if (size != null && (size < 1 || size > MAX_PAGE)) {
            throw QueryParams.validation("Value '" + size + "' at 'pageSize' failed to satisfy constraint: Member must "
                    + "have value " + (size < 1 ? "greater than or equal to 1" : "less than or equal to " + MAX_PAGE));
        }
        int pageSize = size == null ? MAX_PAGE : size;
        int from = 0;
        String marker = p.string("Marker");
        if (marker != null) {
            try {
                from = Integer.parseInt(new String(Base64.getDecoder().decode(marker), StandardCharsets.UTF_8).substring(2));
            } catch (RuntimeException e) {
                throw QueryParams.validation("The marker '" + marker + "' is not valid");
            }
            if (from < 0 || from > all.size()) {
                throw QueryParams.validation("The marker '" + marker + "' is not valid");
            }
        }
        int to = Math.min(all.size(), from + pageSize);
        String next = to < all.size()
                ? Base64.getEncoder().encodeToString(("p:" + to).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(all.subList(from, to), next);
    }

    // ---- XML -------------------------------------------------------------------------------------------------

    static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    private static Xml loadBalancer(Xml out, Alb lb) {
        out.leaf("LoadBalancerArn", lb.arn).leaf("DNSName", lb.dnsName)
                .leaf("CanonicalHostedZoneId", Alb.CANONICAL_ZONE_US_EAST_1).leaf("CreatedTime", time(lb.createdAt))
                .leaf("LoadBalancerName", lb.name).leaf("Scheme", lb.scheme).leaf("VpcId", lb.vpcId)
                .open("State").leaf("Code", "active").close("State").leaf("Type", "application")
                .open("AvailabilityZones");
        for (int i = 0; i < lb.zones.size(); i++) {
            out.open("member").leaf("ZoneName", lb.zones.get(i)).leaf("SubnetId", lb.subnets.get(i))
                    .open("LoadBalancerAddresses").close("LoadBalancerAddresses").close("member");
        }
        return out.close("AvailabilityZones").open("SecurityGroups").leaf("member", lb.securityGroup)
                .close("SecurityGroups").leaf("IpAddressType", "ipv4");
    }

    private static Xml targetGroup(Xml out, ElbRegion r, TargetGroup tg) {
        out.leaf("TargetGroupArn", tg.arn).leaf("TargetGroupName", tg.name).leaf("Protocol", tg.protocol)
                .leaf("Port", tg.port).leaf("VpcId", tg.vpcId).leaf("HealthCheckProtocol", "HTTP")
                .leaf("HealthCheckPort", "traffic-port").leaf("HealthCheckEnabled", true)
                .leaf("HealthCheckIntervalSeconds", 5).leaf("HealthCheckTimeoutSeconds", 4)
                .leaf("HealthyThresholdCount", 2).leaf("UnhealthyThresholdCount", 2)
                .leaf("HealthCheckPath", tg.healthCheckPath).open("Matcher").leaf("HttpCode", "200").close("Matcher")
                .open("LoadBalancerArns");
        for (Alb lb : r.loadBalancersOf(tg)) {
            out.leaf("member", lb.arn);
        }
        return out.close("LoadBalancerArns").leaf("TargetType", "instance").leaf("ProtocolVersion", "HTTP1")
                .leaf("IpAddressType", "ipv4");
    }

    private static Xml listener(Xml out, Listener l) {
        out.leaf("ListenerArn", l.arn).leaf("LoadBalancerArn", l.lb.arn).leaf("Port", l.port).leaf("Protocol", l.protocol);
        if (l.certificateArn != null) {
            out.open("Certificates").open("member").leaf("CertificateArn", l.certificateArn).close("member")
                    .close("Certificates").leaf("SslPolicy", l.sslPolicy);
        }
        return actions(out.open("DefaultActions"), l.defaultActions, true).close("DefaultActions");
    }

    private static Xml rule(Xml out, Rule rule) {
        out.leaf("RuleArn", rule.arn).leaf("Priority", String.valueOf(rule.priority)).open("Conditions");
        for (Rule.Condition c : rule.conditions) {
            String config = c.field().equals("host-header") ? "HostHeaderConfig" : "PathPatternConfig";
            out.open("member").leaf("Field", c.field()).open("Values");
            c.values().forEach(v -> out.leaf("member", v));
            out.close("Values").open(config).open("Values");
            c.values().forEach(v -> out.leaf("member", v));
            out.close("Values").close(config).close("member");
        }
        out.close("Conditions");
        return actions(out, rule.actions).leaf("IsDefault", false);
    }

    private static Xml actions(Xml out, List<Action> actions) {
        return actions(out.open("Actions"), actions, true).close("Actions");
    }

    private static Xml actions(Xml out, List<Action> actions, boolean members) {
        for (Action a : actions) {
            out.open("member").leaf("Type", a.type());
            if (a.isForward()) {
                out.leaf("TargetGroupArn", a.singleTargetGroupArn());
            }
            out.leaf("Order", a.order());
            if (a.isForward()) {
                out.open("ForwardConfig").open("TargetGroups");
                for (Action.WeightedTargetGroup w : a.targetGroups()) {
                    out.open("member").leaf("TargetGroupArn", w.arn()).leaf("Weight", w.weight()).close("member");
                }
                out.close("TargetGroups").open("TargetGroupStickinessConfig").leaf("Enabled", a.stickiness());
                if (a.stickiness()) {
                    out.leaf("DurationSeconds", a.stickinessSeconds());
                }
                out.close("TargetGroupStickinessConfig").close("ForwardConfig");
            }
            if (a.redirect() != null) {
                Action.Redirect r = a.redirect();
                out.open("RedirectConfig").leaf("Protocol", r.protocol()).leaf("Port", r.port()).leaf("Host", r.host())
                        .leaf("Path", r.path()).leaf("Query", r.query()).leaf("StatusCode", r.statusCode())
                        .close("RedirectConfig");
            }
            if (a.fixedResponse() != null) {
                Action.FixedResponse f = a.fixedResponse();
                out.open("FixedResponseConfig").leaf("MessageBody", f.messageBody()).leaf("StatusCode", f.statusCode())
                        .leaf("ContentType", f.contentType()).close("FixedResponseConfig");
            }
            out.close("member");
        }
        return out;
    }
}
