package io.harbormaster.sandbox.elb;

/** Told (under the world lock, at the sandbox time of the change) when traffic would flow differently. */
public interface ElbObserver {

    /** Listener or rule actions changed in an account and region. */
    default void routingChanged(String account, String region) {
    }

    /** A target group's targets registered, deregistered or changed health. */
    default void targetsChanged(TargetGroup targetGroup) {
    }
}
