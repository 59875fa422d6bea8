package io.harbormaster.sandbox.core;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Base of services that speak the AWS query protocol: form-encoded {@code Action=…&Version=…} in, XML out, XML
 * errors in the {@code <ErrorResponse>} shape. A subclass registers its operations with {@link #op}.
 */
public abstract class QueryService implements ServiceHandler {

    /** One operation: reads its parameters and writes the inside of its {@code <…Result>} element. */
    @FunctionalInterface
    public interface Operation {
        void handle(Call call, QueryParams params, Xml result);
    }

    private record Registered(Operation op, String family, boolean authenticated) {
    }

    private final Map<String, Registered> ops = new HashMap<>();
    protected final World world;
    private final Edge edge;
    private final String signingName;
    private final String version;
    private final String namespace;

    /**
     * @param signingName the service name in the SigV4 scope, e.g. "sts", "elasticloadbalancing", "monitoring"
     * @param version     the API version clients send, e.g. "2011-06-15"
     * @param namespace   the XML namespace of answers, e.g. "https://sts.amazonaws.com/doc/2011-06-15/"
     */
    protected QueryService(World world, Edge edge, String signingName, String version, String namespace) {
        this.world = world;
        this.edge = edge;
        this.signingName = signingName;
        this.version = version;
        this.namespace = namespace;
    }

    protected final void op(String action, String throttleFamily, Operation op) {
        ops.put(action, new Registered(op, throttleFamily, true));
    }

    /** How fast a family's bucket refills; override for service-specific limits. */
    protected Throttler.Rate rate(String family) {
        return new Throttler.Rate(100, 50);
    }

    /** The IAM action prefix used in AccessDenied messages, e.g. "sts", "elasticloadbalancing". */
    protected String iamPrefix() {
        return signingName;
    }

    /** The resource named in an AccessDenied message; "*" unless a subclass knows better. */
    protected String resourceFor(String action, QueryParams params, Caller caller) {
        return "*";
    }

    @Override
    public boolean accepts(SandboxRequest r) {
        if (!isQuery(r)) {
            return false;
        }
        SandboxRequest.CredentialScope scope = r.credentialScope();
        if (scope != null) {
            return scope.service().equals(signingName);
        }
        return version.equals(params(r).string("Version"));
    }

    static boolean isQuery(SandboxRequest r) {
        if (r.header("x-amz-target") != null) {
            return false;
        }
        if ("POST".equals(r.method())) {
            return r.contentType().startsWith("application/x-www-form-urlencoded");
        }
        return "GET".equals(r.method()) && r.rawQuery().contains("Action=");
    }

    static QueryParams params(SandboxRequest r) {
        return QueryParams.parse("POST".equals(r.method()) ? r.bodyText() : r.rawQuery());
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        String requestId = edge.requestIds().next();
        try {
            QueryParams params = params(request);
            String action = params.string("Action");
            if (action == null) {
                throw new AwsException("MissingAction", "MissingAction");
            }
            Registered reg = ops.get(action);
            if (reg == null) {
                String v = params.string("Version");
                throw new AwsException("InvalidAction", "Could not find operation " + action + " for version "
                        + (v == null ? version : v));
            }
            Caller caller = edge.authenticator().authenticate(request);
            // Keyed by the IAM prefix, not the signing name: a service spoken in several protocols (CloudWatch) has one
            // bucket per family whichever protocol the caller uses.
            edge.throttler().acquire(caller.account(), caller.region(), iamPrefix() + ":" + reg.family(), rate(reg.family()));
            Xml body = new Xml();
            world.locked(() -> {
                world.timeline().runDue(world.clock().now());
                caller.authorize(iamPrefix(), action, resourceFor(action, params, caller));
                body.openNs(action + "Response", namespace).open(action + "Result");
                reg.op().handle(new Call(caller, requestId, action, world), params, body);
                body.close(action + "Result")
                        .open("ResponseMetadata").leaf("RequestId", requestId).close("ResponseMetadata")
                        .close(action + "Response");
            });
            return SandboxResponse.text(200, "text/xml", requestId, body.toString());
        } catch (AwsException e) {
            return error(e, requestId);
        } catch (RuntimeException e) {
            edge.logFailure(name(), e);
            return error(AwsException.internal("An internal error occurred: " + e), requestId);
        }
    }

    @Override
    public SandboxResponse error(AwsException e, String requestId) {
        Xml x = new Xml().openNs("ErrorResponse", namespace).open("Error")
                .leaf("Type", e.sender() ? "Sender" : "Receiver")
                .leaf("Code", e.queryCode())
                .leaf("Message", e.getMessage())
                .close("Error").leaf("RequestId", requestId).close("ErrorResponse");
        return SandboxResponse.text(e.queryStatus(), "text/xml", requestId, x.toString());
    }

    protected static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
