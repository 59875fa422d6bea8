package io.harbormaster.sandbox.route53;

import io.harbormaster.sandbox.core.SandboxModule;
import io.harbormaster.sandbox.elb.Elb;

/** Route 53: hosted zones and records for the fleet's load balancers, changes PENDING → INSYNC, the REST-XML handler. */
public final class Route53Module implements SandboxModule {

    @Override
    public void install(Installation in) {
        Elb elb = in.world().component(Elb.class);
        Route53 r53 = new Route53(in.world(), elb);
        in.world().register(Route53.class, r53);
        in.world().locked(() -> Route53Fleet.build(r53, elb));
        in.http().register(new Route53Handler(in.world(), in.edge(), r53));
    }
}
