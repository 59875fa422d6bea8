package io.harbormaster.sandbox.traffic;

import io.harbormaster.sandbox.core.SandboxModule;
import io.harbormaster.sandbox.core.Telemetry;
import io.harbormaster.sandbox.ecs.Ecs;
import io.harbormaster.sandbox.elb.Elb;
import io.harbormaster.sandbox.route53.Route53;

/** The traffic model: registers the fleet's {@link Telemetry} for CloudWatch to serve. No handler of its own. */
public final class TrafficModule implements SandboxModule {

    @Override
    public void install(Installation in) {
        TrafficModel model = new TrafficModel(in.world(), in.world().component(Ecs.class),
                in.world().component(Elb.class), in.world().component(Route53.class), in.businessDay());
        in.world().locked(model::start);
        in.world().register(Telemetry.class, model);
    }
}
