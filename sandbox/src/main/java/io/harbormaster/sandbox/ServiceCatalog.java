package io.harbormaster.sandbox;

import io.harbormaster.sandbox.autoscaling.AppAutoScalingModule;
import io.harbormaster.sandbox.cloudwatch.CloudWatchModule;
import io.harbormaster.sandbox.cloudwatch.TeamAlarmsModule;
import io.harbormaster.sandbox.core.SandboxModule;
import io.harbormaster.sandbox.ecs.EcsModule;
import io.harbormaster.sandbox.logs.LogsModule;
import io.harbormaster.sandbox.pricing.PricingModule;
import io.harbormaster.sandbox.elb.ElbModule;
import io.harbormaster.sandbox.route53.Route53Module;
import io.harbormaster.sandbox.sso.SsoModule;
import io.harbormaster.sandbox.sts.StsModule;
import io.harbormaster.sandbox.traffic.TrafficModule;
import java.util.List;

/**
 * The services the sandbox serves, in install order (a module may build on the ones before it). Adding a service
 * is adding its package with a {@link SandboxModule} and listing it here.
 */
final class ServiceCatalog {

    private ServiceCatalog() {
    }

    static List<SandboxModule> modules() {
        return List.of(
                new StsModule(),
                new SsoModule(),
                new EcsModule(),
                new ElbModule(),
                new Route53Module(),
                new TrafficModule(),
                new CloudWatchModule(),
                new LogsModule(),
                new PricingModule(),
                new AppAutoScalingModule(),
                new TeamAlarmsModule());
    }
}
