package io.harbormaster.sandbox.route53;

/**
 * Told (under the world lock, at the sandbox time) when what clients resolve changes: a change is INSYNC and the
 * answers resolvers cached before it have expired.
 */
public interface Route53Observer {

    void recordsResolved(String account);
}
