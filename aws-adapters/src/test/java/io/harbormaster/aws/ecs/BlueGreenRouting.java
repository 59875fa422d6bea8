package io.harbormaster.aws.ecs;

import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.deploy.LoadBalancerRouting;
import io.harbormaster.model.environment.EnvironmentSession;
import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;

/** A sandbox service's load balancer as a traffic-shifting deploy needs it, read from the sandbox's fixtures. */
public final class BlueGreenRouting {

    /** The stage account's infrastructure role ECS assumes to move a listener rule's weights. */
    public static final String ROLE = "arn:aws:iam::333333333333:role/ecsInfrastructureRoleForLoadBalancers";

    private BlueGreenRouting() {
    }

    /** The service's load balancer with its {@code -alt} twin and the listener rule forwarding to it. */
    public static List<LoadBalancerRouting> of(AwsClientFactory clients, AwsSessions sessions,
            EnvironmentSession session, String cluster, String service) {
        EcsClient ecs = clients.ecs(sessions.context(session));
        ElasticLoadBalancingV2Client elb = clients.elbv2(sessions.context(session));
        LoadBalancer lb = ecs.describeServices(b -> b.cluster(cluster).services(service)).services()
                .get(0).loadBalancers().get(0);
        String tgName = lb.targetGroupArn().split("/")[1];
        String alternate = elb.describeTargetGroups(b -> b.names(tgName + "-alt")).targetGroups().get(0)
                .targetGroupArn();
        String lbArn = elb.describeTargetGroups(b -> b.targetGroupArns(lb.targetGroupArn())).targetGroups().get(0)
                .loadBalancerArns().get(0);
        for (var l : elb.describeListeners(b -> b.loadBalancerArn(lbArn)).listeners()) {
            for (Rule r : elb.describeRules(b -> b.listenerArn(l.listenerArn())).rules()) {
                boolean forwards = r.actions().stream().anyMatch(a -> a.forwardConfig() != null && a.forwardConfig()
                        .targetGroups().stream().anyMatch(t -> t.targetGroupArn().equals(lb.targetGroupArn())));
                if (forwards) {
                    return List.of(new LoadBalancerRouting(lb.targetGroupArn(), lb.containerName(),
                            lb.containerPort(), alternate, r.ruleArn(), "", ROLE));
                }
            }
        }
        throw new AssertionError("no rule forwards to " + lb.targetGroupArn());
    }
}
