package io.harbormaster.sandbox.elb;

import io.harbormaster.sandbox.ecs.Cluster;
import io.harbormaster.sandbox.ecs.EcsRegion;
import io.harbormaster.sandbox.ecs.LoadBalancer;
import io.harbormaster.sandbox.ecs.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The load balancers of the generated fleet, derived from the ECS services that name target groups. A service
 * whose name ends in -blue or -green (prod's and stage's api) gets an ALB of its own with one target group, ready
 * for a weighted Route 53 cutover; every other load-balanced service shares its cluster's ALB ({@code <cluster>-alb})
 * through a host-header rule for {@code <service>.<domain>}. The internal cluster's ALB is internal and plain HTTP.
 */
final class ElbFleet {

    private final Elb elb;
    private final SplittableRandom random;
    private final Instant now;

    ElbFleet(Elb elb, long seed, Instant now) {
        this.elb = elb;
        this.random = new SplittableRandom(seed ^ 0xE1B_F1EE7L);
        this.now = now;
    }

    void build() {
        for (EcsRegion er : elb.ecs().regions()) {
            String env = Environments.of(er.account());
            Map<String, List<Service>> shared = new LinkedHashMap<>();
            List<Service> dedicated = new ArrayList<>();
            ElbRegion region = null;
            for (Cluster c : er.clusters()) {
                for (Service s : c.services()) {
                    for (LoadBalancer lb : s.loadBalancers()) {
                        if (lb.targetGroupArn() == null || elb.targetGroup(lb.targetGroupArn()) != null) {
                            continue;
                        }
                        region = region != null ? region : elb.region(er.account(), er.region());
                        targetGroup(region, env, s, lb);
                        if (s.name().endsWith("-blue") || s.name().endsWith("-green")) {
                            dedicated.add(s);
                        } else {
                            shared.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(s);
                            alternateTargetGroup(region, env, s, lb);
                        }
                    }
                }
            }
            if (region == null) {
                continue;
            }
            for (Service s : dedicated) {
                Alb lb = loadBalancer(region, env, s.name(), false);
                String tg = s.loadBalancers().get(0).targetGroupArn();
                listener(region, lb, 443, "HTTPS", List.of(Action.forward(tg)));
                listener(region, lb, 80, "HTTP", List.of(Action.redirectToHttps()));
            }
            for (Map.Entry<String, List<Service>> e : shared.entrySet()) {
                boolean internal = e.getKey().equals("internal");
                Alb lb = loadBalancer(region, env, e.getKey() + "-alb", internal);
                String domain = internal ? Environments.internalDomain(env) : Environments.publicDomain(env);
                Listener main = internal
                        ? listener(region, lb, 80, "HTTP", List.of(Action.notFound()))
                        : listener(region, lb, 443, "HTTPS", List.of(Action.notFound()));
                if (!internal) {
                    listener(region, lb, 80, "HTTP", List.of(Action.redirectToHttps()));
                }
                int priority = 10;
                for (Service s : e.getValue()) {
                    for (LoadBalancer l : s.loadBalancers()) {
                        if (l.targetGroupArn() != null) {
                            Rule r = new Rule(ruleArn(main), main, priority,
                                    List.of(new Rule.Condition("host-header", List.of(s.name() + "." + domain))),
                                    List.of(Action.forward(l.targetGroupArn())));
                            elb.add(region, r);
                            priority += 10;
                        }
                    }
                }
                siteRule(region, env, main, e.getValue(), priority);
            }
        }
    }

    /**
     * The public site {@value #SITE} is served by app-web in prod and, still, in stage — the old environment it is
     * being moved from (a weighted Route 53 record in prod's zone splits it between the two accounts).
     */
    private void siteRule(ElbRegion region, String env, Listener main, List<Service> services, int priority) {
        if (!env.equals("prod") && !env.equals("stage")) {
            return;
        }
        for (Service s : services) {
            if (s.name().equals("app-web") && s.loadBalancers().get(0).targetGroupArn() != null) {
                elb.add(region, new Rule(ruleArn(main), main, priority,
                        List.of(new Rule.Condition("host-header", List.of(SITE))),
                        List.of(Action.forward(s.loadBalancers().get(0).targetGroupArn()))));
            }
        }
    }

    /** The public site's name, served by both prod's and stage's app-alb. */
    static final String SITE = "www.example.com";

    private void targetGroup(ElbRegion region, String env, Service s, LoadBalancer lb) {
        String arn = lb.targetGroupArn();
        String rest = arn.substring(arn.indexOf(":targetgroup/") + ":targetgroup/".length());
        String name = rest.substring(0, rest.indexOf('/'));
        String id = rest.substring(rest.indexOf('/') + 1);
        TargetGroup tg = new TargetGroup(name, id, arn, region.account, region.region, "HTTP", lb.containerPort(),
                region.vpcId, "/health", now.minus(Duration.ofDays(300 + random.nextInt(400))));
        tg.tags.put("Environment", env);
        tg.tags.put("Service", s.name());
        elb.add(region, tg);
    }

    /**
     * The second target group an ECS blue/green, linear or canary deployment needs (ECS Developer Guide, "Application
     * Load Balancer resources for blue/green deployments"): {@code <group>-alt}, same port and health check, no
     * targets and on no rule until a deployment puts it on its production listener rule. Its id is derived from the
     * primary's, so the fleet's other random draws stay as they were.
     */
    private void alternateTargetGroup(ElbRegion region, String env, Service s, LoadBalancer lb) {
        String arn = lb.targetGroupArn();
        String rest = arn.substring(arn.indexOf(":targetgroup/") + ":targetgroup/".length());
        String base = rest.substring(0, rest.indexOf('/'));
        String name = (base.length() > 28 ? base.substring(0, 28) : base) + "-alt";
        String id = Names.hex(arn.hashCode() * 31L + 0xA17, 16);
        String altArn = arn.substring(0, arn.indexOf(":targetgroup/")) + ":targetgroup/" + name + "/" + id;
        TargetGroup tg = new TargetGroup(name, id, altArn, region.account, region.region, "HTTP", lb.containerPort(),
                region.vpcId, "/health", now.minus(Duration.ofDays(30)));
        tg.tags.put("Environment", env);
        tg.tags.put("Service", s.name());
        elb.add(region, tg);
    }

    private Alb loadBalancer(ElbRegion region, String env, String name, boolean internal) {
        String id = Names.hex(random, 16);
        String arn = "arn:aws:elasticloadbalancing:" + region.region + ":" + region.account + ":loadbalancer/app/"
                + name + "/" + id;
        String dns = (internal ? "internal-" : "") + name + "-" + (100_000_000 + random.nextInt(1_900_000_000))
                + "." + region.region + ".elb.amazonaws.com";
        List<String> zones = List.of(region.region + "a", region.region + "b", region.region + "c");
        List<String> subnets = new ArrayList<>();
        for (int i = 0; i < zones.size(); i++) {
            subnets.add("subnet-0" + Names.hex((region.account + zones.get(i) + internal).hashCode(), 16));
        }
        Alb lb = new Alb(name, id, arn, dns, internal ? "internal" : "internet-facing", region.vpcId, zones,
                subnets, "sg-0" + Names.hex(random, 16), now.minus(Duration.ofDays(300 + random.nextInt(400))));
        lb.tags.put("Environment", env);
        lb.tags.put("Name", name);
        elb.add(region, lb);
        return lb;
    }

    private Listener listener(ElbRegion region, Alb lb, int port, String protocol, List<Action> actions) {
        String id = Names.hex(random, 16);
        String arn = "arn:aws:elasticloadbalancing:" + region.region + ":" + region.account + ":listener/app/"
                + lb.name + "/" + lb.id + "/" + id;
        String cert = "HTTPS".equals(protocol) ? "arn:aws:acm:" + region.region + ":" + region.account
                + ":certificate/" + java.util.UUID.nameUUIDFromBytes(lb.arn.getBytes(java.nio.charset.StandardCharsets.UTF_8)) : null;
        Listener l = new Listener(arn, lb, ruleArnFor(arn), port, protocol, cert, actions);
        elb.add(region, l);
        return l;
    }

    private String ruleArn(Listener l) {
        return ruleArnFor(l.arn);
    }

    private String ruleArnFor(String listenerArn) {
        return listenerArn.replace(":listener/", ":listener-rule/") + "/" + Names.hex(random, 16);
    }
}
