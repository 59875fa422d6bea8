package io.harbormaster.model.cost.repack;

/** What the what-if does with static host ports. */
public enum PortMode {
    /** Keep them: two tasks binding the same host port cannot share a host. */
    STATIC,
    /** Map them dynamically, as behind an ALB: ports no longer keep tasks apart. */
    DYNAMIC
}
