package io.harbormaster.sandbox.elb;

import io.harbormaster.sandbox.core.SandboxModule;
import io.harbormaster.sandbox.ecs.Ecs;
import io.harbormaster.sandbox.ecs.LoadBalancing;

/** Elastic Load Balancing v2: load balancers for the fleet's services, targets that follow ECS, the query handler. */
public final class ElbModule implements SandboxModule {

    @Override
    public void install(Installation in) {
        Ecs ecs = in.world().component(Ecs.class);
        Elb elb = new Elb(in.world(), ecs);
        in.world().register(Elb.class, elb);
        in.world().register(LoadBalancing.class, new EcsTrafficShifting(elb));
        in.world().locked(() -> {
            new ElbFleet(elb, in.world().seed(), in.world().now()).build();
            elb.follow();
        });
        in.http().register(new ElbHandler(in.world(), in.edge(), elb));
    }
}
