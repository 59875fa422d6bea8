package io.harbormaster.sandbox.route53;

/** Told (under the world lock, at the sandbox time) when a change reaches INSYNC and resolvers see new records. */
public interface Route53Observer {

    void recordsInSync(String account);
}
