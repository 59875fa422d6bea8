package io.harbormaster.sandbox.elb;

import java.util.List;

/** A listener rule: conditions (host-header, path-pattern) and actions, evaluated in priority order. */
public final class Rule {

    /** A condition; values are the host names or path patterns it matches (with * and ? wildcards). */
    public record Condition(String field, List<String> values) {
    }

    final String arn;
    final Listener listener;
    int priority;
    List<Condition> conditions;
    List<Action> actions;

    Rule(String arn, Listener listener, int priority, List<Condition> conditions, List<Action> actions) {
        this.arn = arn;
        this.listener = listener;
        this.priority = priority;
        this.conditions = conditions;
        this.actions = actions;
    }

    public String arn() {
        return arn;
    }

    public int priority() {
        return priority;
    }

    public List<Condition> conditions() {
        return conditions;
    }

    public List<Action> actions() {
        return actions;
    }
}
