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

    /**
     * The error in this handler's protocol, as if its operation had raised it (used by the fault injector). The
     * default is the rest-json shape: the code in {@code x-amzn-ErrorType}, {@code {"message": …}} as the body.
     */
    default SandboxResponse error(AwsException e, String requestId) {
        String body = "{\"message\":\"" + e.getMessage().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return new SandboxResponse(e.status(), "application/json",
                java.util.Map.of("x-amzn-RequestId", requestId, "x-amzn-ErrorType", e.jsonCode()),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
