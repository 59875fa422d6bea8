package io.harbormaster.sandbox.core;

/**
 * What an IAM user's identity-based policies allow (the policies attached to the user; its GetSessionToken sessions
 * carry the same). Roles keep the sandbox's coarse admin / read-only model.
 */
@FunctionalInterface
public interface Permissions {

    /** Nothing allowed: the implicit deny of a user without policies. */
    Permissions NONE = (action, resource) -> false;

    /**
     * @param action   "service:Operation", e.g. "logs:PutLogEvents"
     * @param resource the resource's ARN as the service's authorization reference names it, or "*"
     */
    boolean allows(String action, String resource);
}
