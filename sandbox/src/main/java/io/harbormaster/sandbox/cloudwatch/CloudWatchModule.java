package io.harbormaster.sandbox.cloudwatch;

import io.harbormaster.sandbox.core.AlarmStates;
import io.harbormaster.sandbox.core.MetricAlarms;
import io.harbormaster.sandbox.core.SandboxModule;

/**
 * CloudWatch: published metrics and alarms as a world component, served over all three protocols real CloudWatch
 * accepts — query (SDK v2 ≤ 2.40.5 and the AWS CLI), JSON 1.0, and Smithy RPC v2 CBOR (SDK v2 ≥ 2.40.7) — by one
 * set of operations. The fleet's own metrics come from the {@link io.harbormaster.sandbox.core.Telemetry}
 * component when the traffic model has registered one.
 */
public final class CloudWatchModule implements SandboxModule {

    @Override
    public void install(Installation in) {
        CloudWatch cw = new CloudWatch(in.world());
        in.world().register(CloudWatch.class, cw);
        in.world().register(AlarmStates.class, new CloudWatchAlarmStates(cw));
        in.world().register(MetricAlarms.class, new CloudWatchMetricAlarms(cw));
        CloudWatchApi api = new CloudWatchApi(cw);
        in.http().register(new CloudWatchCborHandler(in.world(), in.edge(), api));
        in.http().register(new CloudWatchJsonHandler(in.world(), in.edge(), api));
        in.http().register(new CloudWatchQueryHandler(in.world(), in.edge(), api));
    }
}
