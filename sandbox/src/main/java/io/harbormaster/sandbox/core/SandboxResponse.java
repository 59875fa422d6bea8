package io.harbormaster.sandbox.core;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What goes back on the wire: status, content type, extra headers, body. */
public record SandboxResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    public static SandboxResponse of(int status, String contentType, String requestId, byte[] body) {
        return new SandboxResponse(status, contentType, Map.of("x-amzn-RequestId", requestId), body);
    }

    public static SandboxResponse text(int status, String contentType, String requestId, String body) {
        return of(status, contentType, requestId, body.getBytes(StandardCharsets.UTF_8));
    }
}
