package io.harbormaster.sandbox.route53;

import io.harbormaster.sandbox.elb.Alb;
import io.harbormaster.sandbox.elb.Elb;
import io.harbormaster.sandbox.elb.ElbRegion;
import io.harbormaster.sandbox.elb.Environments;
import io.harbormaster.sandbox.elb.Listener;
import io.harbormaster.sandbox.elb.Rule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet's DNS: per environment a public zone (example.com, stage.example.com, dev.example.com) and a private one
 * (prod.internal, …). Every host-header rule of a load balancer gets an alias A record to it; a blue/green pair of
 * load balancers ({@code api-blue}, {@code api-green}) gets weighted alias records {@code api.<domain>} with set
 * identifiers blue (weight 100) and green (weight 0), ready for a cutover.
 *
 * <p>Prod's zone also holds names whose targets live in another account, as real estates do: {@code www.example.com}
 * is weighted between stage's app-alb (set {@code stage}, weight 100: the old environment still serving it) and
 * prod's (set {@code prod}, weight 0); {@code beta.example.com} is a pair of weighted CNAMEs with plain values and
 * a TTL of 300 s to stage's api-blue (100) and api-green (0) — a zone in prod, both load balancers in stage.
 */
final class Route53Fleet {

    private Route53Fleet() {
    }

    static void build(Route53 r53, Elb elb) {
        Map<String, HostedZone> publicZones = new HashMap<>();
        for (ElbRegion region : elb.regions()) {
            String account = region.account();
            String env = Environments.of(account);
            HostedZone pub = r53.createZone(account, Environments.publicDomain(env),
                    "Public names of the " + env + " environment", false, null);
            HostedZone internal = r53.createZone(account, Environments.internalDomain(env),
                    "Internal names of the " + env + " environment", true, region.vpcId());
            r53.put(pub, new RecordSet(pub.name, "TXT", null, null, null, null, null, 300L,
                    List.of("\"v=spf1 include:_spf.google.com ~all\""), null, null));
            publicZones.put(env, pub);
            for (Alb lb : region.loadBalancers()) {
                String name = lb.name();
                if (name.endsWith("-blue") || name.endsWith("-green")) {
                    boolean blue = name.endsWith("-blue");
                    String base = name.substring(0, name.lastIndexOf('-'));
                    r53.put(pub, alias(base + "." + pub.name, blue ? "blue" : "green", blue ? 100L : 0L, lb));
                    continue;
                }
                for (Listener l : lb.listeners()) {
                    for (Rule rule : l.rules()) {
                        for (Rule.Condition c : rule.conditions()) {
                            if (!c.field().equals("host-header")) {
                                continue;
                            }
                            for (String host : c.values()) {
                                String fqdn = RecordSet.normalize(host);
                                HostedZone z = internal.contains(fqdn) ? internal : pub.contains(fqdn) ? pub : null;
                                if (z != null && !z.records.containsKey(new RecordSet.Key(fqdn, "A", null))) {
                                    r53.put(z, alias(fqdn, null, null, lb));
                                }
                            }
                        }
                    }
                }
            }
        }
        acrossAccounts(r53, elb, publicZones);
    }

    private static void acrossAccounts(Route53 r53, Elb elb, Map<String, HostedZone> publicZones) {
        HostedZone prod = publicZones.get("prod");
        Alb prodSite = loadBalancer(elb, "prod", "app-alb");
        Alb stageSite = loadBalancer(elb, "stage", "app-alb");
        if (prod == null || prodSite == null || stageSite == null) {
            return;
        }
        String site = "www." + prod.name; // served by both app-albs through a host-header rule (ElbFleet)
        prod.records.remove(new RecordSet.Key(site, "A", null)); // the simple alias the host rule gave it above
        r53.put(prod, alias(site, "stage", 100L, stageSite));
        r53.put(prod, alias(site, "prod", 0L, prodSite));
        Alb blue = loadBalancer(elb, "stage", "api-blue");
        Alb green = loadBalancer(elb, "stage", "api-green");
        if (blue != null && green != null) {
            r53.put(prod, cname("beta." + prod.name, "blue", 100L, blue));
            r53.put(prod, cname("beta." + prod.name, "green", 0L, green));
        }
    }

    private static Alb loadBalancer(Elb elb, String env, String name) {
        for (ElbRegion region : elb.regions()) {
            if (Environments.of(region.account()).equals(env) && region.region().equals("us-east-1")) {
                for (Alb lb : region.loadBalancers()) {
                    if (lb.name().equals(name)) {
                        return lb;
                    }
                }
            }
        }
        return null;
    }

    private static RecordSet cname(String name, String setIdentifier, Long weight, Alb lb) {
        return new RecordSet(RecordSet.normalize(name), "CNAME", setIdentifier, weight, null, null, null, 300L,
                List.of(lb.dnsName()), null, null);
    }

    private static RecordSet alias(String name, String setIdentifier, Long weight, Alb lb) {
        return new RecordSet(RecordSet.normalize(name), "A", setIdentifier, weight, null, null, null, null, List.of(),
                new RecordSet.AliasTarget(Alb.CANONICAL_ZONE_US_EAST_1, lb.dnsName() + ".", false), null);
    }
}
