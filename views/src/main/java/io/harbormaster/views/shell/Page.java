package io.harbormaster.views.shell;

import io.harbormaster.views.actions.StandardAction;

/** The navigation targets, in sidebar order, and what each will show once built. */
public enum Page {
    CLUSTERS("clusters", StandardAction.NAV_CLUSTERS, ""),
    SERVICES("services", StandardAction.NAV_SERVICES, ""),
    ALL_ENVIRONMENTS("allenv", StandardAction.NAV_ALL_ENVIRONMENTS, ""),
    COMPARE("compare", StandardAction.NAV_COMPARE, ""),
    HOSTS("hosts", StandardAction.NAV_HOSTS, ""),
    METRICS("metrics", StandardAction.NAV_METRICS, ""),
    DEPLOYS("deploys", StandardAction.NAV_DEPLOYS,
            "A step-by-step wizard to roll a new image out to a service, with a diff of what changes and a "
                    + "guard that makes you type the service name in production."),
    CUTOVERS("cutovers", StandardAction.NAV_CUTOVERS,
            "Weighted blue/green cutovers: shift traffic between target groups or Route 53 records step by step, "
                    + "watch the metrics, and roll back from any step.");

    private final String id;
    private final StandardAction action;
    private final String comingSoon;

    Page(String id, StandardAction action, String comingSoon) {
        this.id = id;
        this.action = action;
        this.comingSoon = comingSoon;
    }

    /** Short, stable id: node ids are {@code nav-<id>}. */
    public String id() {
        return id;
    }

    public StandardAction action() {
        return action;
    }

    public String title() {
        return action.text();
    }

    /** What the page will show; empty for pages that are built. */
    public String comingSoon() {
        return comingSoon;
    }

    public boolean built() {
        return comingSoon.isEmpty();
    }
}
