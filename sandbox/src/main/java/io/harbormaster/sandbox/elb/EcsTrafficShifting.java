package io.harbormaster.sandbox.elb;

import io.harbormaster.sandbox.ecs.LoadBalancing;
import java.util.ArrayList;
import java.util.List;

/**
 * ELB's side of ECS blue/green, linear and canary deployments: ECS moves a listener rule's forward weights between
 * the production and alternate target groups the way it would with ModifyRule (the whole forward action replaced),
 * and the traffic model follows through {@link Elb#routingChanged}. A listener ARN (an NLB's production listener)
 * means the listener's default actions.
 */
final class EcsTrafficShifting implements LoadBalancing {

    private final Elb elb;

    EcsTrafficShifting(Elb elb) {
        this.elb = elb;
    }

    @Override
    public boolean targetGroupExists(String account, String region, String targetGroupArn) {
        ElbRegion r = elb.existingRegion(account, region);
        return r != null && r.tgsByArn.containsKey(targetGroupArn);
    }

    @Override
    public boolean ruleExists(String account, String region, String ruleOrListenerArn) {
        return actionsOf(account, region, ruleOrListenerArn) != null;
    }

    @Override
    public List<Weighted> forwardWeights(String account, String region, String ruleOrListenerArn) {
        List<Action> actions = actionsOf(account, region, ruleOrListenerArn);
        List<Weighted> out = new ArrayList<>();
        if (actions != null) {
            for (Action a : actions) {
                if (a.isForward()) {
                    a.targetGroups().forEach(w -> out.add(new Weighted(w.arn(), w.weight())));
                }
            }
        }
        return out;
    }

    @Override
    public void setForwardWeights(String account, String region, String ruleOrListenerArn, List<Weighted> targets) {
        ElbRegion r = elb.existingRegion(account, region);
        List<Action> actions = actionsOf(account, region, ruleOrListenerArn);
        if (r == null || actions == null) {
            return;
        }
        List<Action.WeightedTargetGroup> groups = new ArrayList<>();
        targets.forEach(t -> groups.add(new Action.WeightedTargetGroup(t.targetGroupArn(), t.weight())));
        List<Action> replaced = new ArrayList<>();
        boolean done = false;
        for (Action a : actions) {
            if (a.isForward() && !done) {
                replaced.add(new Action(Action.FORWARD, a.order(), groups.size() == 1 ? groups.get(0).arn() : null,
                        List.copyOf(groups), a.stickiness(), a.stickinessSeconds(), null, null));
                done = true;
            } else {
                replaced.add(a);
            }
        }
        Rule rule = r.rulesByArn.get(ruleOrListenerArn);
        if (rule != null) {
            rule.actions = List.copyOf(replaced);
        } else {
            Listener l = listener(r, ruleOrListenerArn);
            l.defaultActions = List.copyOf(replaced);
        }
        elb.routingChanged(account, region);
    }

    private List<Action> actionsOf(String account, String region, String arn) {
        ElbRegion r = elb.existingRegion(account, region);
        if (r == null || arn == null) {
            return null;
        }
        Rule rule = r.rulesByArn.get(arn);
        if (rule != null) {
            return rule.actions;
        }
        Listener l = listener(r, arn);
        return l == null ? null : l.defaultActions;
    }

    private static Listener listener(ElbRegion r, String arn) {
        Listener l = r.listenersByArn.get(arn);
        if (l != null) {
            return l;
        }
        for (Listener candidate : r.listenersByArn.values()) {
            if (candidate.defaultRuleArn.equals(arn)) {
                return candidate;
            }
        }
        return null;
    }
}
