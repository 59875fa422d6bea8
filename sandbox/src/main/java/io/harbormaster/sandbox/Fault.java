package io.harbormaster.sandbox;

/**
 * What goes wrong with the tasks of an image. Chosen per image with {@link SandboxControl#setImageFault}; images
 * whose name or tag contains a marker get one by default (see sandbox/README.md):
 * {@code faulty} → {@link #FAIL_HEALTH_CHECK}, {@code crashloop} → {@link #CRASH_ON_START},
 * {@code flaky} → {@link #SERVE_ERRORS}.
 */
public enum Fault {
    /** Healthy. */
    NONE,
    /** Tasks reach RUNNING, then fail their (ELB or container) health checks and are stopped and replaced. */
    FAIL_HEALTH_CHECK,
    /** The essential container exits with code 1 a few seconds after starting; tasks are replaced. */
    CRASH_ON_START,
    /** Tasks stay healthy for ECS but answer a share of requests with 5xx (for the traffic and metrics model). */
    SERVE_ERRORS
}
