package io.harbormaster.sandbox.traffic;

import io.harbormaster.sandbox.elb.Action;
import io.harbormaster.sandbox.elb.Alb;
import io.harbormaster.sandbox.elb.Listener;
import io.harbormaster.sandbox.elb.Rule;
import io.harbormaster.sandbox.route53.HostedZone;
import io.harbormaster.sandbox.route53.RecordSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Follows requests from DNS names to target groups: a name's records (weighted by Weight, all zero meaning an equal
 * split, as Route 53 answers) lead to load balancers; there the HTTPS listener (an HTTP listener that redirects to
 * HTTPS leads to it) evaluates its rules by priority — host-header against the name, a path-pattern condition taking
 * a fifth of what reaches it — and the matching forward action splits by target group weight. A record may lead
 * to a load balancer of another account (a zone in prod aliasing the old environment's load balancer): its requests
 * are still shares of the zone's environment's traffic.
 *
 * <p>In design mode every weight counts as if it carried everything: what each target group would receive if the
 * operator sent it all of its names' traffic, which sizes each service's capacity.
 */
final class Routes {

    /** The share of a name's requests a path-pattern rule takes. */
    static final double PATH_SHARE = 0.2;

    private final Function<String, Alb> loadBalancers;
    private final Map<String, List<RecordSet>> recordsByName = new HashMap<>();
    private final boolean design;
    private final Map<String, Double> tgShare = new LinkedHashMap<>();
    private final Map<String, String> tgLb = new LinkedHashMap<>();
    private final Map<String, List<String>> lbTgs = new LinkedHashMap<>();
    private final Map<String, Double> lbNoTarget = new LinkedHashMap<>();

    Routes(Function<String, Alb> loadBalancers, List<HostedZone> zones, boolean design) {
        this.loadBalancers = loadBalancers;
        this.design = design;
        List<HostedZone> byLength = new ArrayList<>(zones);
        byLength.sort((a, b) -> Integer.compare(a.name().length(), b.name().length()));
        for (HostedZone z : byLength) {
            Map<String, List<RecordSet>> inZone = new HashMap<>();
            for (RecordSet r : z.recordsResolved()) {
                if (r.type().equals("A") || r.type().equals("CNAME")) {
                    inZone.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
                }
            }
            recordsByName.putAll(inZone); // a more specific zone wins
        }
    }

    /** Where the demand goes; {@code loadBalancers} finds a load balancer of any account by its DNS name. */
    static Routing compute(Function<String, Alb> loadBalancers, List<HostedZone> zones, Map<String, Double> demand,
                           boolean design) {
        Routes r = new Routes(loadBalancers, zones, design);
        demand.forEach(r::resolve);
        return new Routing(Map.copyOf(r.tgShare), Map.copyOf(r.tgLb), Map.copyOf(r.lbTgs), Map.copyOf(r.lbNoTarget));
    }

    /** The names published in the zones, in order. */
    static List<String> names(List<HostedZone> zones) {
        List<String> out = new ArrayList<>();
        for (HostedZone z : zones) {
            for (RecordSet r : z.recordsResolved()) {
                if ((r.type().equals("A") || r.type().equals("CNAME")) && !out.contains(r.name())) {
                    out.add(r.name());
                }
            }
        }
        return out;
    }

    private void resolve(String name, double amount) {
        List<RecordSet> records = recordsByName.get(name);
        if (records == null || records.isEmpty() || amount <= 0) {
            return;
        }
        long total = 0;
        for (RecordSet r : records) {
            total += r.weight() == null ? 0 : r.weight();
        }
        for (RecordSet r : records) {
            double share;
            if (design) {
                share = 1;
            } else if (records.size() == 1) {
                share = 1;
            } else if (total == 0) {
                share = 1.0 / records.size();
            } else {
                share = (r.weight() == null ? 0 : r.weight()) / (double) total;
            }
            String dns = r.alias() != null ? r.alias().dnsName()
                    : r.type().equals("CNAME") && !r.values().isEmpty() ? r.values().get(0) : null;
            Alb lb = dns == null || share == 0 ? null : loadBalancers.apply(dns);
            if (lb != null) {
                Listener l = entry(lb);
                if (l != null) {
                    listener(lb, l, name, amount * share, 0);
                }
            }
        }
    }

    private static Listener entry(Alb lb) {
        Listener first = null;
        for (Listener l : lb.listeners()) {
            if (l.port() == 443) {
                return l;
            }
            first = first == null ? l : first;
        }
        return first;
    }

    private void listener(Alb lb, Listener l, String name, double amount, int hops) {
        double remaining = amount;
        for (Rule rule : l.rules()) {
            boolean hostMatches = true;
            boolean path = false;
            for (Rule.Condition c : rule.conditions()) {
                if (c.field().equals("host-header")) {
                    hostMatches &= matchesAny(c.values(), name);
                } else if (c.field().equals("path-pattern")) {
                    path = true;
                }
            }
            if (!hostMatches) {
                continue;
            }
            double taken = path ? remaining * PATH_SHARE : remaining;
            act(lb, rule.actions(), name, taken, hops);
            remaining -= taken;
            if (remaining <= 0) {
                return;
            }
        }
        act(lb, l.defaultActions(), name, remaining, hops);
    }

    private void act(Alb lb, List<Action> actions, String name, double amount, int hops) {
        for (Action a : actions) {
            if (a.isForward()) {
                long total = 0;
                for (Action.WeightedTargetGroup w : a.targetGroups()) {
                    total += w.weight();
                }
                if (total == 0 && !design) {
                    lbNoTarget.merge(lb.arn(), amount, Double::sum);
                    return;
                }
                for (Action.WeightedTargetGroup w : a.targetGroups()) {
                    double share = design ? 1 : w.weight() / (double) total;
                    if (share > 0) {
                        tgShare.merge(w.arn(), amount * share, Double::sum);
                        if (tgLb.putIfAbsent(w.arn(), lb.arn()) == null) {
                            lbTgs.computeIfAbsent(lb.arn(), k -> new ArrayList<>()).add(w.arn());
                        }
                    }
                }
                return;
            }
            if (Action.REDIRECT.equals(a.type()) && hops == 0) {
                String port = a.redirect().port();
                for (Listener other : lb.listeners()) {
                    if (String.valueOf(other.port()).equals(port) || ("#{port}".equals(port) && other.port() == 443)) {
                        listener(lb, other, name, amount, hops + 1);
                        return;
                    }
                }
                return;
            }
            if (Action.FIXED_RESPONSE.equals(a.type()) || Action.REDIRECT.equals(a.type())) {
                return;
            }
        }
    }

    static boolean matchesAny(List<String> patterns, String name) {
        int end = name.endsWith(".") ? name.length() - 1 : name.length();
        for (String p : patterns) {
            if (glob(p, 0, name, 0, end)) {
                return true;
            }
        }
        return false;
    }

    /**
     * ALB host-header matching: case-insensitive, {@code *} any run of characters, {@code ?} exactly one. Done by
     * hand because it runs for every rule and every name each time routes are rebuilt (2,000 services behind one
     * ALB is 4 million matches), where compiling a regex per match took minutes.
     */
    private static boolean glob(String pattern, int p, String text, int t, int end) {
        int star = -1;
        int afterStar = 0;
        while (t < end) {
            if (p < pattern.length() && (pattern.charAt(p) == '?'
                    || Character.toLowerCase(pattern.charAt(p)) == Character.toLowerCase(text.charAt(t)))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                afterStar = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++afterStar;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
