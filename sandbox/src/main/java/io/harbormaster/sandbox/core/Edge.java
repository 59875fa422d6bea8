package io.harbormaster.sandbox.core;

import java.util.logging.Level;
import java.util.logging.Logger;

/** What every service handler shares at the edge: request ids, caller resolution, throttling, failure logging. */
public final class Edge {

    private static final Logger LOG = Logger.getLogger("io.harbormaster.sandbox");

    private final RequestIds requestIds;
    private final Authenticator authenticator;
    private final Throttler throttler;

    public Edge(RequestIds requestIds, Authenticator authenticator, Throttler throttler) {
        this.requestIds = requestIds;
        this.authenticator = authenticator;
        this.throttler = throttler;
    }

    public RequestIds requestIds() {
        return requestIds;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    public Throttler throttler() {
        return throttler;
    }

    /** A bug in the sandbox: answered as InternalFailure, logged so it gets fixed. */
    public void logFailure(String service, Throwable t) {
        LOG.log(Level.WARNING, "sandbox " + service + " failed on a request; answered InternalFailure", t);
    }
}
