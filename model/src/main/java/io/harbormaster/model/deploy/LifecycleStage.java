package io.harbormaster.model.deploy;

/**
 * The stages of an ECS service deployment, as ECS names them ({@code ServiceDeploymentLifecycleStage} and the hook
 * stages), in the order a blue/green deployment passes them. {@link #UNKNOWN} for a stage newer than this console.
 */
public enum LifecycleStage {
    RECONCILE_SERVICE, PRE_SCALE_UP, SCALE_UP, POST_SCALE_UP, TEST_TRAFFIC_SHIFT, POST_TEST_TRAFFIC_SHIFT,
    PRE_PRODUCTION_TRAFFIC_SHIFT, PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT, BAKE_TIME, CLEAN_UP,
    UNKNOWN;

    /** Whether a lifecycle hook may be attached here (ECS accepts hooks on every stage but SCALE_UP, BAKE_TIME and
     *  CLEAN_UP). */
    public boolean hookable() {
        return this != SCALE_UP && this != BAKE_TIME && this != CLEAN_UP && this != UNKNOWN;
    }

    /** PAUSE hooks cannot wait on the traffic shifts themselves (ECS rejects them there). */
    public boolean pausable() {
        return hookable() && this != TEST_TRAFFIC_SHIFT && this != PRODUCTION_TRAFFIC_SHIFT;
    }

    public static LifecycleStage parse(String name) {
        if (name == null || name.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
