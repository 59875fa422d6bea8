package io.harbormaster.sandbox.elb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What one account sees of ELBv2 in one region. */
public final class ElbRegion {

    final String account;
    final String region;
    final String vpcId;
    final TreeMap<String, Alb> lbsByName = new TreeMap<>();
    final Map<String, Alb> lbsByArn = new TreeMap<>();
    final TreeMap<String, TargetGroup> tgsByName = new TreeMap<>();
    final Map<String, TargetGroup> tgsByArn = new TreeMap<>();
    final Map<String, Listener> listenersByArn = new TreeMap<>();
    final Map<String, Rule> rulesByArn = new TreeMap<>();

    ElbRegion(String account, String region, String vpcId) {
        this.account = account;
        this.region = region;
        this.vpcId = vpcId;
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    public String vpcId() {
        return vpcId;
    }

    public List<Alb> loadBalancers() {
        return new ArrayList<>(lbsByName.values());
    }

    public List<TargetGroup> targetGroups() {
        return new ArrayList<>(tgsByName.values());
    }

    public Alb loadBalancerByDns(String dns) {
        String d = dns.toLowerCase(java.util.Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (d.startsWith("dualstack.")) {
            d = d.substring("dualstack.".length());
        }
        for (Alb lb : lbsByName.values()) {
            if (lb.dnsName.equals(d)) {
                return lb;
            }
        }
        return null;
    }

    public TargetGroup targetGroup(String arn) {
        return tgsByArn.get(arn);
    }

    /** The load balancers whose listeners or rules forward to the group (AWS's LoadBalancerArns). */
    public Set<Alb> loadBalancersOf(TargetGroup tg) {
        Set<Alb> out = new LinkedHashSet<>();
        for (Alb lb : lbsByName.values()) {
            for (Listener l : lb.listeners) {
                if (references(l.defaultActions, tg.arn)) {
                    out.add(lb);
                }
                for (Rule r : l.rules) {
                    if (references(r.actions, tg.arn)) {
                        out.add(lb);
                    }
                }
            }
        }
        return out;
    }

    static boolean references(List<Action> actions, String tgArn) {
        for (Action a : actions) {
            for (Action.WeightedTargetGroup w : a.targetGroups()) {
                if (w.arn().equals(tgArn)) {
                    return true;
                }
            }
        }
        return false;
    }
}
