package io.harbormaster.sandbox.cloudwatch;

import io.harbormaster.sandbox.core.Edge;
import io.harbormaster.sandbox.core.QueryService;
import io.harbormaster.sandbox.core.Throttler;
import io.harbormaster.sandbox.core.World;

/** CloudWatch over the query protocol (SDK v2 ≤ 2.40.5, the AWS CLI): signing name "monitoring", version 2010-08-01. */
final class CloudWatchQueryHandler extends QueryService {

    CloudWatchQueryHandler(World world, Edge edge, CloudWatchApi api) {
        super(world, edge, "monitoring", CloudWatchApi.VERSION, CloudWatchApi.NAMESPACE);
        for (CloudWatchApi.Registered r : api.operations().values()) {
            op(r.name(), r.family(), (call, params, result) -> Wire.xml(r.op().handle(call, Args.fromQuery(params.asMap())), result));
        }
    }

    @Override
    protected Throttler.Rate rate(String family) {
        return CloudWatchApi.rate(family);
    }

    @Override
    protected String iamPrefix() {
        return "cloudwatch";
    }

    @Override
    public String name() {
        return "cloudwatch-query";
    }
}
