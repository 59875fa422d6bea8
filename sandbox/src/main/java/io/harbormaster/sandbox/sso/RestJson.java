package io.harbormaster.sandbox.sso;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.SandboxRequest;
import io.harbormaster.sandbox.core.SandboxResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The REST-JSON wire of the Identity Center APIs: JSON bodies, errors named by the x-amzn-ErrorType header. */
final class RestJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** An error answered on the wire; {@code body} carries the members the API's error shape has. */
    static final class Failure extends RuntimeException {
        final int status;
        final String type;
        final ObjectNode body;

        Failure(int status, String type, ObjectNode body) {
            super(type, null, false, false);
            this.status = status;
            this.type = type;
            this.body = body;
        }
    }

    private RestJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static JsonNode body(SandboxRequest r) {
        if (r.body().length == 0) {
            return object();
        }
        try {
            return MAPPER.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new Failure(400, "InvalidRequestException", object().put("error", "invalid_request")
                    .put("error_description", "The request body is not valid JSON."));
        }
    }

    static Map<String, String> query(SandboxRequest r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : r.rawQuery().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    static SandboxResponse ok(String requestId, ObjectNode body) {
        return SandboxResponse.of(200, "application/json", requestId, write(body));
    }

    static SandboxResponse error(String requestId, Failure f) {
        return new SandboxResponse(f.status, "application/json",
                Map.of("x-amzn-RequestId", requestId, "x-amzn-ErrorType", f.type), write(f.body));
    }

    private static byte[] write(ObjectNode n) {
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
