package io.harbormaster.sandbox.core;

/**
 * One AWS service (or one protocol of it) on the sandbox's single endpoint. The router offers every request to
 * each handler in registration order; the first that {@link #accepts} it answers it.
 */
public interface ServiceHandler {

    /** A short name for logs and the README, e.g. "ecs". */
    String name();

    boolean accepts(SandboxRequest request);

    /** Answers the request; AWS errors are answered in the handler's own protocol, never thrown. */
    SandboxResponse handle(SandboxRequest request);
}
