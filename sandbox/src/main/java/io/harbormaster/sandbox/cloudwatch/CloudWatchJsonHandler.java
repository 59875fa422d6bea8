package io.harbormaster.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.AwsException;
import io.harbormaster.sandbox.core.Edge;
import io.harbormaster.sandbox.core.JsonService;
import io.harbormaster.sandbox.core.SandboxResponse;
import io.harbormaster.sandbox.core.Throttler;
import io.harbormaster.sandbox.core.World;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudWatch over AWS JSON 1.0: {@code X-Amz-Target: GraniteServiceVersion20100801.<Op>}. CloudWatch is "query
 * compatible", so errors also carry {@code x-amzn-query-error: <query code>;Sender}.
 */
final class CloudWatchJsonHandler extends JsonService {

    CloudWatchJsonHandler(World world, Edge edge, CloudWatchApi api) {
        super(world, edge, CloudWatchApi.SERVICE, "application/x-amz-json-1.0", "cloudwatch");
        for (CloudWatchApi.Registered r : api.operations().values()) {
            op(r.name(), r.family(), (call, params) -> (ObjectNode) Wire.json(r.op().handle(call, Args.of(params.node()))));
        }
    }

    @Override
    protected Throttler.Rate rate(String family) {
        return CloudWatchApi.rate(family);
    }

    @Override
    protected AwsException missingParameter(String member) {
        return CwErrors.missing(member);
    }

    @Override
    public SandboxResponse error(AwsException e, String requestId) {
        SandboxResponse plain = super.error(e, requestId);
        Map<String, String> headers = new LinkedHashMap<>(plain.headers());
        headers.put("x-amzn-query-error", e.queryCode() + ";" + (e.sender() ? "Sender" : "Receiver"));
        return new SandboxResponse(plain.status(), plain.contentType(), headers, plain.body());
    }

    @Override
    public String name() {
        return "cloudwatch-json";
    }
}
