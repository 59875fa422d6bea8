package io.harbormaster.aws.elb;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.aws.session.ClientContext;
import io.harbormaster.aws.session.Renewal;
import io.harbormaster.model.deploy.LoadBalancerRouting;
import io.harbormaster.model.deploy.SuggestRouting;
import io.harbormaster.model.environment.EnvironmentSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * Blue/green routing suggestions from ELBv2: the alternate target group is another target group of the same VPC,
 * protocol and port that no load balancer rule forwards production to yet, preferring one named after the primary
 * ("web-tg" → "web-tg-alt", "web-tg-green"); the production listener rule is the rule of the primary's load balancer
 * that forwards to it; the role is the one AWS's documentation names for ECS to manage load balancers
 * ({@code ecsInfrastructureRoleForLoadBalancers}) in the session's account. The operator sees and may change each.
 */
public final class ElbRoutingSuggestions implements SuggestRouting {

    static final String ROLE_NAME = "ecsInfrastructureRoleForLoadBalancers";

    private final AwsSessions sessions;
    private final AwsClientFactory clients;

    public ElbRoutingSuggestions(AwsSessions sessions, AwsClientFactory clients) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public List<LoadBalancerRouting> suggest(EnvironmentSession session, List<LoadBalancerRouting> loadBalancers) {
        List<LoadBalancerRouting> out = new ArrayList<>();
        ClientContext context = sessions.context(session);
        ElasticLoadBalancingV2Client elb = clients.elbv2(context);
        try {
            for (LoadBalancerRouting lb : loadBalancers) {
                out.add(lb.hasAdvanced() || lb.targetGroupArn().isEmpty() ? lb : suggest(context, elb, session, lb));
            }
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "looking for an alternate target group in "
                    + session.environment().displayName());
        }
        return out;
    }

    private LoadBalancerRouting suggest(ClientContext context, ElasticLoadBalancingV2Client elb,
                                        EnvironmentSession session, LoadBalancerRouting lb) {
        List<TargetGroup> primary = Renewal.call(context, () -> elb.describeTargetGroups(r -> r.targetGroupArns(
                lb.targetGroupArn()))).targetGroups();
        if (primary.isEmpty() || primary.get(0).loadBalancerArns().isEmpty()) {
            return lb;
        }
        TargetGroup tg = primary.get(0);
        String loadBalancer = tg.loadBalancerArns().get(0);
        Optional<String> rule = productionRule(context, elb, loadBalancer, tg.targetGroupArn());
        List<TargetGroup> all = Renewal.call(context, () -> {
            List<TargetGroup> pages = new ArrayList<>();
            elb.describeTargetGroupsPaginator(r -> { }).targetGroups().forEach(pages::add);
            return pages;
        });
        Optional<TargetGroup> alternate = all.stream()
                .filter(t -> !t.targetGroupArn().equals(tg.targetGroupArn()))
                .filter(t -> Objects.equals(t.vpcId(), tg.vpcId()) && Objects.equals(t.protocol(), tg.protocol())
                        && Objects.equals(t.port(), tg.port()))
                .filter(t -> t.loadBalancerArns().isEmpty() || t.loadBalancerArns().contains(loadBalancer))
                .min(Comparator.comparingInt((TargetGroup t) -> t.targetGroupName().startsWith(
                        tg.targetGroupName()) ? 0 : 1).thenComparing(TargetGroup::targetGroupName));
        if (alternate.isEmpty() || rule.isEmpty()) {
            return lb;
        }
        return lb.withAdvanced(alternate.get().targetGroupArn(), rule.get(), "",
                "arn:aws:iam::" + session.identity().account() + ":role/" + ROLE_NAME);
    }

    private static Optional<String> productionRule(ClientContext context, ElasticLoadBalancingV2Client elb,
                                                   String loadBalancer, String targetGroup) {
        for (Listener l : Renewal.call(context, () -> elb.describeListeners(r -> r.loadBalancerArn(loadBalancer)))
                .listeners()) {
            for (Rule r : Renewal.call(context, () -> elb.describeRules(b -> b.listenerArn(l.listenerArn())))
                    .rules()) {
                if (r.actions().stream().anyMatch(a -> forwardsTo(a, targetGroup))) {
                    return Optional.of(r.ruleArn());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean forwardsTo(Action a, String targetGroup) {
        return targetGroup.equals(a.targetGroupArn()) || (a.forwardConfig() != null && a.forwardConfig()
                .targetGroups().stream().anyMatch(t -> targetGroup.equals(t.targetGroupArn())));
    }
}
