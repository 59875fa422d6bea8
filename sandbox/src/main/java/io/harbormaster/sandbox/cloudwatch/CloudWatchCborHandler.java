package io.harbormaster.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.harbormaster.sandbox.core.AwsException;
import io.harbormaster.sandbox.core.Call;
import io.harbormaster.sandbox.core.Caller;
import io.harbormaster.sandbox.core.Edge;
import io.harbormaster.sandbox.core.SandboxRequest;
import io.harbormaster.sandbox.core.SandboxResponse;
import io.harbormaster.sandbox.core.ServiceHandler;
import io.harbormaster.sandbox.core.World;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudWatch over Smithy RPC v2 CBOR (SDK v2 ≥ 2.40.7): {@code POST /service/GraniteServiceVersion20100801/operation/<Op>}
 * with {@code Smithy-Protocol: rpc-v2-cbor} and a CBOR body. Answers are CBOR with the same header; errors are a
 * CBOR map {@code {"__type": "com.amazonaws.cloudwatch#<Shape>", "message": …}} plus {@code x-amzn-query-error}
 * (CloudWatch is query compatible). The route needs nothing from the core: the path alone identifies the protocol.
 */
final class CloudWatchCborHandler implements ServiceHandler {

    static final String PATH = "/service/" + CloudWatchApi.SERVICE + "/operation/";
    private static final ObjectMapper CBOR = new CBORMapper();
    private static final String CONTENT_TYPE = "application/cbor";

    private final World world;
    private final Edge edge;
    private final CloudWatchApi api;

    CloudWatchCborHandler(World world, Edge edge, CloudWatchApi api) {
        this.world = world;
        this.edge = edge;
        this.api = api;
    }

    @Override
    public String name() {
        return "cloudwatch-cbor";
    }

    @Override
    public boolean accepts(SandboxRequest r) {
        return r.path().startsWith(PATH);
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        String requestId = edge.requestIds().next();
        try {
            if (!"POST".equals(request.method())) {
                throw new AwsException("UnknownOperationException", "UnknownOperationException", 405, true,
                        "RPC v2 operations are invoked with POST.");
            }
            if (!"rpc-v2-cbor".equals(request.header("smithy-protocol"))) {
                throw new AwsException("InvalidRequest", "InvalidRequest", 400, true,
                        "Missing or unsupported Smithy-Protocol header; expected rpc-v2-cbor.");
            }
            String opName = request.path().substring(PATH.length());
            CloudWatchApi.Registered reg = api.get(opName);
            if (reg == null) {
                throw new AwsException("UnknownOperationException", "InvalidAction", 404, true,
                        "Unknown operation " + opName);
            }
            if (request.body().length > 0 && !request.contentType().startsWith(CONTENT_TYPE)) {
                throw new AwsException("SerializationException", "MalformedInput", 415, true,
                        "Expected Content-Type application/cbor, got " + request.contentType());
            }
            JsonNode body = parse(request.body());
            Caller caller = edge.authenticator().authenticate(request);
            edge.throttler().acquire(caller.account(), caller.region(), "cloudwatch:" + reg.family(),
                    CloudWatchApi.rate(reg.family()));
            ObjectNode out = world.locked(() -> {
                world.timeline().runDue(world.clock().now());
                caller.authorize("cloudwatch", opName, "*");
                return reg.op().handle(new Call(caller, requestId, opName, world), Args.of(body));
            });
            return new SandboxResponse(200, CONTENT_TYPE, headers(requestId, null), Wire.cbor(out));
        } catch (AwsException e) {
            return error(e, requestId);
        } catch (RuntimeException e) {
            edge.logFailure(name(), e);
            return error(AwsException.internal("An internal error occurred: " + e), requestId);
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return Wire.object();
        }
        JsonNode n;
        try {
            n = CBOR.readTree(body);
        } catch (IOException e) {
            throw new AwsException("SerializationException", "MalformedInput", 400, true,
                    "Unable to parse the request body as CBOR: " + e.getMessage());
        }
        if (n == null || n.isMissingNode() || n.isNull()) {
            return Wire.object();
        }
        if (!n.isObject()) {
            throw new AwsException("SerializationException", "MalformedInput", 400, true,
                    "The request body must be a CBOR map.");
        }
        return n;
    }

    private static Map<String, String> headers(String requestId, AwsException e) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-amzn-RequestId", requestId);
        h.put("smithy-protocol", "rpc-v2-cbor");
        if (e != null) {
            h.put("x-amzn-query-error", e.queryCode() + ";" + (e.sender() ? "Sender" : "Receiver"));
        }
        return h;
    }

    @Override
    public SandboxResponse error(AwsException e, String requestId) {
        ObjectNode body = Wire.object();
        body.put("__type", "com.amazonaws.cloudwatch#" + e.jsonCode());
        body.put("message", e.getMessage());
        return new SandboxResponse(e.status(), CONTENT_TYPE, headers(requestId, e), Wire.cbor(body));
    }
}
