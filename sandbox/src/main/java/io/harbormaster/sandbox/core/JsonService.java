package io.harbormaster.sandbox.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of services that speak AWS JSON 1.0/1.1: {@code X-Amz-Target: <prefix>.<Operation>} and a JSON body in,
 * JSON out, errors as {@code {"__type": code, "message": …}} with HTTP 400. A subclass registers its operations
 * with {@link #op}.
 */
public abstract class JsonService implements ServiceHandler {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** One operation: reads its parameters, answers its output structure. */
    @FunctionalInterface
    public interface Operation {
        ObjectNode handle(Call call, JsonParams params);
    }

    private record Registered(Operation op, String family) {
    }

    private final Map<String, Registered> ops = new HashMap<>();
    protected final World world;
    private final Edge edge;
    private final String targetPrefix;
    private final String contentType;
    private final String iamPrefix;

    /**
     * @param targetPrefix e.g. "AmazonEC2ContainerServiceV20141113"
     * @param contentType  "application/x-amz-json-1.1" or "application/x-amz-json-1.0"
     * @param iamPrefix    IAM action prefix for AccessDenied messages, e.g. "ecs"
     */
    protected JsonService(World world, Edge edge, String targetPrefix, String contentType, String iamPrefix) {
        this.world = world;
        this.edge = edge;
        this.targetPrefix = targetPrefix;
        this.contentType = contentType;
        this.iamPrefix = iamPrefix;
    }

    protected final void op(String name, String throttleFamily, Operation op) {
        ops.put(name, new Registered(op, throttleFamily));
    }

    protected Throttler.Rate rate(String family) {
        return new Throttler.Rate(50, 20);
    }

    /** What a missing required member is answered with. */
    protected AwsException missingParameter(String member) {
        return new AwsException("ValidationException", "1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
    }

    /** The resource named in an AccessDenied message; "*" unless a subclass knows better. */
    protected String resourceFor(String operation, JsonParams params, Caller caller) {
        return "*";
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    @Override
    public boolean accepts(SandboxRequest r) {
        String target = r.header("x-amz-target");
        return target != null && target.startsWith(targetPrefix + ".");
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        String requestId = edge.requestIds().next();
        try {
            String target = request.header("x-amz-target");
            String opName = target.substring(targetPrefix.length() + 1);
            Registered reg = ops.get(opName);
            if (reg == null) {
                throw new AwsException("UnknownOperationException", "Unknown operation " + target);
            }
            JsonParams params = new JsonParams(parseBody(request), this::missingParameter);
            Caller caller = edge.authenticator().authenticate(request);
            edge.throttler().acquire(caller.account(), caller.region(), iamPrefix + ":" + reg.family(), rate(reg.family()));
            ObjectNode out = world.locked(() -> {
                world.timeline().runDue(world.clock().now());
                caller.authorize(iamPrefix, opName, resourceFor(opName, params, caller));
                return reg.op().handle(new Call(caller, requestId, opName, world), params);
            });
            return SandboxResponse.of(200, contentType, requestId, MAPPER.writeValueAsBytes(out));
        } catch (AwsException e) {
            return error(e, requestId);
        } catch (JsonProcessingException | RuntimeException e) {
            edge.logFailure(name(), e);
            return error(AwsException.internal("An internal error occurred: " + e), requestId);
        }
    }

    private static ObjectNode parseBody(SandboxRequest request) {
        if (request.body().length == 0) {
            return object();
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(request.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AwsException("SerializationException", "Unable to parse the request body as JSON: "
                    + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new AwsException("SerializationException", "Unable to read the request body: " + e.getMessage());
        }
        if (n == null || n.isMissingNode()) {
            return object();
        }
        if (!n.isObject()) {
            throw new AwsException("SerializationException", "Start of list or value found where a structure was expected.");
        }
        return (ObjectNode) n;
    }

    @Override
    public SandboxResponse error(AwsException e, String requestId) {
        ObjectNode body = object().put("__type", e.jsonCode()).put("message", e.getMessage());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-RequestId", requestId);
        headers.put("x-amzn-ErrorType", e.jsonCode());
        try {
            return new SandboxResponse(e.status(), contentType, headers, MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
