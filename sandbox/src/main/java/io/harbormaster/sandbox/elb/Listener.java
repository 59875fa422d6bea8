package io.harbormaster.sandbox.elb;

import java.util.ArrayList;
import java.util.List;

/** A listener: port and protocol, default actions, and its rules in priority order. */
public final class Listener {

    final String arn;
    final Alb lb;
    final String defaultRuleArn;
    int port;
    String protocol;
    String certificateArn;
    String sslPolicy;
    List<Action> defaultActions;
    final List<Rule> rules = new ArrayList<>();

    Listener(String arn, Alb lb, String defaultRuleArn, int port, String protocol, String certificateArn,
             List<Action> defaultActions) {
        this.arn = arn;
        this.lb = lb;
        this.defaultRuleArn = defaultRuleArn;
        this.port = port;
        this.protocol = protocol;
        this.certificateArn = certificateArn;
        this.sslPolicy = certificateArn == null ? null : "ELBSecurityPolicy-TLS13-1-2-2021-06";
        this.defaultActions = defaultActions;
    }

    public String arn() {
        return arn;
    }

    public Alb loadBalancer() {
        return lb;
    }

    public int port() {
        return port;
    }

    public String protocol() {
        return protocol;
    }

    public List<Action> defaultActions() {
        return defaultActions;
    }

    /** Non-default rules, lowest priority number first. */
    public List<Rule> rules() {
        return List.copyOf(rules);
    }

    void sortRules() {
        rules.sort((a, b) -> Integer.compare(a.priority, b.priority));
    }
}
